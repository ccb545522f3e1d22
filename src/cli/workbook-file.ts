/**
 * Reading a workbook file for portable and restore: refused with a sentence naming the file when
 * it cannot be read, is larger than the limit on disk, or its container is refused by the guard.
 */
import { readFile, stat } from "node:fs/promises";
import type { Lang } from "../engine/lang";
import { checkZip, FileRefused, type ZipLimits } from "../portable/zip-guard";
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
    const code = (e as NodeJS.ErrnoException).code ?? "";
    throw new ReadRefusal((lang) => {
      const why =
        code === "ENOENT"
          ? { zh: "文件不存在", en: "no such file" }
          : code === "EISDIR"
            ? { zh: "这是一个文件夹，不是工作簿", en: "it is a folder, not a workbook" }
            : code === "EACCES" || code === "EPERM"
              ? { zh: "没有读取权限", en: "permission denied" }
              : { zh: `无法读取（系统错误 ${code || "未知"}）`, en: `cannot be read (system error ${code || "unknown"})` };
      return refusalSentence(file, why, lang);
    });
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
    const code = (e as NodeJS.ErrnoException).code ?? "";
    throw new ReadRefusal((lang) => refusalSentence(file, { zh: `无法读取（系统错误 ${code}）`, en: `cannot be read (system error ${code})` }, lang));
  }
  const check = checkZip(bytes, limits);
  if (!check.ok) throw new ReadRefusal((lang) => refusalSentence(file, check, lang));
  return bytes;
}

/** A refusal raised while converting (FileRefused from the readers), as a ReadRefusal. */
export function asReadRefusal(file: string, e: unknown): ReadRefusal | null {
  if (e instanceof ReadRefusal) return e;
  if (e instanceof FileRefused) return new ReadRefusal((lang) => refusalSentence(file, e, lang));
  return null;
}
