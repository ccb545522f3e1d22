/**
 * `jyreward audit FILE.xlsx… | FOLDER…`: the pane's register scan without Excel, for the city office
 * checking the towns' submissions: each file's findings and totals by payer, in Chinese by default
 * (`--lang en`), or `--json`. Exit code 0 when every register is clean, 1 when any row is excluded,
 * not covered or in error, 2 when a file cannot be read or holds no register (the others are
 * still audited).
 *
 * Cells are read as the workbook saved them (a formula cell gives its cached value); the amounts
 * come from the register's input columns through the engine, so a JY formula saved without a
 * value, or as _xldudf_JY_REWARD by an Excel without the add-in, changes nothing.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import ExcelJS from "exceljs";
import { findingText, formatMoney, SEVERITY_LABELS, type Lang } from "../engine";
import { columnLetters, scanRegister, type RegisterScan } from "../engine/register";
import { callsJy } from "../portable/formula";
import { NOTE_SHEET, RECORD_SHEET } from "../portable/xlsx";
import { DEFAULT_LIMITS } from "../portable/zip-guard";
import { readableCopy } from "./workbook-file";
import { splitRegionValues } from "../workbook/region";
import { EXIT, parseOptions, UsageError, writeAll, type CliContext } from "./context";

export function auditHelp(lang: Lang): string {
  return lang === "zh"
    ? `jyreward audit：不用 Excel 检查台账（与任务窗格的扫描相同）

用法：
  jyreward audit 文件.xlsx… [文件夹…] [--json] [--today YYYY-MM-DD]

对每个文件：找到台账表头，逐行计算并检查（信用代码、重复、退出年度、验收条件、单位、时间节点），
列出发现的问题和按出资方（市财政、各镇、园区）汇总的奖励。文件夹会读取其中（含子文件夹）所有 .xlsx。
  --json      每个文件一个 JSON 对象（JSON Lines）
  --today     按该日期检查时间节点（默认今天）
退出码：0 全部无问题；1 有行不列入奖补、不适用本意见或输入错误；2 有文件无法读取或找不到台账（其余文件照常检查）。
`
    : `jyreward audit: check registers without Excel (the pane's scan)

Usage:
  jyreward audit FILE.xlsx… [FOLDER…] [--json] [--today YYYY-MM-DD]

For each file: finds the register's header, computes and checks every row (credit code, duplicates,
exit year, conditions, units, deadlines), lists the findings and the rewards by payer (city, each
town, the parks). A folder means every .xlsx in it, subfolders included.
  --json      one JSON object per file (JSON Lines)
  --today     check deadlines as of that date (default today)
Exit codes: 0 all clean; 1 some row excluded, not covered or in error; 2 a file unreadable or without a register (the others are still audited).
`;
}

/** A cell as a custom function or the pane would get it: values, a formula's cached value. */
function cellValue(v: ExcelJS.CellValue): unknown {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return (v.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
  if (typeof v !== "object") return v;
  if ("error" in v) return { code: (v as ExcelJS.CellErrorValue).error };
  if ("formula" in v || "sharedFormula" in v) {
    const r = (v as ExcelJS.CellFormulaValue).result;
    return r === undefined ? null : cellValue(r as ExcelJS.CellValue);
  }
  if ("richText" in v) return (v as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join("");
  if ("text" in v) return (v as ExcelJS.CellHyperlinkValue).text;
  return null;
}

interface SheetAudit {
  sheet: string;
  anchor: string;
  scan: RegisterScan;
  jyFormulas: number;
  savedAsXldudf: number;
}

interface FileAudit {
  file: string;
  error?: { zh: string; en: string };
  portable: boolean;
  registers: SheetAudit[];
}

async function auditFile(file: string, today: string | undefined): Promise<FileAudit> {
  const out: FileAudit = { file, portable: false, registers: [] };
  const wb = new ExcelJS.Workbook();
  try {
    // Bombs and oversized parts are refused from the zip's directory before anything is inflated;
    // media and other large parts the scan does not read are left out.
    const readable = readableCopy(await readFile(file), DEFAULT_LIMITS);
    if (!("bytes" in readable)) {
      out.error = { zh: `无法读取：${readable.zh}`, en: `cannot read: ${readable.en}` };
      return out;
    }
    await wb.xlsx.load(readable.bytes as unknown as ArrayBuffer);
  } catch (e) {
    out.error = { zh: `无法读取：${(e as Error).message}`, en: `cannot read: ${(e as Error).message}` };
    return out;
  }
  out.portable = wb.worksheets.some((w) => w.name === RECORD_SHEET);
  for (const ws of wb.worksheets) {
    if (ws.name === RECORD_SHEET || ws.name === NOTE_SHEET || ws.state === "veryHidden") continue;
    const rows = ws.actualRowCount === 0 ? 0 : ws.rowCount;
    const cols = ws.columnCount;
    // The scan reads a sheet's used range cell by cell: one stray cell at XFD1048576 would make that
    // 17 billion cells. Past the cell limit the sheet is refused, saying where it ends.
    if (rows * cols > DEFAULT_LIMITS.maxCells) {
      const end = `${columnLetters(cols - 1)}${rows}`;
      out.error = {
        zh: `工作表 ${ws.name} 的已用区域 A1:${end} 超过 ${DEFAULT_LIMITS.maxCells.toLocaleString("en-US")} 个单元格的上限（多半是远离台账的单元格），未读取`,
        en: `the sheet ${ws.name} uses A1:${end}, more than the limit of ${DEFAULT_LIMITS.maxCells.toLocaleString("en-US")} cells (most likely a stray cell far from the register); not read`,
      };
      continue;
    }
    const values: unknown[][] = [];
    let jyFormulas = 0;
    let savedAsXldudf = 0;
    for (let r = 1; r <= rows; r++) {
      const row: unknown[] = [];
      for (let c = 1; c <= cols; c++) {
        const cell = ws.getCell(r, c);
        const formula = cell.formula;
        if (formula && callsJy(formula)) {
          jyFormulas++;
          if (/_xldudf_JY_/i.test(formula)) savedAsXldudf++;
        }
        row.push(cellValue(cell.value));
      }
      values.push(row);
    }
    const read = splitRegionValues(values, 0, 0, ws.name);
    if (!read) continue;
    const scan = scanRegister({ headers: read.headers, rows: read.rows, origin: { row: read.top, col: read.left }, today });
    out.registers.push({ sheet: ws.name, anchor: read.anchor ?? "A1", scan, jyFormulas, savedAsXldudf });
  }
  if (out.registers.length === 0 && !out.error) {
    out.error = {
      zh: "找不到台账：没有一张工作表的表头同时含行业和两年销售额",
      en: "no register found: no sheet has a header with the sector and both years' sales",
    };
  }
  return out;
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
  const lines = [`== ${a.file} ==`];
  if (a.error) {
    lines.push(`  ${zh ? "错误" : "Error"}: ${zh ? a.error.zh : a.error.en}`);
    return lines.join("\n") + "\n";
  }
  if (a.portable) lines.push(zh ? "  （通用版工作簿：JY 公式已转为原生公式）" : "  (portable workbook: JY formulas made native)");
  for (const r of a.registers) {
    const t = r.scan.totals;
    const c = t.counts;
    const money = (fen: number) => formatMoney(fen, t.unit, lang);
    lines.push(
      zh
        ? `工作表「${r.sheet}」（表头 ${r.anchor}，${c.rows} 行）：符合 ${c.eligible}，不列入奖补 ${c.excluded}，不适用本意见 ${c.notCovered}，输入错误 ${c.invalid}`
        : `Sheet "${r.sheet}" (header ${r.anchor}, ${c.rows} rows): eligible ${c.eligible}, excluded ${c.excluded}, not covered ${c.notCovered}, invalid ${c.invalid}`,
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
    for (const town of t.towns) lines.push(`      ${zh ? town.nameZh : town.nameEn} ${money(town.fen)}`);
    if (t.townUnknown) lines.push(`      ${zh ? "未写明镇街" : "town not given"} ${money(t.townUnknown)}`);
    lines.push(`    ${zh ? "园区财政" : "Park finance"} ${money(t.parkTotal)}`);
    for (const park of t.parks) lines.push(`      ${zh ? park.nameZh : park.nameEn} ${money(park.fen)}`);
    const findings = r.scan.findings.filter((f) => f.severity !== "info");
    lines.push(`  ${zh ? "发现" : "Findings"} (${findings.length})${findings.length ? (zh ? "：" : ":") : ""}`);
    for (const f of findings) {
      const where = zh ? `第 ${f.row} 行` : `row ${f.row}`;
      lines.push(`    ${where} ${f.enterprise} [${SEVERITY_LABELS[f.severity][lang]}] ${f.clause ? `${f.clause} ` : ""}${findingText(f, lang)}${f.cells.length ? ` (${f.cells.join(", ")})` : ""}`);
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
      jyFormulas: r.jyFormulas,
      savedAsXldudf: r.savedAsXldudf,
      missingColumns: r.scan.missing,
      counts: r.scan.totals.counts,
      totals: r.scan.totals,
      findings: r.scan.findings,
    })),
  });
}

async function expand(paths: string[]): Promise<string[]> {
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
      else if (/\.xlsx$/i.test(e.name)) out.push(full);
    }
    out.push(...(await expand(inside)));
  }
  return out;
}

export async function run(args: string[], ctx: CliContext): Promise<number> {
  const parsed = parseOptions(args, ["today"], ["help", "h", "json"]);
  if (parsed.switches.has("help") || parsed.switches.has("h")) {
    await writeAll(ctx.stdout, auditHelp(ctx.lang));
    return EXIT.OK;
  }
  if (parsed.positional.length === 0) throw new UsageError("需要至少一个 .xlsx 文件或文件夹", "expects at least one .xlsx file or folder");
  const today = parsed.options.get("today");
  if (today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new UsageError("--today 应为 YYYY-MM-DD", "--today expects YYYY-MM-DD");
  const files = await expand(parsed.positional);
  let unreadable = false;
  let issues = false;
  for (const file of files) {
    const a = await auditFile(file, today);
    if (a.error) unreadable = true;
    else if (flagged(a)) issues = true;
    await writeAll(ctx.stdout, parsed.switches.has("json") ? json(a) + "\n" : text(a, ctx.lang));
  }
  if (files.length === 0) {
    await writeAll(ctx.stderr, ctx.lang === "zh" ? "没有找到 .xlsx 文件\n" : "no .xlsx file found\n");
    return 2;
  }
  return unreadable ? 2 : issues ? 1 : 0;
}
