/**
 * Why a workbook file could not be read, as one sentence in the output language that names the
 * file and says what to do: a system error (ENOENT, EACCES, EISDIR…) or a container that is not
 * an .xlsx (not a zip, damaged, no xl/workbook.xml). The library's own text never reaches the user.
 */
import type { Lang } from "../engine";

/** The input's bytes could not be read from disk. */
export function readFailure(file: string, error: unknown, lang: Lang): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const zh: Record<string, string> = {
    ENOENT: `找不到文件“${file}”：请检查路径和文件名（含扩展名 .xlsx）。`,
    EACCES: `没有权限读取“${file}”：请检查文件权限，或先把文件复制到自己的文件夹。`,
    EPERM: `没有权限读取“${file}”：请检查文件权限，或先把文件复制到自己的文件夹。`,
    EISDIR: `“${file}”是文件夹，不是工作簿：请给出 .xlsx 文件的路径。`,
    EMFILE: `暂时无法打开“${file}”（打开的文件过多）：请关闭其他程序后重试。`,
  };
  const en: Record<string, string> = {
    ENOENT: `"${file}" was not found: check the path and the file name (with its .xlsx extension).`,
    EACCES: `No permission to read "${file}": check the file's permissions, or copy it to a folder of your own first.`,
    EPERM: `No permission to read "${file}": check the file's permissions, or copy it to a folder of your own first.`,
    EISDIR: `"${file}" is a folder, not a workbook: give the path of an .xlsx file.`,
    EMFILE: `"${file}" cannot be opened right now (too many open files): close other programs and try again.`,
  };
  if (code && zh[code]) return lang === "zh" ? zh[code] : en[code];
  return lang === "zh"
    ? `无法读取“${file}”${code ? `（系统错误 ${code}）` : ""}：请确认文件存在、未被其他程序锁定，然后重试。`
    : `"${file}" could not be read${code ? ` (system error ${code})` : ""}: check that it exists and is not locked by another program, then try again.`;
}

/** The bytes were read but are not an .xlsx workbook this command can open. */
export function notWorkbook(file: string, error: unknown, lang: Lang): string {
  const message = error instanceof Error ? error.message : String(error);
  const notZip = /central directory|zip|signature|end of data|corrupted|compression|deflate|inflate/i.test(message);
  if (notZip) {
    return lang === "zh"
      ? `“${file}”不是 .xlsx 工作簿，或文件已损坏（无法按 .xlsx 的压缩格式打开）：若是 .xls、.et 或 .ods 文件，请先在 Excel 或 WPS 中“另存为”Excel 工作簿（.xlsx）；若文件损坏，请重新获取原文件。`
      : `"${file}" is not an .xlsx workbook, or it is damaged (it does not open as the zip container an .xlsx is): save a .xls, .et or .ods file as an Excel workbook (.xlsx) in Excel or WPS first; if it is damaged, get the original file again.`;
  }
  return lang === "zh"
    ? `“${file}”不是可读的 Excel 工作簿（缺少工作簿内容或内容已损坏）：请在 Excel 或 WPS 中打开后另存为 .xlsx 再试。`
    : `"${file}" is not a readable Excel workbook (its workbook part is missing or damaged): open it in Excel or WPS, save it as .xlsx, and try again.`;
}
