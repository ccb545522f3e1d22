/**
 * `jyreward audit FILE.xlsx|.xlsm|.xls|.ods… | FOLDER…`: the pane's register scan without Excel, for the city office
 * checking the towns' submissions: each file's findings and totals by payer, in Chinese by default
 * (`--lang en`), or `--json`. Exit code 0 when every register is clean, 1 when any row is excluded,
 * not covered or in error, 2 when a file cannot be read or holds no register (the others are
 * still audited).
 *
 * Cells are read as the workbook saved them (a formula cell gives its cached value); the amounts
 * come from the register's input columns through the engine, so a JY formula saved without a
 * value, or as _xldudf_JY_REWARD by an Excel without the add-in, changes nothing.
 */
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { findingText, formatMoney, SEVERITY_LABELS, type Lang } from "../engine";
import type { SkippedRow } from "../engine/register";
import { readSpreadsheet, SpreadsheetReadError } from "../hosts/xlsx/read";
import { registersIn, type SheetRegister } from "../hosts/xlsx/registers";
import type { ZipLimits } from "../portable/zip-guard";
import { EXIT, limitsFrom, parseOptions, UsageError, writeAll, type CliContext } from "./context";
import { loadInput, ReadRefusal } from "./input-file";
import { shownName } from "./terminal";

/** The files a folder contributes: every spreadsheet a town may send (.et only to say what to do). */
const SPREADSHEET = /\.(xlsx|xlsm|xls|ods|et)$/i;

export function auditHelp(lang: Lang): string {
  return lang === "zh"
    ? `jyreward audit：不用 Excel 检查台账（与任务窗格的扫描相同）

用法：
  jyreward audit 文件.xlsx|.xlsm|.xls|.ods… [文件夹…] [--json] [--today YYYY-MM-DD] [--max-mb 200] [--max-cells 2000000]

对每个文件：找到台账表头，逐行计算并检查（信用代码、重复、退出年度、验收条件、单位、时间节点），
列出发现的问题和按出资方（市财政、各镇、园区）汇总的奖励。表头上方的标题、单位行，两行表头，合计/小计/总计行、表尾（填表人等）、空行和只有序号的行会被识别并跳过。
文件夹会读取其中（含子文件夹）所有 .xlsx、.xlsm、.xls、.ods 文件。
  --json      每个文件一个 JSON 对象（JSON Lines）
  --today     按该日期检查时间节点（默认今天）
  --max-mb    每个文件读取的上限（MB，默认 200；解压前按文件目录检查，压缩炸弹不会被解压）
  --max-cells 每张工作表单元格数的上限（默认 2000000）；超出上限的文件说明原因后跳过，其余文件照常检查
退出码：0 全部无问题；1 有行不列入奖补、不适用本意见或输入错误；2 有文件无法读取或找不到台账（其余文件照常检查）。
`
    : `jyreward audit: check registers without Excel (the pane's scan)

Usage:
  jyreward audit FILE.xlsx|.xlsm|.xls|.ods… [FOLDER…] [--json] [--today YYYY-MM-DD] [--max-mb 200] [--max-cells 2000000]

For each file: finds the register's header, computes and checks every row (credit code, duplicates,
exit year, conditions, units, deadlines), lists the findings and the rewards by payer (city, each
town, the parks). Title and unit lines, two-row headers, total (合计) rows, footers (填表人…), blank
and serial-only rows are recognised and skipped. A folder means every .xlsx, .xlsm, .xls and .ods in it,
subfolders included.
  --json      one JSON object per file (JSON Lines)
  --today     check deadlines as of that date (default today)
  --max-mb    what each file may take to read, in MB (default 200; checked from the zip's directory before inflating, so a zip bomb is never inflated)
  --max-cells cells a sheet may hold (default 2000000); a file past a limit is refused with the reason, the others are still audited
Exit codes: 0 all clean; 1 some row excluded, not covered or in error; 2 a file unreadable or without a register (the others are still audited).
`;
}

export type SheetAudit = SheetRegister;

export interface FileAudit {
  file: string;
  error?: { zh: string; en: string };
  portable: boolean;
  registers: SheetAudit[];
}

/** One file read with the shared reader and every register in it scanned; a failure as a sentence. */
export async function auditFile(file: string, today: string | undefined, limits: ZipLimits): Promise<FileAudit> {
  const out: FileAudit = { file, portable: false, registers: [] };
  let book;
  try {
    book = await readSpreadsheet(new Uint8Array(await loadInput(file, limits)), file, limits);
  } catch (e) {
    // A file refused by the limits, damaged, or not there: said, and the other files still audited.
    if (e instanceof SpreadsheetReadError) out.error = { zh: e.zh, en: e.en };
    else if (e instanceof ReadRefusal) out.error = { zh: e.sentence("zh"), en: e.sentence("en") };
    else throw e;
    return out;
  }
  const found = registersIn(book, today);
  out.portable = found.portable;
  out.registers = found.registers;
  if (out.registers.length === 0) {
    const name = path.basename(file);
    out.error = {
      zh: `${name} 中找不到台账：没有一张工作表的表头同时含行业和两年销售额（可用任务窗格的“列对应”指定各列）`,
      en: `no register found in ${name}: no sheet has a header with the sector and both years' sales (the pane's column mapping can name them)`,
    };
  }
  return out;
}

const SKIP_LABELS: Record<SkippedRow["reason"], { zh: string; en: string }> = {
  title: { zh: "标题", en: "title" },
  total: { zh: "合计行", en: "total row" },
  footer: { zh: "表尾", en: "footer" },
  blank: { zh: "空行", en: "blank" },
  "serial-only": { zh: "只有序号", en: "serial number only" },
};

/** 分 → 万元 with two decimals, 四舍五入, in integers (1 万元 = 1,000,000 分). */
export function wan2(fen: number): string {
  const negative = fen < 0;
  const abs = Math.abs(fen);
  let hundredths = Math.floor(abs / 10_000);
  if (abs - hundredths * 10_000 >= 5_000) hundredths++;
  const whole = Math.floor(hundredths / 100);
  const frac = String(hundredths % 100).padStart(2, "0");
  return `${negative ? "-" : ""}${whole.toLocaleString("en-US")}.${frac}`;
}

/** Whether any row of the file is excluded, not covered or in error. */
function flagged(a: FileAudit): boolean {
  return a.registers.some((r) => {
    const c = r.scan.totals.counts;
    return c.excluded + c.notCovered + c.invalid > 0 || r.scan.missing.length > 0 || r.scan.findings.some((f) => f.severity === "error");
  });
}

function text(a: FileAudit, lang: Lang): string {
  const zh = lang === "zh";
  // File and sheet names come from outside: control and bidi characters are shown escaped.
  const lines = [`== ${shownName(a.file)} ==`];
  if (a.error) {
    lines.push(`  ${zh ? "错误" : "Error"}: ${shownName(zh ? a.error.zh : a.error.en)}`);
    return lines.join("\n") + "\n";
  }
  if (a.portable) lines.push(zh ? "  （通用版工作簿：JY 公式已转为原生公式）" : "  (portable workbook: JY formulas made native)");
  for (const r of a.registers) {
    const t = r.scan.totals;
    const c = t.counts;
    // Exact to the 分 in 元, with 万元 to two decimals beside it, as finance staff read amounts.
    const money = (fen: number) => (zh ? `${formatMoney(fen, "元", lang)}（${wan2(fen)} 万元）` : `${formatMoney(fen, "元", lang)} (${wan2(fen)} 10k yuan)`);
    lines.push(
      zh
        ? `工作表「${shownName(r.sheet)}」（表头 ${r.anchor}，${c.rows} 行）：符合 ${c.eligible}，不列入奖补 ${c.excluded}，不适用本意见 ${c.notCovered}，输入错误 ${c.invalid}`
        : `Sheet "${shownName(r.sheet)}" (header ${r.anchor}, ${c.rows} rows): eligible ${c.eligible}, excluded ${c.excluded}, not covered ${c.notCovered}, invalid ${c.invalid}`,
    );
    if (r.jyFormulas > 0) {
      lines.push(
        zh
          ? `  JY 公式 ${r.jyFormulas} 个${r.savedAsXldudf ? `（其中 ${r.savedAsXldudf} 个以 _xldudf_ 形式保存）` : ""}`
          : `  ${r.jyFormulas} JY formulas${r.savedAsXldudf ? ` (${r.savedAsXldudf} saved as _xldudf_)` : ""}`,
      );
    }
    if (r.scan.missing.length > 0) lines.push(`  ${zh ? "缺少必需列" : "Missing required columns"}: ${r.scan.missing.join(", ")}`);
    lines.push(`  ${zh ? "奖励合计" : "Total reward"} ${money(t.reward)}`);
    lines.push(`    ${zh ? "市财政" : "City finance"} ${money(t.city)}`);
    lines.push(`    ${zh ? "镇财政" : "Town finance"} ${money(t.townTotal)}`);
    // A payer with nothing to pay is left out, as in the pane.
    for (const town of t.towns.filter((x) => x.fen !== 0)) lines.push(`      ${zh ? town.nameZh : town.nameEn} ${money(town.fen)}`);
    if (t.townUnknown) lines.push(`      ${zh ? "未写明镇街" : "town not given"} ${money(t.townUnknown)}`);
    lines.push(`    ${zh ? "园区财政" : "Park finance"} ${money(t.parkTotal)}`);
    for (const park of t.parks.filter((x) => x.fen !== 0)) lines.push(`      ${zh ? park.nameZh : park.nameEn} ${money(park.fen)}`);
    const skippedData = r.skipped.filter((k) => k.reason !== "title");
    if (skippedData.length > 0) {
      lines.push(
        zh
          ? `  跳过 ${skippedData.length} 行（不计为企业）：${skippedData.map((k) => `第 ${k.row} 行 ${SKIP_LABELS[k.reason].zh}${k.text ? `「${k.text}」` : ""}`).join("；")}`
          : `  ${skippedData.length} rows skipped (not enterprises): ${skippedData.map((k) => `row ${k.row} ${SKIP_LABELS[k.reason].en}${k.text ? ` "${k.text}"` : ""}`).join("; ")}`,
      );
    }
    const findings = r.scan.findings;
    lines.push(`  ${zh ? "发现" : "Findings"} (${findings.length})${findings.length ? (zh ? "：" : ":") : ""}`);
    for (const f of findings) {
      const where = zh ? `第 ${f.row} 行` : `row ${f.row}`;
      lines.push(`    ${where} ${f.enterprise} [${SEVERITY_LABELS[f.severity][lang]}] ${findingText(f, lang)}${f.cells.length ? ` (${f.cells.join(", ")})` : ""}`);
    }
  }
  return lines.join("\n") + "\n";
}

function json(a: FileAudit): string {
  return JSON.stringify({
    file: a.file,
    ok: !a.error && !flagged(a),
    error: a.error ?? null,
    portable: a.portable,
    registers: a.registers.map((r) => ({
      sheet: r.sheet,
      header: r.anchor,
      unit: r.scan.totals.unit,
      skippedRows: r.skipped,
      jyFormulas: r.jyFormulas,
      savedAsXldudf: r.savedAsXldudf,
      missingColumns: r.scan.missing,
      counts: r.scan.totals.counts,
      totals: r.scan.totals,
      findings: r.scan.findings,
    })),
  });
}

/** Files and folders → the spreadsheet files in them (subfolders included), in name order. */
export async function expand(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    let s;
    try {
      s = await stat(p);
    } catch {
      out.push(p); // reported as unreadable
      continue;
    }
    if (!s.isDirectory()) {
      out.push(p);
      continue;
    }
    const entries = (await readdir(p, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
    const inside: string[] = [];
    for (const e of entries) {
      if (e.name.startsWith("~$") || e.name.startsWith(".")) continue;
      const full = path.join(p, e.name);
      if (e.isDirectory()) inside.push(full);
      else if (SPREADSHEET.test(e.name)) out.push(full);
    }
    out.push(...(await expand(inside)));
  }
  return out;
}

export async function run(args: string[], ctx: CliContext): Promise<number> {
  const parsed = parseOptions(args, ["today", "max-mb", "max-cells"], ["help", "h", "json"]);
  if (parsed.switches.has("help") || parsed.switches.has("h")) {
    await writeAll(ctx.stdout, auditHelp(ctx.lang));
    return EXIT.OK;
  }
  if (parsed.positional.length === 0) throw new UsageError("需要至少一个表格文件（.xlsx、.xls、.ods）或文件夹", "expects at least one spreadsheet file (.xlsx, .xls, .ods) or folder");
  const today = parsed.options.get("today");
  if (today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new UsageError("--today 应为 YYYY-MM-DD", "--today expects YYYY-MM-DD");
  const limits = limitsFrom(parsed.options);
  const files = await expand(parsed.positional);
  let unreadable = false;
  let issues = false;
  for (const file of files) {
    const a = await auditFile(file, today, limits);
    if (a.error) unreadable = true;
    else if (flagged(a)) issues = true;
    await writeAll(ctx.stdout, parsed.switches.has("json") ? json(a) + "\n" : text(a, ctx.lang));
  }
  if (files.length === 0) {
    await writeAll(ctx.stderr, ctx.lang === "zh" ? "没有找到表格文件（.xlsx、.xlsm、.xls、.ods）\n" : "no spreadsheet file (.xlsx, .xlsm, .xls, .ods) found\n");
    return 2;
  }
  return unreadable ? 2 : issues ? 1 : 0;
}
