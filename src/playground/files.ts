/**
 * The playground's .xlsx files (loaded on demand with import(), so exceljs and jszip stay out of
 * the page's first bundle): open a register workbook into the in-browser workbook, and turn the
 * ORIGINAL file's bytes into its portable version (or back) with the same code as `jyreward
 * portable` / `jyreward restore` (src/portable/xlsx.ts), so nothing else in the file changes.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { colLetters } from "../portable/formula";
import { definedNames } from "../portable/native";
import { fileToExcelFormula, NOTE_SHEET, RECORD_SHEET } from "../portable/record";
import { makePortable, restore, type PortableReport, type RestoreReport } from "../portable/xlsx";
import { splitRegionValues } from "../workbook/region";
import type { SpecCell } from "../workbook/sheets";
import { DEFAULT_LIMITS, FileRefused, guardWorkbookBytes } from "../portable/zip-guard";

export interface OpenedSheet {
  /** The sheet shown: the first with a register, else the first visible one. */
  sheet: string;
  rows: SpecCell[][];
  /** The file carries a make-portable record (it can be restored). */
  portable: boolean;
}

/** A cell's value as the playground takes it (text, number, logical, blank). */
function plainValue(v: ExcelJS.CellValue): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "string") return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object" && "richText" in v) return v.richText.map((t) => t.text).join("");
  if (typeof v === "object" && "error" in v) return v.error;
  if (typeof v === "object" && "text" in v) return String(v.text);
  if (typeof v === "object" && "result" in v) return plainValue((v.result ?? null) as ExcelJS.CellValue);
  return String(v);
}

const tables = new Map(definedNames().map((d) => [d.name, d.formula]));

/**
 * A file's formula as the playground's HyperFormula computes it: JY names as Excel shows them,
 * this-row structured references (Table[[#This Row],[行业]]) as the A1 cell of that header in the
 * same row, and the _JY_* tables of a portable file written out (HyperFormula mis-evaluates named
 * array constants inside array arithmetic).
 */
export function playgroundFormula(file: string, row: number, headers: unknown[]): string {
  return fileToExcelFormula(file)
    .replace(/(?:[A-Za-z_\u0080-\uffff][\w.\u0080-\uffff]*)?\[\[#This Row\],\[((?:[^\]']|'.)*)\]\]/g, (m, col: string) => {
      const i = headers.findIndex((h) => String(h ?? "") === col.replace(/'(.)/g, "$1"));
      return i < 0 ? m : `${colLetters(i + 1)}${row}`;
    })
    .replace(/_JY_[A-Z0-9]+/g, (n) => tables.get(n) ?? n);
}

export async function readRegisterFile(bytes: Uint8Array): Promise<OpenedSheet> {
  // Bombs and oversized parts are refused from the zip's directory, before anything is inflated.
  const refusal = guardWorkbookBytes(bytes);
  if (refusal) throw new FileRefused(refusal.zh, refusal.en);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const portable = wb.worksheets.some((w) => w.name === RECORD_SHEET);
  const visible = wb.worksheets.filter((w) => w.name !== RECORD_SHEET && w.name !== NOTE_SHEET && w.state === "visible");
  if (visible.length === 0) throw new Error("no visible worksheet");
  const grid = (ws: ExcelJS.Worksheet) => {
    // Read cell by cell over the used range: one stray cell at XFD1048576 would make that 17 billion.
    if (ws.rowCount * ws.columnCount > DEFAULT_LIMITS.maxCells) {
      const end = `${colLetters(ws.columnCount)}${ws.rowCount}`;
      const limit = DEFAULT_LIMITS.maxCells.toLocaleString("en-US");
      throw new FileRefused(
        `工作表 ${ws.name} 的已用区域 A1:${end} 超过 ${limit} 个单元格的上限（多半是远离台账的单元格），未打开`,
        `the sheet ${ws.name} uses A1:${end}, more than the limit of ${limit} cells (most likely a stray cell far from the register); not opened`,
      );
    }
    const values: unknown[][] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const row: unknown[] = [];
      for (let c = 1; c <= ws.columnCount; c++) row.push(plainValue(ws.getCell(r, c).value));
      values.push(row);
    }
    return values;
  };
  let chosen = visible[0];
  let header: unknown[] = [];
  for (const ws of visible) {
    const read = splitRegionValues(grid(ws), 0, 0, ws.name);
    if (read) {
      chosen = ws;
      header = read.headers;
      break;
    }
  }
  // Cells a spilled or array formula covers hold its cached values: blank them so it spills again.
  const covered = new Set<string>();
  chosen.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) => {
      const v = cell.value as ExcelJS.CellFormulaValue & { shareType?: string; ref?: string };
      if (v && typeof v === "object" && v.shareType === "array" && v.ref && v.ref.includes(":")) {
        const [a, b] = v.ref.split(":").map((x) => chosen.getCell(x));
        for (let r = Number(a.row); r <= Number(b.row); r++) for (let c = Number(a.col); c <= Number(b.col); c++) if (r !== Number(cell.row) || c !== Number(cell.col)) covered.add(`${r},${c}`);
      }
    }),
  );
  const rows: SpecCell[][] = [];
  for (let r = 1; r <= chosen.rowCount; r++) {
    const out: SpecCell[] = [];
    for (let c = 1; c <= chosen.columnCount; c++) {
      const cell = chosen.getCell(r, c);
      const formula = cell.type === ExcelJS.ValueType.Formula ? cell.formula : undefined;
      if (covered.has(`${r},${c}`)) out.push(null);
      else if (formula) out.push({ formula: { excel: "", a1: playgroundFormula(formula, r, header) } });
      else out.push(plainValue(cell.value));
    }
    rows.push(out);
  }
  return { sheet: chosen.name, rows, portable };
}

/** The portable version of a file's bytes (jyreward portable). */
export function portableFile(bytes: Uint8Array): Promise<{ bytes: Uint8Array; report: PortableReport }> {
  return makePortable(bytes, JSZip);
}

/** The original formulas of a portable file's bytes back (jyreward restore). */
export function restoredFile(bytes: Uint8Array): Promise<{ bytes: Uint8Array; report: RestoreReport }> {
  return restore(bytes, JSZip);
}
