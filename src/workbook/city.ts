/**
 * The city office's workbook (四（二）): the city register (every town's enterprises with their
 * source file, sheet and row; amounts as native formulas any spreadsheet computes), the live
 * 资金统计 over it (summary.ts, with money by exit year and payment deadline), and 核查结果, every
 * finding of every register and across them. The papers are in papers.ts.
 */
import { POLICY, SECTORS } from "../policy";
import { SEVERITY_LABELS, type Finding } from "../engine";
import type { CityConsolidation, CityFinding, CityRecord } from "../engine/city";
import { columnLetters, mapColumns, type ColumnKey, type RegisterFinding } from "../engine/register";
import { nativeFormula, type Arg, type Output } from "../portable/native";
import type { SheetSpec, SpecCell } from "./sheets";
import { summarySheet } from "./summary";
import { rowFormula, TEMPLATE_COLUMNS } from "./template";

export const CITY_SHEET = "全市登记表";
export const FINDINGS_SHEET = "核查结果";
/** The city register is in 元, whatever unit each town used. */
const UNIT = "元" as const;

/** The source columns after the register's own. */
export const SOURCE_HEADERS = ["来源文件", "来源工作表", "来源行"] as const;

/** The city register's columns: the template's, its 核查 column holding the findings' labels. */
const COLUMNS = TEMPLATE_COLUMNS;
const colOf = (key: ColumnKey) => COLUMNS.findIndex((c) => c.key === key);

export function cityHeaders(): string[] {
  return [...COLUMNS.map((c) => c.header(UNIT)), ...SOURCE_HEADERS];
}

/** One file's scan findings, or why the file could not be read, for 核查结果. */
export interface FileFindings {
  file: string;
  sheet: string | null;
  findings: RegisterFinding[];
  /** The file could not be read, or holds no register. */
  error?: { zh: string; en: string };
}

const fenToYuan = (fen: number) => fen / 100;

/** A record's value for the amount columns: the engine's result, or the error the formula shows. */
function amountValue(r: CityRecord, out: Output): number | string {
  if (!r.amounts) return "#VALUE!";
  if (r.amounts.status === "not-covered") return "#N/A";
  return fenToYuan(r.amounts[out]);
}

/** Sales as the city register carries them: in 元 when read, else as the town wrote it. */
function salesCell(r: CityRecord, key: "sales1" | "sales2"): SpecCell {
  const fen = r.claim?.[key].fen;
  if (fen !== null && fen !== undefined) return fenToYuan(fen);
  const raw = r.cells[key];
  return raw === undefined || raw === null ? null : typeof raw === "number" ? raw : String(raw);
}

function rawCell(v: unknown): SpecCell {
  if (v === undefined || v === null) return null;
  if (typeof v === "number" || typeof v === "boolean") return v;
  if (typeof v === "object") return String((v as { code?: unknown }).code ?? "");
  return String(v);
}

/** The city findings about one row as its 核查 cell and the papers say them: "不列入奖补：往年已获奖补；…". */
export function checkText(findings: CityFinding[]): string {
  return findings.map((f) => `${SEVERITY_LABELS[f.severity].zh}：${f.code === "REWARDED_BEFORE" ? "往年已获奖补" : "多个台账重复申报"}`).join("；");
}

export const CITY_TABLE = "JY全市登记表";

/**
 * The city register. `formulas`: "native" for a file any spreadsheet opens (amounts as native
 * formulas with the engine's values); "jy" in a workbook with the add-in (a table whose amounts are
 * JY.* formulas, as the register template's).
 */
export function cityRegisterSheet(c: CityConsolidation, formulas: "native" | "jy" = "native"): SheetSpec {
  const headers = cityHeaders();
  const bySource = new Map<CityRecord["source"], CityFinding[]>();
  for (const f of c.findings) bySource.set(f.source, [...(bySource.get(f.source) ?? []), f]);
  // A row's native formulas differ from the next row's only in the row number: made once, with a
  // marker where the row goes (a native formula is some kilobytes long).
  const ROW = "\u0001";
  const ref = (key: ColumnKey): Arg => ({ kind: "expr", text: `${columnLetters(colOf(key))}${ROW}` });
  const args = { sector: ref("sector"), sales1: ref("sales1"), sales2: ref("sales2"), flags: ref("flags"), unit: { kind: "text", value: UNIT } as Arg, place: ref("place") };
  const native = new Map<Output, string[]>((["reward", "city", "town", "park"] as const).map((out) => [out, `=${nativeFormula(args, out)}`.split(ROW)]));
  const rows = c.records.map((r, i): SpecCell[] => {
    const row = i + 2;
    const formula = (out: Output): SpecCell => {
      if (formulas === "jy") return { formula: rowFormula(out, UNIT, row) };
      const text = native.get(out)!.join(String(row));
      return { formula: { excel: text, a1: text }, value: amountValue(r, out), array: true };
    };
    const cells = COLUMNS.map((col): SpecCell => {
      switch (col.key) {
        case "sales1":
        case "sales2":
          return salesCell(r, col.key);
        case "exitYear":
          return r.exitYear ?? rawCell(r.cells.exitYear);
        case "reward":
        case "city":
        case "town":
        case "park":
          return formula(col.key);
        case "check":
          return checkText(bySource.get(r.source) ?? []) || null;
        default:
          return rawCell(r.cells[col.key]);
      }
    });
    return [...cells, r.source.file, r.source.sheet, r.source.row];
  });
  const last = rows.length + 1;
  const range = (key: ColumnKey) => `${columnLetters(colOf(key))}2:${columnLetters(colOf(key))}${Math.max(2, last)}`;
  return {
    name: CITY_SHEET,
    cells: [headers, ...rows],
    table: formulas === "jy" ? { name: CITY_TABLE } : undefined,
    widths: [...COLUMNS.map((col) => (col.key === "check" ? 30 : col.width)), 24, 14, 8],
    numberFormats: [...COLUMNS.filter((col) => col.money).map((col) => ({ range: range(col.key), format: "#,##0.00" })), { range: range("exitYear"), format: "0" }],
    bold: [`A1:${columnLetters(headers.length - 1)}1`],
    fills: [{ range: `A1:${columnLetters(headers.length - 1)}1`, color: "#E3F2FD" }],
    freezeRows: 1,
  };
}

/** 资金统计 over the city register, with money by exit year (payment deadline). */
export function citySummarySheet(c: CityConsolidation): SheetSpec {
  const headers = cityHeaders();
  const years = [...new Set(c.records.map((r) => r.exitYear).filter((y): y is number => y !== null))].sort();
  return summarySheet({ sheet: CITY_SHEET, table: null, top: 0, left: 0, headers, rowCount: c.records.length }, mapColumns(headers), POLICY, years);
}

const FINDING_HEADERS = ["序号", "类别", "问题", "企业名称", "统一社会信用代码", "来源文件", "来源工作表", "来源行", "说明", "政策依据", "相关单元格或来源"];

function findingRow(n: number, f: Finding, enterprise: string, uscc: string, file: string, sheet: string, row: number | null, label: string, related: string): SpecCell[] {
  return [n, SEVERITY_LABELS[f.severity].zh, label, enterprise, uscc, file, sheet, row, f.messageZh, f.clause, related];
}

/**
 * 核查结果: the findings across registers and years first (they need the city's view), then each
 * file's own, most serious first, and the files that could not be read.
 */
export function findingsSheet(c: CityConsolidation, files: FileFindings[], labels: Record<string, string>): SheetSpec {
  const rows: SpecCell[][] = [];
  const usccOf = new Map(c.records.map((r) => [`${r.source.file}\u0000${r.source.sheet}\u0000${r.source.row}`, r.uscc]));
  for (const f of c.findings) {
    rows.push(findingRow(rows.length + 1, f, f.enterprise, f.uscc, f.source.file, f.source.sheet, f.source.row, labels[f.code] ?? f.code, f.others.map((o) => `${o.file}「${o.sheet}」第 ${o.row} 行`).join("、")));
  }
  for (const file of files) {
    if (file.error) {
      rows.push([rows.length + 1, "无法读取", "文件无法读取或没有台账", null, null, file.file, file.sheet, null, file.error.zh, null, null]);
      continue;
    }
    for (const f of file.findings) {
      const uscc = usccOf.get(`${file.file}\u0000${file.sheet}\u0000${f.row}`) ?? "";
      rows.push(findingRow(rows.length + 1, f, f.enterprise, uscc, file.file, file.sheet ?? "", f.row, labels[f.code] ?? f.code, f.cells.join(", ")));
    }
  }
  const width = FINDING_HEADERS.length;
  return {
    name: FINDINGS_SHEET,
    cells: [FINDING_HEADERS, ...rows],
    widths: [6, 10, 20, 28, 21, 24, 12, 7, 70, 10, 30],
    bold: [`A1:${columnLetters(width - 1)}1`],
    fills: [{ range: `A1:${columnLetters(width - 1)}1`, color: "#E3F2FD" }],
    wrap: rows.length ? [`I2:I${rows.length + 1}`] : [],
    freezeRows: 1,
  };
}

/** The sector as the policy names it, else as the register wrote it. */
export function sectorName(r: CityRecord): string {
  return r.claim ? SECTORS[r.claim.sector].nameZh : String(r.sector ?? "");
}
