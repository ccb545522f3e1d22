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

export type SpecCell = string | number | boolean | null | { formula: Formula };

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
}
