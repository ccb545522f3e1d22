/**
 * Row names: a column of converted cells keeps its native formula once, in a defined name, and
 * each cell holds only that name (=_JY_C1). Without this every cell holds its own 5,000-character
 * formula (about 20 KB a register row), which a 100,000-row register cannot carry.
 *
 * A name's formula is evaluated in the cell that uses it, so ROW() there is that cell's row: the
 * cell `k` rows below in column B of sheet 台账 is INDEX(台账!$B:$B,ROW()+k), itself a name
 * (_JY_V1, …), so the native formula reads as short as in a cell. Names with relative references
 * would say the same, but a workbook stores those relative to A1 (a cell to the left wraps round
 * to column XFD), and LibreOffice does not wrap: it would read an empty cell. INDEX and ROW() mean
 * the same in Excel, WPS and LibreOffice, and a row inserted or deleted, or the formula copied to
 * another row of the same column, still reads its own row.
 *
 * The same native formula in two columns is two names: a name's columns are fixed (as $B2 is).
 */
import { quoteSheet } from "../engine/register/address";
import { colLetters, colNumber, maskLiterals } from "./formula";

/** A row name: C for a cell's whole formula, V for one argument cell. */
export const ROW_NAME = /^_JY_([CV])(\d+)$/;
export const isRowName = (name: string): boolean => ROW_NAME.test(name);

/**
 * A sheet name as a reference prefix, always quoted: LibreOffice reads an unquoted 台账（2024） or a
 * name with an ideographic space as no sheet at all.
 */
export function sheetPrefix(sheet: string): string {
  return `${quoteSheet(sheet)}!`;
}

/**
 * The name formula for "the cell `offset` rows below this one, in column `col` of `sheet`". The row
 * is SUM(ROW()), a number: in an array formula ROW() is an array, and INDEX over an array of rows
 * gives values, where a blank cell would read as 0 (blank sales must stay blank, an error).
 */
export function argDefinition(sheet: string, col: number, offset: number): string {
  const c = colLetters(col);
  const row = offset === 0 ? "SUM(ROW())" : offset > 0 ? `SUM(ROW())+${offset}` : `SUM(ROW())${offset}`;
  return `INDEX(${sheetPrefix(sheet)}$${c}:$${c},${row})`;
}

const ARG = /^INDEX\('((?:[^']|'')+)'!\$([A-Z]{1,3}):\$([A-Z]{1,3}),SUM\(ROW\(\)\)(?:([+-])(\d+))?\)$/;

/** Reads an argument name's formula back (null: not one this module writes). */
export function parseArgDefinition(text: string): { sheet: string; col: number; offset: number } | null {
  const m = ARG.exec(text);
  if (!m || m[2] !== m[3]) return null;
  const offset = m[4] ? Number(m[5]) * (m[4] === "-" ? -1 : 1) : 0;
  return { sheet: m[1].replace(/''/g, "'"), col: colNumber(m[2]), offset };
}

// A cell reference, with its sheet when it has one (in the masked text a quoted name is blanked).
const REF = /(?<![A-Za-z0-9_.$\\\u0080-\uffff])((?:'[^']*'|[A-Za-z0-9_.\u0080-\uffff]+)!)?(\$?)([A-Z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_!(\[])/g;
/**
 * What a name cannot say for its cell: structured or external references, whole rows or columns,
 * texts read as addresses, references over several sheets (Sheet1:Sheet3!A1).
 */
const UNNAMEABLE = /\[|\bINDIRECT\s*\(|\bCELL\s*\(|#REF!|(?<![A-Za-z0-9_.$])\$?[A-Z]{1,3}:\$?[A-Z]{1,3}(?![A-Za-z0-9_(])|(?<![A-Za-z0-9_.$])\$?\d+:\$?\d+(?![A-Za-z0-9_(])|:(?:'[^']*'|[A-Za-z0-9_.\u0080-\uffff]+)!/i;

/**
 * The formula of a cell in `row` of `sheet` as a name's formula: absolute references with
 * their sheet, each relative one as `argName(sheet, column, row offset)`. Null when a name cannot
 * say what the cell says (see UNNAMEABLE, or a relative reference in a range): the cell then keeps
 * its formula.
 */
export function rowForm(formula: string, row: number, sheet: string, argName: (sheet: string, col: number, offset: number) => string): string | null {
  const masked = maskLiterals(formula, true);
  if (UNNAMEABLE.test(masked)) return null;
  let out = "";
  let at = 0;
  for (const m of masked.matchAll(REF)) {
    const [text, sheetPart, , colText, rowAbs, rowText] = m;
    const start = m.index!;
    const refSheet = sheetPart ? unquote(formula.slice(start, start + sheetPart.length - 1)) : sheet;
    if (sheetPart && refSheet.includes(":")) return null;
    const next = masked[start + text.length];
    const prev = masked[start - 1];
    let ref: string;
    if (rowAbs) {
      // The second end of a range takes the sheet of the first (台账!$A$1:$B$2).
      ref = `${prev === ":" && !sheetPart ? "" : sheetPrefix(refSheet)}$${colText}$${rowText}`;
    } else {
      // A relative row inside a range (A2:C2) would need the range operator between two names.
      if (next === ":" || prev === ":") return null;
      ref = argName(refSheet, colNumber(colText), Number(rowText) - row);
    }
    out += formula.slice(at, start) + ref;
    at = start + text.length;
  }
  return out + formula.slice(at);
}

function unquote(s: string): string {
  return s.startsWith("'") ? s.slice(1, -1).replace(/''/g, "'") : s;
}

/**
 * An argName for rowForm that makes a key instead of a name: the row form of a formula is then the
 * same text for every row of a column (a cache key for its conversion).
 */
export const rowKeyArg = (sheet: string, col: number, offset: number): string => `\u0001${sheet}\u0001${col}\u0001${offset}\u0001`;

/**
 * Names for one conversion: each argument cell and each distinct cell formula gets one, numbered
 * past any _JY_C / _JY_V name the workbook already has.
 */
export class RowNames {
  private readonly args = new Map<string, string>();
  private readonly cells = new Map<string, string>();
  private next: { C: number; V: number };

  constructor(taken: Iterable<string> = []) {
    this.next = { C: 1, V: 1 };
    // Names are the same in any case (_jy_v1 is _JY_V1).
    for (const n of taken) {
      const m = ROW_NAME.exec(n.toUpperCase());
      if (m) this.next[m[1] as "C" | "V"] = Math.max(this.next[m[1] as "C" | "V"], Number(m[2]) + 1);
    }
  }

  /** The argument name of a cell relative to the calling cell. */
  readonly arg = (sheet: string, col: number, offset: number): string => {
    const def = argDefinition(sheet, col, offset);
    let name = this.args.get(def);
    if (!name) {
      name = `_JY_V${this.next.V++}`;
      this.args.set(def, name);
    }
    return name;
  };

  /** The name holding a cell's whole formula (given in name form, from rowForm with `arg`). */
  cell(nameForm: string): string {
    let name = this.cells.get(nameForm);
    if (!name) {
      name = `_JY_C${this.next.C++}`;
      this.cells.set(nameForm, name);
    }
    return name;
  }

  /** Every name made, arguments first (a cell name reads them). */
  definitions(): Array<{ name: string; formula: string }> {
    return [...[...this.args].map(([formula, name]) => ({ name, formula })), ...[...this.cells].map(([formula, name]) => ({ name, formula }))];
  }
}

/**
 * A cell name's formula as it reads in the cell at `row` of `sheet` (for a host that holds no such
 * names, and for checks): each argument name back to its cell reference.
 */
export function cellFormOf(nameFormula: string, row: number, sheet: string, argDefinitionOf: (name: string) => string | undefined): string | null {
  let bad = false;
  const out = nameFormula.replace(/(?<![A-Za-z0-9_.])_JY_V\d+(?![A-Za-z0-9_.(])/g, (name) => {
    const def = argDefinitionOf(name);
    const a = def === undefined ? null : parseArgDefinition(def);
    if (!a) {
      bad = true;
      return name;
    }
    const ref = `${colLetters(a.col)}${row + a.offset}`;
    return a.sheet === sheet ? ref : `${sheetPrefix(a.sheet)}${ref}`;
  });
  return bad ? null : out;
}
