/**
 * Reading a workbook file for portable and restore: refused with a sentence naming the file when
 * it cannot be read, is larger than the limit on disk, or its container is refused by the guard.
 */
import { readFile, stat } from "node:fs/promises";
import type { Lang } from "../engine/lang";
import { inflateRawSync } from "node:zlib";
import { checkZip, FileRefused, isReadPart, type ZipLimits } from "../portable/zip-guard";
import { repack } from "../portable/zip-write";
import { notWorkbook, readFailure } from "./file-errors";
import { shownName } from "./terminal";

/** A file that could not be read or was refused: the sentence to print. */
export class ReadRefusal extends Error {
  constructor(readonly sentence: (lang: Lang) => string) {
    super("refused");
  }
}

const mb = (n: number) => (n / (1024 * 1024)).toFixed(0);

/** The refusal sentence for a file: its name, then what is wrong. */
export function refusalSentence(file: string, refusal: { zh: string; en: string }, lang: Lang): string {
  return lang === "zh" ? `${shownName(file)}：${refusal.zh}，未作处理。` : `${shownName(file)}: ${refusal.en}; nothing was done.`;
}

/** The bytes of a workbook within the limits, or a ReadRefusal. */
export async function readWorkbookFile(file: string, limits: ZipLimits): Promise<Buffer> {
  let size: number;
  try {
    const st = await stat(file);
    if (st.isDirectory()) throw Object.assign(new Error("directory"), { code: "EISDIR" });
    size = st.size;
  } catch (e) {
    throw new ReadRefusal((lang) => readFailure(shownName(file), e, lang));
  }
  if (size > limits.maxBytes) {
    throw new ReadRefusal((lang) =>
      refusalSentence(
        file,
        {
          zh: `文件有 ${mb(size)} MB，超过上限 ${mb(limits.maxBytes)} MB（可用 --max-mb 调高）`,
          en: `the file is ${mb(size)} MB, over the limit of ${mb(limits.maxBytes)} MB (raise it with --max-mb)`,
        },
        lang,
      ),
    );
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    throw new ReadRefusal((lang) => readFailure(shownName(file), e, lang));
  }
  const check = checkZip(bytes, limits);
  if (!check.ok) throw new ReadRefusal((lang) => (check.notZip ? notWorkbook(shownName(file), new Error("zip"), lang) : refusalSentence(file, check, lang)));
  return bytes;
}

/** A refusal raised while converting (FileRefused from the readers), as a ReadRefusal. */
export function asReadRefusal(file: string, e: unknown): ReadRefusal | null {
  if (e instanceof ReadRefusal) return e;
  if (e instanceof FileRefused) return new ReadRefusal((lang) => refusalSentence(file, e, lang));
  return null;
}

/**
 * A workbook for a reader that inflates every part (audit's): each part it needs inflated once,
 * stopped at the size its header declares (a lying header is damage, found within that size), and
 * the large parts it does not need (media, embedded files) left out, never inflated. Null when the
 * bytes are fine as they are; a refusal when they are not.
 */
export function readableCopy(bytes: Uint8Array, limits: ZipLimits): { bytes: Uint8Array } | { zh: string; en: string } {
  const check = checkZip(bytes, limits);
  if (!check.ok) return check;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const drop = new Map<string, null>();
  for (const e of check.entries) {
    if (!isReadPart(e.name)) {
      if (/^xl\/(media|embeddings)\//i.test(e.name) || e.uncompressedSize > 1024 * 1024) drop.set(e.name, null);
      continue;
    }
    if (e.method !== 8 || e.localOffset === 0xffffffff || view.getUint32(e.localOffset, true) !== 0x04034b50) continue;
    const at = e.localOffset + 30 + view.getUint16(e.localOffset + 26, true) + view.getUint16(e.localOffset + 28, true);
    try {
      inflateRawSync(bytes.subarray(at, at + e.compressedSize), { maxOutputLength: Math.max(1, e.uncompressedSize) });
    } catch {
      return {
        zh: `部件 ${e.name} 无法解压，或解压后超出文件头所写的 ${e.uncompressedSize} 字节（文件已损坏，或是构造的压缩炸弹）`,
        en: `the part ${e.name} cannot be inflated, or inflates past the ${e.uncompressedSize} bytes its header declares (a damaged file or a crafted zip bomb)`,
      };
    }
  }
  if (drop.size === 0) return { bytes };
  // Only removals: nothing is deflated, so the packer is never asked.
  const copy = repack(bytes, drop, { deflateRaw: () => new Uint8Array(0), crc32: () => 0 });
  return { bytes: copy ?? bytes };
}
