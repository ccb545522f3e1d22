/**
 * `jyreward restore IN.xlsx OUT.xlsx`: undoes `portable` — every original JY formula back, byte for
 * byte, and the record, note sheet and _JY_* names removed — also after the file was saved by
 * Excel, WPS or LibreOffice in between.
 */
import JSZip from "jszip";
import { restore } from "../portable/xlsx";
import { EXIT, inOutArguments, writeAll, type CliContext } from "./context";
import { nodePacker } from "./node-packer";
import { writeFileWhole } from "./output-file";
import { shownName } from "./terminal";
import { conversionFailure, readInput } from "./input-file";
import type { Lang } from "../engine";

export function restoreHelp(lang: Lang): string {
  return lang === "zh"
    ? `jyreward restore：恢复 jyreward portable（或加载项“转为通用公式”）转换前的 JY 公式

用法：
  jyreward restore 输入.xlsx 输出.xlsx [--json] [--max-mb 200] [--max-cells 2000000]

恢复前逐项核对：记录须完整、未被改动（否则不恢复、不写出文件）；每个单元格须仍是转换后的公式或数值
（插入、删除行列后按顺序匹配找到新位置）。转换后被修改或找不到的单元格不恢复并逐一列出，
输出文件保留这些单元格的记录，处理后可再次恢复。
退出码：0 已全部恢复；1 工作簿不是通用版（不写出输出文件）、记录损坏，或有单元格未恢复（已列出）；2 用法错误、文件无法读取或超过上限被拒绝、输出无法写入。
`
    : `jyreward restore: bring back the JY formulas that jyreward portable (or the pane's Make portable) replaced

Usage:
  jyreward restore IN.xlsx OUT.xlsx [--json] [--max-mb 200] [--max-cells 2000000]

Every entry is checked first: the record must be whole and as written (else nothing is restored or
written); each cell must still hold its portable formula or frozen value (found by matching, in
order, after rows or columns were inserted or deleted). Cells edited since or not found are left
as they are and listed; the output keeps their record, so restore can be run again.
Exit codes: 0 all restored; 1 not portable (OUT is not written), a damaged record, or cells not
restored (listed); 2 bad usage, a file unreadable or refused by the limits, or the output cannot be written.
`;
}

export async function run(args: string[], ctx: CliContext): Promise<number> {
  const io = await inOutArguments(args, ctx, restoreHelp);
  if (!io) return EXIT.OK;
  const { input, output } = io;
  const zh = ctx.lang === "zh";
  const bytes = await readInput(input, ctx, io.limits);
  if (!bytes) return EXIT.USAGE;
  let result;
  try {
    result = await restore(bytes, JSZip, io.limits, nodePacker);
  } catch (e) {
    await writeAll(ctx.stderr, conversionFailure(input, e, ctx.lang) + "\n");
    return EXIT.USAGE;
  }
  const r = result.report;
  const at = (p: { sheet: string; cell: string }) => (p.sheet ? `${shownName(p.sheet)}!${shownName(p.cell)}` : "");
  if (!r.wasPortable) {
    // Nothing to restore: no output is written, so no copy can be mistaken for a restored file.
    await writeAll(
      ctx.stderr,
      ctx.lang === "zh"
        ? `“${shownName(input)}”不是通用版工作簿（没有 JY_ORIGINALS 记录），没有可恢复的公式；未写出“${shownName(output)}”。\n`
        : `"${shownName(input)}" is not a portable workbook (no JY_ORIGINALS record), so there is nothing to restore; "${shownName(output)}" was not written.\n`,
    );
    return EXIT.FAILURE;
  }
  if (r.damaged.length > 0) {
    const lines = [
      zh
        ? `${shownName(input)}：JY_ORIGINALS 记录已损坏或不完整，不能据此恢复，未写出任何文件（${r.damaged.length} 处）：`
        : `${shownName(input)}: the JY_ORIGINALS record is damaged or incomplete and cannot be trusted; nothing was restored or written (${r.damaged.length} problems):`,
      ...r.damaged.map((d) => `  ${at(d)}${at(d) ? "  " : ""}${zh ? d.zh : d.en}`),
    ];
    if (io.json) await writeAll(ctx.stdout, JSON.stringify(r) + "\n");
    await writeAll(ctx.stderr, lines.join("\n") + "\n");
    return EXIT.FAILURE;
  }
  await writeFileWhole(output, result.bytes);
  if (io.json) await writeAll(ctx.stdout, JSON.stringify(r) + "\n");
  else {
    const lines = [zh ? `已恢复 ${r.restored.length} 个单元格的原公式。` : `${r.restored.length} cells restored.`];
    if (r.moved.length > 0) {
      lines.push(zh ? `其中 ${r.moved.length} 个单元格因插入或删除行列已移位，按新位置恢复：` : `${r.moved.length} of them had moved (rows or columns inserted or deleted) and were restored where they are now:`);
      for (const m of r.moved.slice(0, 20)) lines.push(`  ${shownName(m.sheet)}!${m.cell} → ${m.now}`);
      if (r.moved.length > 20) lines.push(zh ? `  ……另有 ${r.moved.length - 20} 个` : `  … and ${r.moved.length - 20} more`);
    }
    for (const e of r.edited) lines.push(`  ${at(e)}  ${zh ? "表格计算列的公式转换后曾被修改，已恢复为原公式" : "the table column's portable formula had been changed; the original is back"}`);
    if (r.refused.length > 0) {
      lines.push(
        zh
          ? `未恢复 ${r.refused.length} 个单元格（保持原样；记录仍保留在 ${shownName(output)} 中，处理后可再次运行 restore）：`
          : `${r.refused.length} cells not restored (left as they are; the record stays in ${shownName(output)}, so restore can be run again once they are dealt with):`,
      );
      for (const p of r.refused) lines.push(`  ${at(p)}  ${zh ? p.zh : p.en}`);
    }
    await writeAll(ctx.stdout, lines.join("\n") + "\n");
  }
  return r.refused.length > 0 ? EXIT.FAILURE : EXIT.OK;
}
