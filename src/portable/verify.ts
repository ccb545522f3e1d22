/**
 * Restore verifies before it writes, in every host (the .xlsx path and the pane through grid.ts):
 *
 * 1. the record itself: every row well formed, no row emptied, as many rows as the record says it
 *    holds, every original a JY formula the add-in converts, every converted formula the one the
 *    add-in makes of it — a row that would put anything else into a cell is damage, and a damaged
 *    record restores nothing;
 * 2. each entry against the cell it names: the cell must still hold the recorded portable formula
 *    (or frozen value). When rows or columns were inserted or deleted since, the converted cells
 *    are found by matching, in order, each at a shift under which it holds exactly the recorded
 *    formula shifted; a cell edited since, or one that cannot be found, is refused and listed.
 */
import { colLetters, colNumber, maskLiterals, shiftFormula, translate } from "./formula";
import { xmlUnescape as xmlUnescapeText } from "./xml";
import { CALCULATED_COLUMN, NAME_KIND, type ParsedRecord, type RecordRow } from "./record";
import { argDefinition, parseArgDefinition, ROW_NAME, rowForm, rowKeyArg } from "./row-names";

/** One problem, in both languages, with the record row or cell it concerns. */
export interface RestoreProblem {
  sheet: string;
  cell: string;
  zh: string;
  en: string;
}

export const KINDS = new Set(["native", "spill", "frozen", CALCULATED_COLUMN, NAME_KIND]);

/** The record's row names (name → formula), for checking the cells that use them. */
export type RecordedNames = ReadonlyMap<string, string>;

const A1 = /^([A-Z]{1,3})([1-9]\d{0,6})$/;

export function parseA1(ref: string): { row: number; col: number } | null {
  const m = A1.exec(ref);
  if (!m) return null;
  const col = colNumber(m[1]);
  return col > 16384 || Number(m[2]) > 1048576 ? null : { row: Number(m[2]), col };
}
export const refOf = (row: number, col: number) => `${colLetters(col)}${row}`;


/**
 * One <c> element as the add-in records a cell: an opening tag, at most one formula and one value
 * (or inline string), and nothing else — restore writes it into a sheet, so a record row carrying a
 * second cell or any other element is no cell at all.
 */
const ONE_CELL = /^<c\b[^<>]*?(?:\/>|>(?:<f\b[^<>]*?(?:\/>|>[^<]*<\/f>))?(?:<v>[^<]*<\/v>|<is>(?:(?!<\/?(?:c|f|v|is)\b)[\s\S])*<\/is>)?<\/c>)$/;

/** The r attribute and the formula text of a recorded <c> element (null: not a <c> element). */
export function recordedCell(xml: string): { ref: string; formula: string | null; shared: boolean } | null {
  const open = ONE_CELL.test(xml) ? /^<c\b[^>]*?\/?>/.exec(xml) : null;
  if (!open) return null;
  const r = /\sr="([^"]*)"/.exec(open[0]);
  const f = /<f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/f>)/.exec(xml);
  return { ref: r ? r[1] : "", formula: f ? xmlUnescapeText(f[2] ?? "") : null, shared: !!f && /\st="shared"/.test(f[1]) };
}

/** Hosts rewrite formulas when they save (prefixes, spacing, upper case): compared loosely. */
export function sameFormula(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/^=/, "").replace(/_xlfn\.|_xlws\.|\s/g, "").toUpperCase();
  return norm(a) === norm(b);
}

const damage = (r: RecordRow, zh: string, en: string): RestoreProblem => ({ sheet: r.sheet, cell: r.cell, zh: `记录损坏：${zh}`, en: `damaged record: ${en}` });

/**
 * Checks one record row on its own (not yet against the workbook). `row` is its row number in the
 * record sheet. Null when the row is one the add-in could have written.
 */
export function checkRecordRow(r: RecordRow, row: number, names: RecordedNames = new Map(), memo = new Map<string, ReturnType<typeof conversionVerdict>>()): RestoreProblem | null {
  const at = { zh: `记录第 ${row} 行`, en: `record row ${row}` };
  if (r.kind === NAME_KIND) {
    const m = ROW_NAME.exec(r.cell);
    if (!m || r.sheet || !r.portable || (m[1] === "V" && !parseArgDefinition(r.portable))) {
      return damage(r, `${at.zh}的名称 “${r.cell}” 无法识别`, `${at.en} holds an unknown name "${r.cell}"`);
    }
    return null;
  }
  if (!r.sheet) return damage(r, `${at.zh}没有工作表名`, `${at.en} names no sheet`);
  if (!KINDS.has(r.kind)) return damage(r, `${at.zh}的类型 “${r.kind}” 无法识别`, `${at.en} has an unknown kind "${r.kind}"`);
  if (r.kind === CALCULATED_COLUMN) {
    if (!/^[^[\]]+\[[^[\]]+\]$/.test(r.cell)) return damage(r, `${at.zh}的表格列 “${r.cell}” 无法识别`, `${at.en} names no table column ("${r.cell}")`);
    const f = /^<calculatedColumnFormula\b[^>]*>([\s\S]*)<\/calculatedColumnFormula>$/.exec(r.original);
    if (!f || translate(xmlUnescapeText(f[1])).kind === "unchanged") return damage(r, `${at.zh}的原公式不是 JY 公式`, `${at.en}: the original is not a JY formula`);
    return null;
  }
  if (!parseA1(r.cell)) return damage(r, `${at.zh}的单元格地址 “${r.cell}” 无效`, `${at.en} has an invalid cell address "${r.cell}"`);
  const original = recordedCell(r.original);
  const portable = recordedCell(r.portable);
  if (!original || original.ref !== r.cell) return damage(r, `${at.zh}的原单元格内容无效或指向别的单元格`, `${at.en}: the original cell is malformed or names another cell`);
  if (!portable || portable.ref !== r.cell) return damage(r, `${at.zh}的通用版单元格内容无效或指向别的单元格`, `${at.en}: the portable cell is malformed or names another cell`);
  if (r.kind === "spill") {
    if (original.formula !== null) return damage(r, `${at.zh}是溢出单元格，却记有公式`, `${at.en} is a spilled cell but records a formula`);
    return null;
  }
  // native / frozen: the original must be a JY formula the add-in converts this way.
  // The conversion is the same for every row of a column whose cells use one row name: checked once.
  const named = r.kind === "native" && portable.formula !== null && ROW_NAME.test(portable.formula);
  const key = named ? rowForm(r.formula, parseA1(r.cell)!.row, r.sheet, rowKeyArg) : null;
  const memoized = key === null ? undefined : memo.get(`${portable.formula}\u0000${key}`);
  const verdict = memoized ?? conversionVerdict(r, portable.formula, names);
  if (key !== null) memo.set(`${portable.formula}\u0000${key}`, verdict);
  if (verdict === "not-jy") return damage(r, `${at.zh}的原公式不是可转换的 JY 公式`, `${at.en}: the original is not a JY formula the add-in converts`);
  if (original.formula === null || (!original.shared && !sameFormula(original.formula, r.formula)) || (original.shared && original.formula !== "" && !sameFormula(original.formula, r.formula))) {
    return damage(r, `${at.zh}的原单元格与所记公式不一致`, `${at.en}: the original cell does not hold the recorded formula`);
  }
  if (verdict === "not-conversion") return damage(r, `${at.zh}的通用公式不是由原公式转换而来`, `${at.en}: the portable formula is not the conversion of the original`);
  if (r.kind === "frozen" && portable.formula !== null) return damage(r, `${at.zh}是冻结单元格，却记有公式`, `${at.en} is a frozen cell but records a formula`);
  return null;
}

/** Whether a native or frozen row's original converts the way the record says it did. */
function conversionVerdict(r: RecordRow, portable: string | null, names: RecordedNames): "ok" | "not-jy" | "not-conversion" {
  const t = r.formula ? translate(r.formula) : ({ kind: "unchanged" } as const);
  if (t.kind !== (r.kind === "native" ? "native" : "freeze")) return "not-jy";
  if (r.kind !== "native") return "ok";
  const native = t.kind === "native" ? t.formula : "";
  const named = portable !== null && ROW_NAME.test(portable) ? namedFormula(portable, native, r, names) : null;
  if (named === false || portable === null || (named === null && !sameFormula(nativeOf(portable), nativeOf(native)))) return "not-conversion";
  return "ok";
}

/**
 * Whether a cell's row name (_JY_C1) is the one the conversion of its original makes: the name's
 * recorded formula must be the native formula in name form, over the record's argument names.
 * Null when the name is no row name of the record (then the cell's formula is compared as it is).
 */
function namedFormula(name: string, native: string, r: RecordRow, names: RecordedNames): boolean | null {
  const formula = names.get(name);
  if (formula === undefined || !name.startsWith("_JY_C")) return null;
  const args = new Map<string, string>();
  for (const [n, f] of names) if (n.startsWith("_JY_V")) args.set(f, n);
  const expected = rowForm(native, parseA1(r.cell)!.row, r.sheet, (sheet, col, offset) => args.get(argDefinition(sheet, col, offset)) ?? "#REF!");
  return expected === formula;
}

/** A native formula compared without the table names a host spells out in this-row references. */
function nativeOf(f: string): string {
  return f.replace(/(?:[A-Za-z_\\\u0080-\uffff][\w.\\\u0080-\uffff]*)?\[\[#This Row\],\[([^\]]*)\]\]/gi, "[@$1]").replace(/\[@\[([^\]]*)\]\]/g, "[@$1]");
}

/** A spilled cell must lie in the spill area of a recorded anchor in the same sheet. */
export function checkSpills(rows: RecordRow[], rowNumbers: number[]): RestoreProblem[] {
  // Anchors by sheet and row: a spilled cell looks at its own row and, for a frozen anchor, the rows above.
  const anchors = new Map<string, Array<{ row: number; col: number; frozen: boolean }>>();
  for (const a of rows) {
    if (a.kind !== "native" && a.kind !== "frozen") continue;
    const q = parseA1(a.cell);
    if (!q) continue;
    const list = anchors.get(a.sheet) ?? [];
    list.push({ ...q, frozen: a.kind === "frozen" });
    anchors.set(a.sheet, list);
  }
  const sameRow = new Set<string>();
  for (const [sheet, list] of anchors) for (const a of list) for (let k = 0; k <= 2; k++) sameRow.add(`${sheet}\u0000${a.row}\u0000${a.col + k}`);
  const out: RestoreProblem[] = [];
  rows.forEach((r, i) => {
    if (r.kind !== "spill") return;
    const p = parseA1(r.cell)!;
    const ok =
      sameRow.has(`${r.sheet}\u0000${p.row}\u0000${p.col}`) ||
      (anchors.get(r.sheet) ?? []).some((q) => q.frozen && p.row >= q.row && p.col >= q.col && p.col <= q.col + 2);
    if (!ok) out.push(damage(r, `记录第 ${rowNumbers[i]} 行的溢出单元格不属于任何已转换的公式`, `record row ${rowNumbers[i]} is a spilled cell of no converted formula`));
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Finding the converted cells in the sheet as it is now

/** An entry to find: where the record says it was, and what it should hold there. */
export interface Wanted {
  row: number;
  col: number;
  /** The portable formula (file form, no "="), or null for a frozen / spilled value. */
  formula: string | null;
}

/** Where each entry is now: its shift, or null when it is not there (edited since, or gone). */
export type Shift = { dr: number; dc: number } | null;

/** The formula with its cell references blanked: equal for every shifted copy of a formula. */
function shape(formula: string): string {
  const masked = maskLiterals(formula, true);
  return masked.replace(/\$?[A-Z]{1,3}\$?\d+/g, "#").replace(/_xlfn\.|_xlws\.|\s/g, "").toUpperCase();
}

/**
 * Finds each wanted formula cell in `formulaAt` (the sheet's formula cells now, file form):
 * first where the record puts it; when any is not there, by matching the converted cells in order
 * (rows inserted or deleted above or between keep their order), each accepted only where it holds
 * exactly its formula shifted. Values (formula null) get the shift of a formula entry of the same
 * recorded row, else the shift shared by all found, else none; `valueOk` confirms them.
 */
export function locate(wanted: Wanted[], formulaAt: Map<string, string>, valueOk: (w: Wanted, ref: string, index: number) => boolean): Shift[] {
  const shifts: Shift[] = wanted.map(() => null);
  const formulaIdx = wanted.map((w, i) => (w.formula !== null ? i : -1)).filter((i) => i >= 0);
  const inPlace = formulaIdx.every((i) => {
    const f = formulaAt.get(refOf(wanted[i].row, wanted[i].col));
    return f !== undefined && sameFormula(f, wanted[i].formula!);
  });
  let matched = false;
  if (inPlace) {
    for (const i of formulaIdx) shifts[i] = { dr: 0, dc: 0 };
    matched = true;
  } else if (formulaIdx.length > 0) {
    const shapes = new Set(formulaIdx.map((i) => shape(wanted[i].formula!)));
    const candidates: Array<{ row: number; col: number; formula: string; shape: string }> = [];
    for (const [ref, f] of formulaAt) {
      const sh = shape(f);
      if (!shapes.has(sh)) continue;
      const p = parseA1(ref);
      if (p) candidates.push({ ...p, formula: f, shape: sh });
    }
    const order = (a: { row: number; col: number }, b: { row: number; col: number }) => a.row - b.row || a.col - b.col;
    candidates.sort(order);
    const sorted = [...formulaIdx].sort((a, b) => order(wanted[a], wanted[b]));
    const pairs = (i: number, k: number) => {
      const c = candidates[k];
      const w = wanted[i];
      const dr = c.row - w.row;
      const dc = c.col - w.col;
      return shape(w.formula!) === c.shape && sameFormula(c.formula, shiftFormula(w.formula!, dr, dc)) ? { dr, dc } : null;
    };
    // In order from the top, then from the bottom, as far as each cell holds its formula shifted:
    // rows inserted or deleted keep the converted cells' order, and a cell edited since (or gone)
    // stops both walks there, so it — and only what cannot be placed around it — is refused.
    let front = 0;
    while (front < sorted.length && front < candidates.length) {
      const s = pairs(sorted[front], front);
      if (!s) break;
      shifts[sorted[front]] = s;
      front++;
    }
    matched = front === sorted.length && candidates.length === sorted.length;
    for (let back = 1; !matched && back <= sorted.length - front && back <= candidates.length - front; back++) {
      const s = pairs(sorted[sorted.length - back], candidates.length - back);
      if (!s) break;
      shifts[sorted[sorted.length - back]] = s;
    }
  }
  // Values: the shift of their row's formula cell, or the one shift every formula cell shares.
  const found = formulaIdx.map((i) => shifts[i]).filter((s): s is { dr: number; dc: number } => s !== null);
  const common = found.length > 0 && found.every((s) => s.dr === found[0].dr && s.dc === found[0].dc) ? found[0] : found.length === 0 && formulaIdx.length === 0 ? { dr: 0, dc: 0 } : null;
  wanted.forEach((w, i) => {
    if (w.formula !== null) return;
    const sameRow = formulaIdx.find((j) => wanted[j].row === w.row && shifts[j] !== null);
    const s = sameRow !== undefined ? shifts[sameRow] : common;
    if (s && valueOk(w, refOf(w.row + s.dr, w.col + s.dc), i)) shifts[i] = s;
  });
  return shifts;
}

/** The refusal for an entry not found as recorded. */
export function notAsConverted(sheet: string, cell: string, now: "edited" | "missing"): RestoreProblem {
  return now === "missing"
    ? { sheet, cell, zh: "找不到该单元格（工作表或单元格已删除）", en: "the cell is gone (its sheet or row was deleted)" }
    : {
        sheet,
        cell,
        zh: "该单元格不再是转换后的内容（转换后被修改过，或行列移动后无法确定），未恢复",
        en: "the cell no longer holds what the conversion left there (edited since, or moved beyond recognition); not restored",
      };
}

/** Every damage in a record read back (empty: it can be trusted as the add-in wrote it). */
export function checkRecord(parsed: ParsedRecord): RestoreProblem[] {
  const out: RestoreProblem[] = [];
  for (const g of parsed.gaps) out.push({ sheet: "", cell: "", zh: `记录损坏：记录第 ${g} 行被清空`, en: `damaged record: record row ${g} was emptied` });
  if (parsed.count !== null && parsed.count !== parsed.lines) {
    out.push({ sheet: "", cell: "", zh: `记录损坏：记录应有 ${parsed.count} 行，现有 ${parsed.lines} 行`, en: `damaged record: it should hold ${parsed.count} rows, it holds ${parsed.lines}` });
  }
  const seen = new Set<string>();
  const names = new Map(parsed.rows.filter((r) => r.kind === NAME_KIND).map((r) => [r.cell, r.portable]));
  const memo = new Map<string, ReturnType<typeof conversionVerdict>>();
  parsed.rows.forEach((r, i) => {
    const p = checkRecordRow(r, parsed.rowNumbers[i], names, memo);
    if (p) out.push(p);
    const key = `${r.sheet}\u0000${r.cell}`;
    if (seen.has(key)) out.push(damage(r, `记录第 ${parsed.rowNumbers[i]} 行重复记录了同一单元格`, `record row ${parsed.rowNumbers[i]} records the same cell again`));
    seen.add(key);
  });
  if (out.length === 0) out.push(...checkSpills(parsed.rows, parsed.rowNumbers));
  return out;
}
