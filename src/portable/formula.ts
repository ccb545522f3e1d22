/**
 * Formula text: finding JY.* calls (typed, or as Excel saves them: _xldudf_JY_REWARD), reading
 * their arguments, shifting relative references (for shared formulas), and translating a formula
 * into its portable form. Formula text here is OOXML's: no leading "=".
 */
import { nativeFormula, NotPortable, type Arg, type ClaimArgs, type Output } from "./native";
import { columnIndex, columnLetters } from "../engine/register/address";

export type JyFunction = "REWARD" | "FUNDING" | "DETAIL" | "CHECK";

/** JY.REWARD( or _xldudf_JY_REWARD( (any case), with the function it names. */
const CALL = /(?<![A-Za-z0-9_.])(?:_xldudf_JY_|JY\.)(REWARD|FUNDING|DETAIL|CHECK)\s*\(/giy;
const CALL_ANYWHERE = /(?<![A-Za-z0-9_.])(?:_xldudf_JY_|JY\.)(REWARD|FUNDING|DETAIL|CHECK)\s*\(/i;

/** Whether a formula calls a JY function, in either spelling. */
export function callsJy(formula: string): boolean {
  return CALL_ANYWHERE.test(maskLiterals(formula));
}

/**
 * The formula with string literals, quoted sheet names and array constants blanked out (same
 * length). Inside structured-reference brackets (Table1[[#This Row],[Col]]) a ' escapes the next
 * character ('[ '] '# '') and quotes are plain characters, so the escaped character is blanked
 * too; with `brackets`, everything between brackets is blanked (a column named Q1 is no cell).
 */
export function maskLiterals(f: string, brackets = false): string {
  let out = "";
  let i = 0;
  let depth = 0;
  while (i < f.length) {
    const c = f[i];
    if (depth > 0) {
      if (c === "'" && i + 1 < f.length) {
        out += brackets ? "  " : "' ";
        i += 2;
        continue;
      }
      if (c === "[") depth++;
      else if (c === "]") depth--;
      out += brackets && !(c === "[" || c === "]") ? " " : c;
      i++;
    } else if (c === "[") {
      depth++;
      out += c;
      i++;
    } else if (c === '"' || c === "'") {
      const end = endOfQuoted(f, i, c);
      out += c + " ".repeat(end - i - 2) + c;
      i = end;
    } else if (c === "{") {
      let j = i + 1;
      while (j < f.length && f[j] !== "}") j = f[j] === '"' ? endOfQuoted(f, j, '"') : j + 1;
      out += "{" + " ".repeat(Math.max(0, j - i - 1)) + (j < f.length ? "}" : "");
      i = j + 1;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** Index just past a quoted run starting at i ('' or "" inside are escapes). */
export function endOfQuoted(f: string, i: number, q: string): number {
  let j = i + 1;
  while (j < f.length) {
    if (f[j] === q) {
      if (f[j + 1] === q) j += 2;
      else return j + 1;
    } else j++;
  }
  return f.length;
}

export interface JyCall {
  fn: JyFunction;
  /** Offsets in the formula: the call's name start and just past its closing parenthesis. */
  start: number;
  end: number;
  /** The argument texts, trimmed. */
  args: string[];
}

/** Every top-level or nested JY call, outermost first, in text order. */
export function findCalls(formula: string): JyCall[] {
  const masked = maskLiterals(formula);
  const calls: JyCall[] = [];
  for (let i = 0; i < masked.length; i++) {
    CALL.lastIndex = i;
    const m = CALL.exec(masked);
    if (!m) continue;
    const open = i + m[0].length - 1;
    let depth = 0;
    // Structured references (Table[[#This Row],[行业]]) hold commas inside brackets.
    let brackets = 0;
    const cuts: number[] = [open];
    let close = -1;
    for (let j = open; j < masked.length; j++) {
      const c = masked[j];
      if (c === "[") brackets++;
      else if (c === "]") brackets--;
      else if (brackets > 0) continue;
      else if (c === "(") depth++;
      else if (c === ")") {
        depth--;
        if (depth === 0) {
          close = j;
          break;
        }
      } else if (c === "," && depth === 1) cuts.push(j);
    }
    if (close < 0) break;
    cuts.push(close);
    const args: string[] = [];
    for (let k = 0; k + 1 < cuts.length; k++) args.push(formula.slice(cuts[k] + 1, cuts[k + 1]).trim());
    if (args.length === 1 && args[0] === "") args.pop();
    calls.push({ fn: m[1].toUpperCase() as JyFunction, start: i, end: close + 1, args });
    i = close;
  }
  return calls;
}

const SHEET = String.raw`(?:'(?:[^']|'')+'|[A-Za-z0-9_.\u0080-\uffff]+)!`;
const CELL = String.raw`\$?[A-Z]{1,3}\$?\d+`;
const SINGLE_CELL = new RegExp(String.raw`^(${SHEET})?(${CELL})$`);
const RANGE = new RegExp(String.raw`^(${SHEET})?(\$?)([A-Z]{1,3})(\$?)(\d+):(\$?)([A-Z]{1,3})(\$?)(\d+)$`);

/** 1-based column number ↔ letters, as OOXML cell references count them. */
const colNumber = (letters: string): number => columnIndex(letters) + 1;
const colLetters = (n: number): string => columnLetters(n - 1);

/** How an argument's text reads as a native-formula argument. */
function argOf(text: string, allowRange: boolean): Arg {
  if (text === "") return { kind: "blank" };
  const s = /^"((?:[^"]|"")*)"$/.exec(text);
  if (s) return { kind: "text", value: s[1].replace(/""/g, '"') };
  if (/^[+]?(\d+\.?\d*|\.\d+)(E[+-]?\d+)?$/i.test(text)) return { kind: "number", value: Number(text) };
  if (allowRange) {
    const r = RANGE.exec(text);
    if (r) {
      const sheet = r[1] ?? "";
      const [c1, c2] = [colNumber(r[3]), colNumber(r[7])].sort((a, b) => a - b);
      const [r1, r2] = [Number(r[5]), Number(r[9])].sort((a, b) => a - b);
      const refs: string[] = [];
      if ((c2 - c1 + 1) * (r2 - r1 + 1) > 32) {
        throw new NotPortable("标记区域超过 32 个单元格", "the flags range holds more than 32 cells");
      }
      // Each cell keeps the range's $: a fixed range stays fixed wherever the formula is read.
      const [colFixed, rowFixed] = [r[2] === "$" && r[6] === "$", r[4] === "$" && r[8] === "$"];
      if (colFixed !== (r[2] === "$" || r[6] === "$") || rowFixed !== (r[4] === "$" || r[8] === "$")) {
        throw new NotPortable("标记区域两端的 $ 不一致", "the flags range mixes fixed ($) and relative ends");
      }
      const [cd, rd] = [colFixed ? "$" : "", rowFixed ? "$" : ""];
      for (let row = r1; row <= r2; row++) for (let col = c1; col <= c2; col++) refs.push(`${sheet}${cd}${colLetters(col)}${rd}${row}`);
      return { kind: "cells", refs };
    }
  }
  return { kind: "expr", text: SINGLE_CELL.test(text) ? text : `(${text})` };
}

function claimArgs(call: JyCall, from: number): ClaimArgs {
  const a = call.args.slice(from);
  if (a.length < 3 || a.length > 6) {
    throw new NotPortable(`JY.${call.fn} 的参数个数不对（${a.length}）`, `JY.${call.fn} has ${a.length} arguments`);
  }
  return {
    sector: argOf(a[0], false),
    sales1: argOf(a[1], false),
    sales2: argOf(a[2], false),
    flags: a[3] !== undefined ? argOf(a[3], true) : undefined,
    unit: a[4] !== undefined ? argOf(a[4], false) : undefined,
    place: a[5] !== undefined ? argOf(a[5], true) : undefined,
  };
}

export type Translation =
  | { kind: "native"; formula: string }
  /** JY.DETAIL / JY.CHECK: the cell keeps its value, frozen. */
  | { kind: "freeze" }
  | { kind: "unchanged" };

const FUNDING_PARTS: Output[] = ["city", "town", "park"];

/**
 * The portable form of one cell's formula. `column` is the cell's offset in its spill range (a
 * JY.FUNDING row spills city, town, park); throws NotPortable when no native form can be given.
 */
export function translate(formula: string, column = 0): Translation {
  const calls = findCalls(formula);
  if (calls.length === 0) return { kind: "unchanged" };
  if (calls.some((c) => c.fn === "DETAIL" || c.fn === "CHECK")) return { kind: "freeze" };
  let out = "";
  let at = 0;
  for (const call of calls) {
    let native: string;
    if (call.fn === "REWARD") {
      if (findCalls(call.args.join(",")).length > 0) {
        throw new NotPortable("JY 函数嵌套在另一个 JY 函数的参数中", "a JY function inside another's arguments");
      }
      native = nativeFormula(claimArgs(call, 0), "reward");
    } else {
      // JY.FUNDING: the whole formula (a spilled row), or INDEX(JY.FUNDING(…),1,k) / INDEX(…,k).
      const whole = call.start === 0 && call.end === formula.length;
      const before = /(?<![A-Za-z0-9_.])INDEX\(\s*$/i.exec(formula.slice(0, call.start));
      const after = /^\s*,\s*(?:1\s*,\s*)?([123])\s*\)/.exec(formula.slice(call.end));
      if (!whole && before && after) {
        native = nativeFormula(claimArgs(call, 0), FUNDING_PARTS[Number(after[1]) - 1]);
        out += formula.slice(at, before.index) + `(${native})`;
        at = call.end + after[0].length;
        continue;
      }
      if (!whole) {
        throw new NotPortable(
          "JY.FUNDING 只能单独成为一个公式（结果横向展开为 市/镇/园区），或写成 INDEX(JY.FUNDING(…),1,k)",
          "JY.FUNDING must be a formula of its own (its row spills city, town, park) or INDEX(JY.FUNDING(…),1,k)",
        );
      }
      const part = FUNDING_PARTS[column];
      if (!part) throw new NotPortable("JY.FUNDING 的结果超过三列", "a JY.FUNDING cell beyond its three columns");
      native = nativeFormula(claimArgs(call, 0), part);
    }
    out += formula.slice(at, call.start) + `(${native})`;
    at = call.end;
  }
  out += formula.slice(at);
  return { kind: "native", formula: out };
}

/**
 * Moves the relative references of a formula by (dRow, dCol), as Excel does when a shared
 * formula is used in another cell of its range.
 */
/** A cell reference in formula text (on the text with literals masked). */
const REFERENCE = /(?<![A-Za-z0-9_.$\\])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_!(\[])/g;

export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  // Structured references' insides are no cells ([@Q1]); a table named AB1 is none either.
  const masked = maskLiterals(formula, true);
  const re = REFERENCE;
  let out = "";
  let at = 0;
  for (const m of masked.matchAll(re)) {
    const [text, colAbs, col, rowAbs, row] = m;
    const newCol = colAbs ? col : colLetters(colNumber(col) + dCol);
    const newRow = rowAbs ? row : String(Number(row) + dRow);
    out += formula.slice(at, m.index) + colAbs + newCol + rowAbs + newRow;
    at = m.index! + text.length;
  }
  return out + formula.slice(at);
}

/**
 * shiftFormula(formula, k, 0) for many k: the formula is cut once at each relative row number, and
 * each shift is then a join (a record's run rebuilds thousands of cells from one).
 */
export function rowShifter(formula: string): (dRow: number) => string {
  const masked = maskLiterals(formula, true);
  const parts: string[] = [];
  const rows: number[] = [];
  let at = 0;
  for (const m of masked.matchAll(REFERENCE)) {
    const [text, , , rowAbs, row] = m;
    if (rowAbs) continue;
    const end = m.index! + text.length;
    parts.push(formula.slice(at, end - row.length));
    rows.push(Number(row));
    at = end;
  }
  parts.push(formula.slice(at));
  return (dRow) => {
    if (dRow === 0) return formula;
    let out = parts[0];
    for (let i = 0; i < rows.length; i++) out += String(rows[i] + dRow) + parts[i + 1];
    return out;
  };
}

export { colLetters, colNumber };
