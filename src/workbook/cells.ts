/**
 * The cell-level verbs a host gives the workflows above it (finding and reading the register, make
 * portable, restore): blocks of values, tables, the region around a cell, every sheet's used cells,
 * where formulas spill; write cells, text sheets and names. Excel (excel.ts, in batches under a
 * byte budget) and the playground (HyperFormula) implement it; the workflows are written once, in
 * find-register.ts and portable.ts.
 */
import type { MergedArea } from "../engine/register";
import type { GridSheet, GridWrite, JyCell, SpillExtent } from "../portable/grid";

/** A table's place on its sheet, 0-based and inclusive; row `top` is its header. */
export interface TableBounds {
  name: string;
  sheet: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
  /** The header row's values. */
  headers: unknown[];
}

/** A rectangle of cells on a sheet, 0-based. */
export interface CellBlock {
  sheet: string;
  top: number;
  left: number;
  rows: number;
  cols: number;
}

export interface CellHost {
  /** A block's values, rectangular (blanks as "" or null, errors as their code). */
  readValues(block: CellBlock): Promise<unknown[][]>;
  /** One table by name, or null when there is none (renamed, deleted). */
  table(name: string): Promise<TableBounds | null>;
  /**
   * The cells around a cell up to blank columns (Excel's getSurroundingRegion), and down to the
   * sheet's last used row past blank rows; `at` null: around the active cell. Null when there is
   * no such sheet, or no cell is selected (a chart).
   */
  regionAround(at: { sheet: string; cell: string } | null): Promise<CellBlock | null>;
  /**
   * The merged areas touching a block, 0-based sheet rows and columns: a two-row header's group
   * cells. [] where the host cannot tell; the reader then joins header rows by their blanks.
   */
  mergedAreas(block: CellBlock): Promise<MergedArea[]>;
  sheetNames(): Promise<string[]>;
  /** Every sheet's used cells, formulas ("=…") and values, from each sheet's used range. */
  readUsedCells(sheets: string[]): Promise<GridSheet[]>;
  /** Where each JY cell's result spills (null: a single cell, or an error). */
  spillExtents(cells: JyCell[]): Promise<Map<JyCell, SpillExtent | null>>;
  /** Every table, with its header row. */
  tables(): Promise<TableBounds[]>;
  /** A sheet's values from A1 to its last used cell; null when there is no such sheet. */
  readSheetValues(sheet: string): Promise<unknown[][] | null>;
  /** Cell changes; clears first (a restored formula spills into the cells they free). */
  writeCells(writes: GridWrite[]): Promise<void>;
  /** A new sheet of text cells ("=…" stays text); `veryHidden`: no tab, not even under Unhide. */
  addTextSheet(name: string, rows: string[][], options: { veryHidden: boolean; widths: number[] }): Promise<void>;
  /**
   * A text sheet's cells replaced by `rows` (as addTextSheet writes them), nothing of the old
   * content left beyond them: restore keeps in the record only the entries still to restore.
   */
  replaceTextSheet(name: string, rows: string[][]): Promise<void>;
  /**
   * How this host holds a portable formula once writeCells wrote it ("=…" in, "=…" out), when not
   * as given; restore compares each recorded cell's formula in that spelling.
   */
  portableSpelling?(): Promise<(formula: string) => string>;
  deleteSheets(names: string[]): Promise<void>;
  /** Hidden workbook-level names (formula without "="). */
  addNames(names: Array<{ name: string; formula: string }>): Promise<void>;
  /** Removes the workbook-level names in `names` that exist. */
  removeNames(names: ReadonlySet<string>): Promise<void>;
}
