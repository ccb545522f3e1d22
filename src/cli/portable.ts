/**
 * `jyreward portable IN.xlsx OUT.xlsx`: every JY.REWARD / JY.FUNDING formula becomes a native
 * formula (same result from the same cells, in Excel 2010+, WPS and LibreOffice), JY.DETAIL /
 * JY.CHECK cells become frozen values; the originals travel in the workbook for `restore`.
 */
import JSZip from "jszip";
import { makePortable, type PortableReport } from "../portable/xlsx";
import { EXIT, inOutArguments, writeAll, type CliContext } from "./context";
import { nodePacker } from "./node-packer";
import { writeFileWhole } from "./output-file";
import { shownName } from "./terminal";
import { conversionFailure, readInput } from "./input-file";
import type { Lang } from "../engine";

export function portableHelp(lang: Lang): string {
  return lang === "zh"
    ? `jyreward portable：把工作簿中的 JY 公式转为通用公式（Excel 2010+、WPS、LibreOffice 均可计算）

用法：
  jyreward portable 输入.xlsx 输出.xlsx [--json] [--max-mb 200] [--max-cells 2000000]

JY.REWARD、JY.FUNDING 换成计算结果相同、仍引用原单元格的原生公式；JY.DETAIL、JY.CHECK 冻结为数值。
原公式保存在工作簿内（隐藏的 JY_ORIGINALS 工作表），可用 jyreward restore 恢复。
输出先写入同一文件夹的临时文件，写完并落盘后才替换目标文件：出错时原文件不变，也不留下不完整的文件。
读取上限：需读取的部件解压后共 200 MB、每张工作表 200 万个单元格（--max-mb、--max-cells 可调）；
超过上限、疑似压缩炸弹或已损坏的文件会被拒绝并说明原因。图片等用不到的部件原样保留，不解压。
没有 JY 公式（或已是通用版）时，输出文件是输入文件逐字节相同的副本。
退出码：0 全部转换（或无需转换）；1 有公式未能转换（见列表）；2 用法错误、文件无法读取或超过上限被拒绝、输出无法写入。
`
    : `jyreward portable: turn the workbook's JY formulas into portable formulas (Excel 2010+, WPS, LibreOffice)

Usage:
  jyreward portable IN.xlsx OUT.xlsx [--json] [--max-mb 200] [--max-cells 2000000]

JY.REWARD and JY.FUNDING become native formulas with the same result from the same cells; JY.DETAIL
and JY.CHECK become frozen values. The originals stay in the workbook (very hidden sheet
JY_ORIGINALS) for jyreward restore.
The output is written to a temporary file in the same folder, flushed, then renamed over the
target: on any failure the existing file is unchanged and no partial file is left.
Limits: 200 MB uncompressed in the parts read, 2,000,000 cells a sheet (--max-mb, --max-cells);
a file over them, a zip bomb or a damaged file is refused with the reason. Media and other parts
not needed are carried over compressed, never inflated.
With no JY formula (or already portable), OUT is a byte-for-byte copy of IN.
Exit codes: 0 all converted (or nothing to convert); 1 some formulas could not be converted (listed);
2 bad usage, a file unreadable or refused by the limits, or the output cannot be written.
`;
}

export function reportText(report: PortableReport, lang: Lang): string {
  const natives = report.converted.filter((c) => c.kind === "native").length;
  const frozen = report.converted.filter((c) => c.kind === "frozen").length;
  const lines = [
    lang === "zh"
      ? `已转换 ${natives} 个单元格为通用公式，冻结 ${frozen} 个单元格为数值，未转换 ${report.skipped.length} 个。`
      : `${natives} cells made portable, ${frozen} frozen as values, ${report.skipped.length} not converted.`,
  ];
  const columns = report.columns ?? [];
  if (columns.length > 0) {
    const n = columns.filter((c) => c.kind === "native").length;
    lines.push(
      lang === "zh"
        ? `表格计算列：${n} 列改为通用公式，${columns.length - n} 列（已冻结的核查/明细列）去掉了列公式。`
        : `Table calculated columns: ${n} made portable, ${columns.length - n} (frozen check/detail columns) left without a column formula.`,
    );
  }
  if (report.alreadyPortable) {
    lines.push(lang === "zh" ? "该工作簿已是通用版（含 JY_ORIGINALS），未作改动：输出文件与输入文件逐字节相同。" : "The workbook is already portable (it has JY_ORIGINALS); nothing changed: the output file is a byte-for-byte copy of the input.");
  } else if (report.converted.length === 0 && columns.length === 0) {
    lines.push(lang === "zh" ? "未作改动：输出文件与输入文件逐字节相同。" : "Nothing changed: the output file is a byte-for-byte copy of the input.");
  }
  for (const s of report.skipped) lines.push(`  ${shownName(s.sheet)}!${s.cell}  ${lang === "zh" ? s.zh : s.en}`);
  return lines.join("\n") + "\n";
}

export async function run(args: string[], ctx: CliContext): Promise<number> {
  const io = await inOutArguments(args, ctx, portableHelp);
  if (!io) return EXIT.OK;
  const { input, output } = io;
  const bytes = await readInput(input, ctx, io.limits);
  if (!bytes) return EXIT.USAGE;
  let result;
  try {
    result = await makePortable(bytes, JSZip, io.limits, nodePacker);
  } catch (e) {
    await writeAll(ctx.stderr, conversionFailure(input, e, ctx.lang) + "\n");
    return EXIT.USAGE;
  }
  await writeFileWhole(output, result.bytes);
  await writeAll(ctx.stdout, io.json ? JSON.stringify(result.report) + "\n" : reportText(result.report, ctx.lang));
  return result.report.skipped.length > 0 ? EXIT.FAILURE : EXIT.OK;
}
