/**
 * `jyreward restore IN.xlsx OUT.xlsx`: undoes `portable` — every original JY formula back, byte for
 * byte, and the record, note sheet and _JY_* names removed — also after the file was saved by
 * Excel, WPS or LibreOffice in between.
 */
import { readFile, writeFile } from "node:fs/promises";
import JSZip from "jszip";
import { restore } from "../portable/xlsx";
import { EXIT, inOutArguments, writeAll, type CliContext } from "./context";
import { notWorkbook, readFailure } from "./file-errors";
import type { Lang } from "../engine";

export function restoreHelp(lang: Lang): string {
  return lang === "zh"
    ? `jyreward restore：恢复 jyreward portable（或加载项“转为通用公式”）转换前的 JY 公式

用法：
  jyreward restore 输入.xlsx 输出.xlsx [--json]

退出码：0 已恢复；1 工作簿不是通用版（不写出输出文件），或有单元格找不到；2 用法错误或文件无法读取。
`
    : `jyreward restore: bring back the JY formulas that jyreward portable (or the pane's Make portable) replaced

Usage:
  jyreward restore IN.xlsx OUT.xlsx [--json]

Exit codes: 0 restored; 1 the workbook is not portable (OUT is not written), or some cells were not found; 2 bad usage or unreadable file.
`;
}

export async function run(args: string[], ctx: CliContext): Promise<number> {
  const io = await inOutArguments(args, ctx, restoreHelp);
  if (!io) return EXIT.OK;
  const { input, output } = io;
  let bytes: Buffer;
  try {
    bytes = await readFile(input);
  } catch (e) {
    await writeAll(ctx.stderr, readFailure(input, e, ctx.lang) + "\n");
    return EXIT.USAGE;
  }
  let result;
  try {
    result = await restore(bytes, JSZip);
  } catch (e) {
    await writeAll(ctx.stderr, notWorkbook(input, e, ctx.lang) + "\n");
    return EXIT.USAGE;
  }
  const r = result.report;
  if (!r.wasPortable) {
    // Nothing to restore: no output is written, so no copy can be mistaken for a restored file.
    await writeAll(
      ctx.stderr,
      ctx.lang === "zh"
        ? `“${input}”不是通用版工作簿（没有 JY_ORIGINALS 记录），没有可恢复的公式；未写出“${output}”。\n`
        : `"${input}" is not a portable workbook (no JY_ORIGINALS record), so there is nothing to restore; "${output}" was not written.\n`,
    );
    return EXIT.FAILURE;
  }
  await writeFile(output, result.bytes);
  if (io.json) await writeAll(ctx.stdout, JSON.stringify(r) + "\n");
  else {
    const lines = [ctx.lang === "zh" ? `已恢复 ${r.restored.length} 个单元格的原公式。` : `${r.restored.length} cells restored.`];
    for (const e of r.edited) lines.push(`  ${e.sheet}!${e.cell}  ${ctx.lang === "zh" ? "转换后公式曾被修改，已恢复为原公式" : "its portable formula had been edited; the original is back"}`);
    for (const m of r.missing) lines.push(`  ${m.sheet}!${m.cell}  ${ctx.lang === "zh" ? "找不到该单元格" : "cell not found"}`);
    await writeAll(ctx.stdout, lines.join("\n") + "\n");
  }
  return r.missing.length > 0 ? EXIT.FAILURE : EXIT.OK;
}
