/**
 * Host-neutral descriptions of the sheets the pane can add (register template, 资金统计 summary).
 * A formula is given twice: with structured references for an Excel table, and with A1
 * references for hosts without tables (the playground's HyperFormula).
 */
export interface Formula {
  /** As Excel gets it (structured references where a table exists). */
  excel: string;
  /** The same formula with A1 references. */
  a1: string;
}

/**
 * A cell: a value, or a formula with, where the writer knows it, the value it computes (a file
 * opened without recalculation shows it) and whether it is entered as an array formula.
 */
export type SpecCell = string | number | boolean | null | { formula: Formula; value?: number | string; array?: boolean };

export interface ListValidation {
  kind: "list";
  items: string[];
  /** true: only these values; false: warn but let other spellings (e.g. an industry code) in. */
  strict: boolean;
  promptZh: string;
}

export interface WholeNumberValidation {
  kind: "whole";
  min: number;
  max: number;
  promptZh: string;
}

export type Validation = ListValidation | WholeNumberValidation;

export interface ChartSpec {
  title: string;
  /** A1 range of the data, first column categories, first row series names. */
  range: string;
  type: "column";
}

export interface SheetSpec {
  /** Wanted name; the port picks a free one if taken. */
  name: string;
  /** Rows of cells from A1. */
  cells: SpecCell[][];
  /** An Excel table over rows 1..cells.length (header row 1). */
  table?: { name: string };
  /** Column widths in characters, by 0-based column. */
  widths?: number[];
  numberFormats?: Array<{ range: string; format: string }>;
  validations?: Array<{ range: string; rule: Validation }>;
  /** Light fill, e.g. to mark example rows. */
  fills?: Array<{ range: string; color: string }>;
  bold?: string[];
  freezeRows?: number;
  chart?: ChartSpec;
  /** Merged areas (A1 ranges). */
  merges?: string[];
  /** Ranges with thin borders on every cell (forms, boxes to sign in). */
  borders?: string[];
  /** Ranges whose text wraps. */
  wrap?: string[];
  /** Ranges centred. */
  center?: string[];
  /** Row heights in points, by 0-based row. */
  heights?: Record<number, number>;
  /** Print-ready: print area, fitted to one page wide, a page break after each listed row. */
  print?: PrintSetup;
}

export interface PrintSetup {
  /** A1 range printed. */
  area: string;
  /** 1-based rows after which a new page starts. */
  breaksAfter?: number[];
  landscape?: boolean;
}
