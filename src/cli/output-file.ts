/**
 * Every file a jyreward command writes goes through `writeFileWhole`: the bytes go to a temporary
 * file beside the target, are flushed to disk (fsync), and only then renamed over the target. A
 * full disk, a missing directory or a killed process leaves the target as it was (also when the
 * target is the input) and no partial file behind.
 */
import { randomBytes } from "node:crypto";
import { open, rename, stat, unlink } from "node:fs/promises";
import path from "node:path";
import type { Lang } from "../engine/lang";
import { shownName } from "./terminal";

/** A write that failed: the target is untouched; `sentence` says why in the user's language. */
export class WriteFailure extends Error {
  constructor(
    readonly target: string,
    readonly code: string,
    readonly cause: unknown,
  ) {
    super(`cannot write ${target}: ${code}`);
    this.name = "WriteFailure";
  }
  sentence(lang: Lang): string {
    return writeFailureSentence(this.target, this.code, lang);
  }
}

/** Why a write failed, as a sentence naming the file (no stack trace). */
export function writeFailureSentence(target: string, code: string, lang: Lang): string {
  const name = shownName(target);
  const dir = shownName(path.dirname(target) || ".");
  const zh: Record<string, string> = {
    ENOENT: `无法写入 ${name}：文件夹 ${dir} 不存在。`,
    ENOTDIR: `无法写入 ${name}：路径 ${dir} 不是文件夹。`,
    EACCES: `无法写入 ${name}：没有写入权限（文件或文件夹 ${dir} 为只读）。`,
    EPERM: `无法写入 ${name}：没有写入权限（文件或文件夹 ${dir} 为只读）。`,
    EROFS: `无法写入 ${name}：所在磁盘为只读。`,
    ENOSPC: `无法写入 ${name}：磁盘空间不足。原文件未改动，也没有留下不完整的文件。`,
    EDQUOT: `无法写入 ${name}：超出磁盘配额。原文件未改动，也没有留下不完整的文件。`,
    EFBIG: `无法写入 ${name}：文件超过系统允许的大小。原文件未改动，也没有留下不完整的文件。`,
    EISDIR: `无法写入 ${name}：这是一个文件夹。`,
    EXDEV: `无法写入 ${name}：临时文件无法移到目标位置。`,
  };
  const en: Record<string, string> = {
    ENOENT: `Cannot write ${name}: the folder ${dir} does not exist.`,
    ENOTDIR: `Cannot write ${name}: ${dir} is not a folder.`,
    EACCES: `Cannot write ${name}: permission denied (the file or the folder ${dir} is read-only).`,
    EPERM: `Cannot write ${name}: permission denied (the file or the folder ${dir} is read-only).`,
    EROFS: `Cannot write ${name}: the disk is read-only.`,
    ENOSPC: `Cannot write ${name}: the disk is full. The existing file is unchanged and no partial file was left.`,
    EDQUOT: `Cannot write ${name}: disk quota exceeded. The existing file is unchanged and no partial file was left.`,
    EFBIG: `Cannot write ${name}: the file is larger than the system allows. The existing file is unchanged and no partial file was left.`,
    EISDIR: `Cannot write ${name}: it is a folder.`,
    EXDEV: `Cannot write ${name}: the temporary file could not be moved there.`,
  };
  const table = lang === "zh" ? zh : en;
  return (
    table[code] ??
    (lang === "zh" ? `无法写入 ${name}（系统错误 ${code}）。原文件未改动。` : `Cannot write ${name} (system error ${code}). The existing file is unchanged.`)
  );
}

const codeOf = (e: unknown): string => (e && typeof e === "object" && "code" in e && typeof (e as { code: unknown }).code === "string" ? (e as { code: string }).code : "EIO");

/**
 * Writes `bytes` to `target` whole or not at all. Throws WriteFailure (the target untouched, the
 * temporary file removed) on any failure.
 */
export async function writeFileWhole(target: string, bytes: Uint8Array): Promise<void> {
  const dir = path.dirname(path.resolve(target));
  // A name a directory listing sorts next to the target and no other run picks: removed on failure.
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  // An existing target keeps its permissions; one marked read-only is not replaced (rename would).
  let mode = 0o666;
  try {
    const st = await stat(target);
    if (st.isDirectory()) throw new WriteFailure(target, "EISDIR", null);
    if ((st.mode & 0o222) === 0) throw new WriteFailure(target, "EACCES", null);
    mode = st.mode & 0o777;
  } catch (e) {
    if (e instanceof WriteFailure) throw e;
  }
  let handle;
  try {
    handle = await open(temp, "wx", mode);
  } catch (e) {
    throw new WriteFailure(target, codeOf(e), e);
  }
  try {
    let at = 0;
    while (at < bytes.length) {
      const { bytesWritten } = await handle.write(bytes, at, Math.min(bytes.length - at, 1 << 24));
      at += bytesWritten;
    }
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temp, target);
  } catch (e) {
    if (handle) await handle.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw new WriteFailure(target, codeOf(e), e);
  }
}
