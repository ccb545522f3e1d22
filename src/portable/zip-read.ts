/**
 * Opening a workbook container within the limits (zip-guard.ts) and reading its parts' text, each
 * inflated in chunks and given up as soon as it passes what its header declared: the one way
 * make-portable, restore and the register readers (src/hosts/xlsx) inflate a part. No Node API, so
 * the CLI and the playground read the same way.
 */
import type JSZip from "jszip";
import { checkZip, DEFAULT_LIMITS, FileRefused, isReadPart, type ZipEntryInfo, type ZipLimits } from "./zip-guard";

/** How many bytes a part of each open workbook may inflate to (its limit, whatever its header says). */
const inflateCaps = new WeakMap<JSZip, { max: number; declared: Map<string, number> }>();

/**
 * The container, after its directory passed the limits (`needed`: the parts the caller will
 * inflate); a FileRefused when it did not.
 */
export async function openGuarded(
  bytes: Uint8Array | ArrayBuffer,
  JSZipImpl: typeof JSZip,
  limits: ZipLimits = DEFAULT_LIMITS,
  needed: (name: string) => boolean = isReadPart,
): Promise<{ zip: JSZip; entries: ZipEntryInfo[] }> {
  const guard = checkZip(bytes, limits, needed);
  if (!guard.ok) throw new FileRefused(guard.zh, guard.en, guard.notZip === true);
  const zip = await JSZipImpl.loadAsync(bytes);
  inflateCaps.set(zip, { max: limits.maxBytes, declared: new Map(guard.entries.map((e) => [e.name, e.uncompressedSize])) });
  return { zip, entries: guard.entries };
}

/** A part's bytes, inflated in chunks, or a FileRefused as soon as they pass the part's cap. */
export function partBytes(zip: JSZip, path: string): Promise<Uint8Array | null> {
  const f = zip.file(path);
  if (!f) return Promise.resolve(null);
  const caps = inflateCaps.get(zip);
  // A part may not inflate past what its header declared (nor past the limit).
  const cap = Math.min(caps?.max ?? DEFAULT_LIMITS.maxBytes, caps?.declared.get(path) ?? Infinity);
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    let done = false;
    // JSZip's chunked reader (not in its typings): the same one async() drains whole.
    const stream = (f as unknown as { internalStream(type: "uint8array"): JSZip.JSZipStreamHelper<Uint8Array> & { pause(): void } }).internalStream("uint8array");
    stream
      .on("data", (chunk: Uint8Array) => {
        if (done) return;
        size += chunk.length;
        if (size > cap) {
          done = true;
          stream.pause();
          reject(new FileRefused(`部件 ${path} 解压后超出文件头所写的 ${cap} 字节（文件已损坏，或是构造的压缩炸弹）`, `the part ${path} inflates past the ${cap} bytes its header declares (a damaged file or a crafted zip bomb)`));
          return;
        }
        chunks.push(chunk);
      })
      .on("error", (e: Error) => {
        done = true;
        reject(e);
      })
      .on("end", () => {
        if (done) return;
        done = true;
        const all = new Uint8Array(size);
        let at = 0;
        for (const c of chunks) {
          all.set(c, at);
          at += c.length;
        }
        chunks.length = 0;
        resolve(all);
      })
      .resume();
  });
}

/** A part's text (UTF-8), bounded as partBytes. */
export async function partText(zip: JSZip, path: string): Promise<string | null> {
  const bytes = await partBytes(zip, path);
  return bytes === null ? null : new TextDecoder().decode(bytes);
}
