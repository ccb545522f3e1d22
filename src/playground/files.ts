/**
 * The playground's spreadsheet files (loaded on demand with import(), so SheetJS and jszip stay out
 * of the page's first bundle): open a register workbook (.xlsx, .xlsm, .xls, .ods, read by the
 * same reader as `jyreward audit`, src/hosts/xlsx/read.ts) into the in-browser workbook, and turn
 * the ORIGINAL file's bytes into its portable version (or back) with the same code as `jyreward
 * portable` / `jyreward restore` (src/portable/xlsx.ts), so nothing else in the file changes.
 */
import JSZip from "jszip";
import { locateRegister } from "../engine/register";
import { readSpreadsheet, type FileSheet } from "../hosts/xlsx/read";
import { colLetters } from "../portable/formula";
import { definedNames } from "../portable/native";
import { fileToExcelFormula, NAME_KIND, NOTE_SHEET, parseRecordValues, RECORD_SHEET } from "../portable/record";
import { cellFormOf } from "../portable/row-names";
import { makePortable, restore, type PortableReport, type RestoreReport } from "../portable/xlsx";
import type { SpecCell } from "../workbook/sheets";

/** The playground's workbook size (src/playground/workbook.ts: HyperFormula's limits there). */
const MAX_ROWS = 250_000;
const MAX_COLUMNS = 200;

export interface OpenedSheet {
  /** The sheet shown: the first with a register, else the first visible one. */
  sheet: string;
  rows: SpecCell[][];
  /** The file carries a make-portable record (it can be restored). */
  portable: boolean;
  /** Cells beyond the playground's 250,000 rows × 200 columns, left out of the view. */
  outside: number;
}

const tables = new Map(definedNames().map((d) => [d.name, d.formula]));

/**
 * A file's formula as the playground's HyperFormula computes it: JY names as Excel shows them,
 * this-row structured references (Table[[#This Row],[行业]]) as the A1 cell of that header in the
 * same row, and the _JY_* tables of a portable file written out (HyperFormula mis-evaluates named
 * array constants inside array arithmetic). A row name of a portable file (_JY_C1, from its record
 * in `rowNames`) is written out as the formula it stands for in this row of `sheet`: HyperFormula
 * reads no ROW() of the calling cell in a name.
 */
export function playgroundFormula(file: string, row: number, headers: unknown[], sheet = "", rowNames: ReadonlyMap<string, string> = new Map()): string {
  const named = file.replace(/(?<![A-Za-z0-9_.])_JY_C\d+(?![A-Za-z0-9_.(])/g, (n) => {
    const f = rowNames.get(n);
    const cell = f === undefined ? null : cellFormOf(f, row, sheet, (v) => rowNames.get(v));
    return cell === null ? n : `(${cell})`;
  });
  return fileToExcelFormula(named)
    .replace(/(?:[A-Za-z_\u0080-\uffff][\w.\u0080-\uffff]*)?\[\[#This Row\],\[((?:[^\]']|'.)*)\]\]/g, (m, col: string) => {
      const i = headers.findIndex((h) => String(h ?? "") === col.replace(/'(.)/g, "$1"));
      return i < 0 ? m : `${colLetters(i + 1)}${row}`;
    })
    .replace(/_JY_[A-Z0-9]+/g, (n) => tables.get(n) ?? n);
}

/** The row names a portable file's record lists (name → formula); none when it cannot be read. */
function recordNames(record: FileSheet): Map<string, string> {
  try {
    const parsed = parseRecordValues(record.values);
    return new Map(parsed.rows.filter((r) => r.kind === NAME_KIND).map((r) => [r.cell, r.portable]));
  } catch {
    return new Map();
  }
}

/** A cell's value as the playground takes it: errors as their code. */
function plainValue(v: unknown): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "object") return String((v as { code?: unknown }).code ?? "");
  return v as string | number | boolean;
}

export async function readRegisterFile(bytes: Uint8Array, fileName = "file.xlsx"): Promise<OpenedSheet> {
  const book = await readSpreadsheet(bytes, fileName);
  const record = book.sheets.find((w) => w.name === RECORD_SHEET);
  const portable = record !== undefined;
  const rowNames = record ? recordNames(record) : new Map<string, string>();
  const visible = book.sheets.filter((w) => w.name !== RECORD_SHEET && w.name !== NOTE_SHEET && w.state === "visible");
  if (visible.length === 0) throw new Error(`${fileName}：没有可见的工作表 / no visible worksheet`);
  let chosen: FileSheet = visible[0];
  let header: unknown[] = [];
  for (const ws of visible) {
    const read = locateRegister(ws.values, 0, 0, ws.merges);
    if (read) {
      chosen = ws;
      header = read.headers;
      break;
    }
  }
  // Only the cells the file holds are visited; cells a spilled or array formula covers are left
  // blank so it spills again.
  const rows: SpecCell[][] = [];
  let outside = 0;
  const put = (r: number, c: number, cell: SpecCell) => {
    if (r >= MAX_ROWS || c >= MAX_COLUMNS) {
      outside++;
      return;
    }
    while (rows.length <= r) rows.push([]);
    const row = rows[r];
    while (row.length < c) row.push(null);
    row[c] = cell;
  };
  const done = new Set<string>();
  for (const [key, formula] of chosen.formulas) {
    const [r, c] = key.split(",").map(Number);
    done.add(key);
    put(r, c, { formula: { excel: "", a1: playgroundFormula(formula, r + 1, header, chosen.name, rowNames) } });
  }
  chosen.values.forEach((row, r) =>
    row.forEach((v, c) => {
      const key = `${r},${c}`;
      if (done.has(key) || chosen.arrayCovered.has(key)) return;
      put(r, c, plainValue(v));
    }),
  );
  return { sheet: chosen.name, rows, portable, outside };
}

/** The portable version of a file's bytes (jyreward portable). */
export function portableFile(bytes: Uint8Array): Promise<{ bytes: Uint8Array; report: PortableReport }> {
  return makePortable(bytes, JSZip);
}

/** The original formulas of a portable file's bytes back (jyreward restore). */
export function restoredFile(bytes: Uint8Array): Promise<{ bytes: Uint8Array; report: RestoreReport }> {
  return restore(bytes, JSZip);
}
