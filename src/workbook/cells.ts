/**
 * The cell-level verbs a host gives the workflows above it (make portable, restore): read every
 * sheet's used cells, where formulas spill, where tables are; write cells, text sheets and names.
 * Excel (excel.ts, in batches under a byte budget) and the playground (HyperFormula) implement it;
 * the workflows themselves are written once, in portable.ts.
 */
import type { GridSheet, GridWrite, JyCell, SpillExtent } from "../portable/grid";

/** A table's place on its sheet, 0-based and inclusive; row `top` is its header. */
export interface TableBounds {
  name: string;
  sheet: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface CellHost {
  sheetNames(): Promise<string[]>;
  /** Every sheet's used cells, formulas ("=…") and values, from each sheet's used range. */
  readUsedCells(sheets: string[]): Promise<GridSheet[]>;
  /** Where each JY cell's result spills (null: a single cell, or an error). */
  spillExtents(cells: JyCell[]): Promise<Map<JyCell, SpillExtent | null>>;
  tables(): Promise<TableBounds[]>;
  /** A sheet's values from A1 to its last used cell; null when there is no such sheet. */
  readSheetValues(sheet: string): Promise<unknown[][] | null>;
  /** Cell changes; clears first (a restored formula spills into the cells they free). */
  writeCells(writes: GridWrite[]): Promise<void>;
  /** A new sheet of text cells ("=…" stays text); `veryHidden`: no tab, not even under Unhide. */
  addTextSheet(name: string, rows: string[][], options: { veryHidden: boolean; widths: number[] }): Promise<void>;
  deleteSheets(names: string[]): Promise<void>;
  /** Hidden workbook-level names (formula without "="). */
  addNames(names: Array<{ name: string; formula: string }>): Promise<void>;
  /** Removes the workbook-level names in `names` that exist. */
  removeNames(names: ReadonlySet<string>): Promise<void>;
}
