/**
 * Make-portable and restore for hosts that hand over cells rather than file bytes: Excel through
 * Office.js (src/workbook/excel.ts) and the playground's HyperFormula workbook. This module plans
 * (which cell gets which formula or value, the record and note rows, the _JY_* names) with the
 * same translation and record layout as the .xlsx path (record.ts), so a workbook made portable in
 * the pane is restored by `jyreward restore`, and a file made portable by `jyreward portable` is
 * restored in the pane. The host only reads and writes.
 */
import { a1 } from "../engine/register/address";
import { callsJy, shiftFormula } from "./formula";
import { checkRecord, locate, notAsConverted, type RestoreProblem, type Wanted } from "./verify";
import { xmlUnescape } from "./xml";
import { definedNames, NotPortable } from "./native";
import {
  CALCULATED_COLUMN,
  NAME_KIND,
  convertFormula,
  excelToFileFormula,
  fileToExcelFormula,
  noteRows,
  parseRecordValues,
  recordSheetRows,
  type PortableReport,
  type RecordRow,
} from "./record";

/** One sheet's used cells, as Excel's Range.formulas and Range.values give them. */
export interface GridSheet {
  name: string;
  /** 0-based sheet row and column of formulas[0][0]. */
  top: number;
  left: number;
  /** "=…" for a formula cell, else the cell's value. */
  formulas: unknown[][];
  /** Values (errors as their code, e.g. "#N/A"). */
  values: unknown[][];
}

/** A cell holding a JY call. */
export interface JyCell {
  sheet: string;
  /** 0-based sheet row and column. */
  row: number;
  col: number;
  /** As Range.formulas gave it ("=…"). */
  formula: string;
  /** Whether its result may spill (JY.FUNDING's row, JY.DETAIL's column): the host looks it up. */
  maySpill: boolean;
}

/** Rows and columns a formula's result covers, its own cell included. */
export interface SpillExtent {
  rows: number;
  cols: number;
}

/** One change a host makes to one cell. */
export type GridWrite =
  | { sheet: string; row: number; col: number; kind: "formula"; formula: string }
  | { sheet: string; row: number; col: number; kind: "value"; value: string | number | boolean }
  | { sheet: string; row: number; col: number; kind: "clear" };

export interface PortablePlan {
  report: PortableReport;
  /** Cell changes: native formulas and frozen values. */
  writes: GridWrite[];
  /** The record sheet's and the note sheet's rows of text. */
  record: string[][];
  note: string[][];
  /** Workbook-level names to add (formula without "="). */
  names: Array<{ name: string; formula: string }>;
}


const SPILLING = /(?:JY\.|_xldudf_JY_)(FUNDING|DETAIL)\s*\(/i;

/** Every cell of the sheets that calls a JY function. */
export function findJyCells(sheets: GridSheet[]): JyCell[] {
  const out: JyCell[] = [];
  for (const s of sheets) {
    s.formulas.forEach((row, r) =>
      row.forEach((f, c) => {
        if (typeof f !== "string" || !f.startsWith("=") || !callsJy(f.slice(1))) return;
        out.push({ sheet: s.name, row: s.top + r, col: s.left + c, formula: f, maySpill: SPILLING.test(f) });
      }),
    );
  }
  return out;
}

const xmlEscape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** A value as a <c> element (what the record keeps of a frozen cell). */
function valueCell(ref: string, v: unknown): string {
  if (typeof v === "number") return `<c r="${ref}"><v>${v}</v></c>`;
  if (typeof v === "boolean") return `<c r="${ref}" t="b"><v>${v ? 1 : 0}</v></c>`;
  if (typeof v === "string" && /^#[A-Z0-9/!?]+[!?A]?$/.test(v)) return `<c r="${ref}" t="e"><v>${xmlEscape(v)}</v></c>`;
  if (v === null || v === undefined || v === "") return `<c r="${ref}"/>`;
  return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xmlEscape(String(v))}</t></is></c>`;
}

/** A value to write back as it was: errors and blanks as text would be wrong, so they stay blank. */
function frozenValue(v: unknown): string | number | boolean {
  if (typeof v === "number" || typeof v === "boolean") return v;
  if (v === null || v === undefined) return "";
  return String(v);
}

/**
 * Plans make-portable over the sheets' cells. `spill` gives the extent of a JY cell's result (null:
 * it does not spill — a scalar, or an error); `tableAt` the table a cell belongs to (its this-row
 * references are spelled out with it when measuring against Excel's 8,192 characters).
 */
export function planPortable(
  sheets: GridSheet[],
  cells: JyCell[],
  spill: (c: JyCell) => SpillExtent | null,
  tableAt: (sheet: string, row: number, col: number) => string | null = () => null,
): PortablePlan {
  const bySheet = new Map(sheets.map((s) => [s.name, s]));
  const valueAt = (sheet: string, row: number, col: number): unknown => {
    const s = bySheet.get(sheet);
    return s ? s.values[row - s.top]?.[col - s.left] ?? null : null;
  };
  const report: PortableReport = { converted: [], skipped: [], alreadyPortable: false };
  const writes: GridWrite[] = [];
  const record: RecordRow[] = [];
  for (const c of cells) {
    const table = tableAt(c.sheet, c.row, c.col);
    const body = c.formula.slice(1);
    const file = excelToFileFormula(c.formula, table);
    const ref = a1(c.row, c.col);
    const extent = c.maySpill ? spill(c) : null;
    const original = `<c r="${ref}"><f>${xmlEscape(file)}</f></c>`;
    let conversion;
    try {
      // A JY.FUNDING row that spilled: one native formula per cell it covered (city, town, park).
      const width = extent && extent.rows === 1 && /FUNDING/i.test(body) ? Math.min(extent.cols, 3) : 1;
      if (extent && extent.rows > 1 && /FUNDING/i.test(body)) throw new NotPortable("JY.FUNDING 的结果不是一行", "a JY.FUNDING result that is not one row");
      conversion = convertFormula(body, width, (f) => excelToFileFormula(f, table).length);
    } catch (e) {
      if (!(e instanceof NotPortable)) throw e;
      report.skipped.push({ sheet: c.sheet, cell: ref, formula: body, zh: e.zh, en: e.en });
      continue;
    }
    if (conversion.kind === "unchanged") continue;
    if (conversion.kind === "freeze") {
      // The value stays; a spilled result (JY.DETAIL's lines) stays in every cell it covered.
      const rows = extent?.rows ?? 1;
      const cols = extent?.cols ?? 1;
      for (let r = 0; r < rows; r++) {
        for (let k = 0; k < cols; k++) {
          const cellRef = a1(c.row + r, c.col + k);
          const v = valueAt(c.sheet, c.row + r, c.col + k);
          writes.push({ sheet: c.sheet, row: c.row + r, col: c.col + k, kind: "value", value: frozenValue(v) });
          const anchor = r === 0 && k === 0;
          record.push({
            sheet: c.sheet,
            cell: cellRef,
            kind: anchor ? "frozen" : "spill",
            formula: anchor ? file : "",
            original: anchor ? original : `<c r="${cellRef}"/>`,
            portable: valueCell(cellRef, v),
            excel: anchor ? c.formula : undefined,
          });
        }
      }
      report.converted.push({ sheet: c.sheet, cell: ref, kind: "frozen", formula: body, portable: "" });
      continue;
    }
    conversion.formulas.forEach((native, k) => {
      const cellRef = a1(c.row, c.col + k);
      writes.push({ sheet: c.sheet, row: c.row, col: c.col + k, kind: "formula", formula: `=${native}` });
      record.push({
        sheet: c.sheet,
        cell: cellRef,
        kind: k === 0 ? "native" : "spill",
        formula: k === 0 ? file : "",
        original: k === 0 ? original : `<c r="${cellRef}"/>`,
        portable: `<c r="${cellRef}"><f t="array" ref="${cellRef}">${xmlEscape(excelToFileFormula(native, table))}</f></c>`,
        excel: k === 0 ? c.formula : undefined,
      });
      report.converted.push({ sheet: c.sheet, cell: cellRef, kind: "native", formula: body, portable: native });
    });
  }
  return { report, writes, record: record.length > 0 ? recordSheetRows(record, null) : [], note: noteRows(report), names: definedNames() };
}

export interface GridRestoreReport {
  restored: Array<{ sheet: string; cell: string }>;
  /** Record rows whose sheet no longer exists (also in `refused`). */
  missing: Array<{ sheet: string; cell: string }>;
  /** Cells found moved (rows or columns inserted or deleted since), restored where they are now. */
  moved?: Array<{ sheet: string; cell: string; now: string }>;
  /** Entries not restored, with why; they stay in the record (`keep`). */
  refused?: RestoreProblem[];
  /** Damage in the record itself: nothing is restored. */
  damaged?: RestoreProblem[];
  wasPortable: boolean;
}

/** What a host shows of a sheet now, for restore to check each recorded cell against. */
export interface GridNow {
  /** The sheet's formula cells: A1 → the formula as the host gives it ("=…"); undefined: no such sheet. */
  formulas(sheet: string): Map<string, string> | undefined;
  /** A cell's value (0-based row and column). */
  value(sheet: string, row: number, col: number): unknown;
  /** How the host holds a recorded portable formula ("=…"; the playground writes the _JY_ tables out). */
  spell?(formula: string): string;
}

/** Parses "B12" into 0-based row and column. */
function parseRef(ref: string): { row: number; col: number } | null {
  const m = /^([A-Z]{1,3})(\d+)$/.exec(ref);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** A value as the record's portable <c> element holds it, for comparison (text, or a number's text). */
function recordedValue(portable: string): string {
  const v = /<v>([\s\S]*?)<\/v>/.exec(portable);
  if (v) return xmlUnescape(v[1]);
  return [...portable.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)].map((m) => xmlUnescape(m[1])).join("");
}
const shownValue = (v: unknown): string => (v === null || v === undefined ? "" : typeof v === "boolean" ? (v ? "1" : "0") : String(v));

/**
 * Plans restore from the record sheet's cells (rows of values from A1): every recorded cell gets
 * its original formula back — exactly as Excel gave it when the pane made the record, else from
 * the file form — and a cell that held a spilled value is cleared, so the restored formula spills
 * there again. Clears come first.
 *
 * Checked first (verify.ts), as `jyreward restore` checks: a damaged record plans nothing; with
 * `now`, each entry must still hold its portable formula or frozen value (found shifted when rows
 * or columns moved), else it is refused, listed, and kept in `keep` — the record rows the host
 * writes back instead of removing the record (null: all restored, remove it).
 */
export function planRestore(
  recordValues: unknown[][],
  sheetNames: string[],
  now?: GridNow,
): { writes: GridWrite[]; report: GridRestoreReport; keep: string[][] | null; names: string[] } {
  const parsed = parseRecordValues(recordValues);
  const report: GridRestoreReport = { restored: [], missing: [], moved: [], refused: [], damaged: checkRecord(parsed), wasPortable: true };
  if (report.damaged!.length > 0) return { writes: [], report, keep: recordValues.map((r) => r.map((v) => shownValue(v))), names: [] };
  // Row names (a workbook the .xlsx path made portable): removed with the record, kept with it.
  const nameRows = parsed.rows.filter((r) => r.kind === NAME_KIND);
  const rows = parsed.rows.filter((r) => r.kind !== NAME_KIND);
  const sheets = new Set(sheetNames);
  const clears: GridWrite[] = [];
  const formulas: GridWrite[] = [];
  const left: RecordRow[] = rows.filter((r) => r.kind === CALCULATED_COLUMN);
  const cellRows = rows.filter((r) => r.kind !== CALCULATED_COLUMN);
  // Where each entry is now: as recorded without `now`, else found by verify.locate.
  const shiftOf = new Map<RecordRow, { dr: number; dc: number } | null>();
  for (const sheet of new Set(cellRows.map((r) => r.sheet))) {
    const list = cellRows.filter((r) => r.sheet === sheet);
    const current = now?.formulas(sheet);
    if (!sheets.has(sheet) || (now && !current)) {
      for (const r of list) shiftOf.set(r, null);
      continue;
    }
    if (!now || !current) {
      for (const r of list) shiftOf.set(r, { dr: 0, dc: 0 });
      continue;
    }
    const fileForms = new Map<string, string>();
    for (const [ref, f] of current) fileForms.set(ref, excelToFileFormula(f, null));
    const spell = (f: string) => (now.spell ? excelToFileFormula(now.spell(fileToExcelFormula(f)), null) : f);
    const wanted: Wanted[] = list.map((r) => {
      const p = parseRef(r.cell)!;
      const f = /<f\b[^>]*>([\s\S]*?)<\/f>/.exec(r.portable);
      return { row: p.row + 1, col: p.col + 1, formula: f ? spell(xmlUnescape(f[1])) : null };
    });
    const shifts = locate(wanted, fileForms, (_, ref, i) => {
      const p = parseRef(ref)!;
      return shownValue(now.value(sheet, p.row, p.col)) === recordedValue(list[i].portable);
    });
    list.forEach((r, i) => shiftOf.set(r, shifts[i]));
  }
  for (const r of cellRows) {
    const s = shiftOf.get(r) ?? null;
    const p = parseRef(r.cell);
    if (!s || !p) {
      const gone = !sheets.has(r.sheet);
      if (gone) report.missing.push({ sheet: r.sheet, cell: r.cell });
      report.refused!.push(notAsConverted(r.sheet, r.cell, gone ? "missing" : "edited"));
      left.push(r);
      continue;
    }
    const at = { row: p.row + s.dr, col: p.col + s.dc };
    const cell = a1(at.row, at.col);
    if (s.dr !== 0 || s.dc !== 0) report.moved!.push({ sheet: r.sheet, cell: r.cell, now: cell });
    const excel = r.excel ?? fileToExcelFormula(r.formula);
    if (/<f\b/.test(r.original)) formulas.push({ sheet: r.sheet, ...at, kind: "formula", formula: s.dr || s.dc ? "=" + shiftFormula(excel.slice(1), s.dr, s.dc) : excel });
    else clears.push({ sheet: r.sheet, ...at, kind: "clear" });
    report.restored.push({ sheet: r.sheet, cell });
  }
  // Calculated columns (recorded by the .xlsx path): Office.js cannot set a column's formula;
  // writing the original formula into every cell of the column is what brings it back.
  const unfinished = left.some((r) => r.kind !== CALCULATED_COLUMN);
  return {
    writes: [...clears, ...formulas],
    report,
    keep: unfinished ? recordSheetRows([...left, ...nameRows], parsed.calcChain === "" ? null : parsed.calcChain) : null,
    names: nameRows.map((r) => r.cell),
  };
}
