/**
 * What make-portable leaves in a workbook, whichever host wrote it (the .xlsx path in xlsx.ts, the
 * pane through Office.js, the playground): the very hidden record sheet JY_ORIGINALS (every
 * original cell), the visible note sheet JY通用版说明, and the translation of one cell. A workbook
 * made portable by one of them can be restored by any other.
 *
 * Record layout (row 1: version, "calcChain" when the file's calcChain was kept, the number of rows
 * that follow; row 2: header; from row 3 one row per changed cell, or per run of them):
 *   A sheet · B cell · C kind (native | spill | frozen | calcChain) · D the original formula as a
 *   file holds it (no "=") · E the original <c> element · F the portable <c> element · G the
 *   original formula exactly as Excel's Range.formulas gave it (written by the pane; empty from
 *   the .xlsx path). A cell whose original <c> has no <f> (a spilled value) is cleared on restore.
 * A table's calculated column (.xlsx path only): A sheet · B Table[Column] · C calculatedColumn ·
 *   D the original formula · E the original <calculatedColumnFormula> element · F the portable one
 *   ("" when the column's cells were frozen, so the column keeps no formula).
 * A row name the converted cells use (.xlsx path): A empty · B the name · C name · F its formula.
 * A run (native or spill cells of one column, one below the other, converted alike): B the range
 *   (F2:F1001), D to G as for its first cell, H the cells' cached values (JSON: the text of each
 *   <v>, or null), I "1" when the portable cells carry those values too. Each cell of a run is its
 *   first cell moved down, with its own value: a register's column is one row of the record, not
 *   one per enterprise. A cell that is not exactly that starts a new run.
 */
import { endOfQuoted, rowShifter, shiftFormula, translate, type Translation } from "./formula";
import { MAX_FORMULA_CHARS, NotPortable } from "./native";
import { xmlEscape, xmlUnescape } from "./xml";
import { parseA1 } from "../engine/register/address";

export const RECORD_SHEET = "JY_ORIGINALS";
export const NOTE_SHEET = "JY通用版说明";
export const RECORD_VERSION = "jyreward-portable/2";
/** Records this version reads: /1 holds no runs. */
const READABLE = new Set(["jyreward-portable/1", RECORD_VERSION]);
export const RECORD_HEADER = ["sheet", "cell", "kind", "formula", "original <c>", "portable <c>", "formula in Excel", "values", "portable values"];
/** The record keeps long texts (calcChain) in pieces below Excel's 32,767 characters per cell. */
export const RECORD_CHUNK = 30000;
/** The record's kind for a table's calculated column. */
export const CALCULATED_COLUMN = "calculatedColumn";
/** The record's kind for a row name (row-names.ts): B the name, F its formula; restore removes it. */
export const NAME_KIND = "name";

export interface ConvertedCell {
  sheet: string;
  cell: string;
  kind: "native" | "frozen";
  /** The original formula text (for a shared formula, as it reads in this cell). */
  formula: string;
  /** The portable formula ("" for a frozen cell). */
  portable: string;
}

export interface SkippedCell {
  sheet: string;
  cell: string;
  formula: string;
  zh: string;
  en: string;
}

/** A table's calculated column (xl/tables/tableN.xml) whose formula was made portable or taken away. */
export interface ConvertedColumn {
  sheet: string;
  table: string;
  column: string;
  /** native: the column's formula is now the native one; frozen: its cells are values, so the column keeps no formula. */
  kind: "native" | "frozen";
  formula: string;
  portable: string;
}

export interface PortableReport {
  converted: ConvertedCell[];
  /** Tables' calculated columns (the .xlsx path; the pane cannot reach them through Office.js). */
  columns?: ConvertedColumn[];
  skipped: SkippedCell[];
  /** True when the workbook already carried a record (it was made portable before). */
  alreadyPortable: boolean;
  /** The row names converted cells hold (the .xlsx path; row-names.ts), with the formula each stands for. */
  rowNames?: Array<{ name: string; formula: string }>;
}

export interface RecordRow {
  sheet: string;
  cell: string;
  kind: string;
  formula: string;
  original: string;
  portable: string;
  /** The formula as Excel's Range.formulas gave it ("=…"), when the pane wrote the row. */
  excel?: string;
}

/** Shifts a recorded <c> element (its r, an array formula's ref and the formula text). */
export function shiftCellXml(xml: string, dr: number, dc: number, escape: (s: string) => string): string {
  if (dr === 0 && dc === 0) return xml;
  const move = (ref: string) => shiftFormula(ref, dr, dc);
  return xml
    .replace(/^(<c\b[^>]*?\sr=")([^"]*)(")/, (_, a: string, ref: string, b: string) => a + move(ref) + b)
    .replace(/(<f\b[^>]*?\sref=")([^"]*)(")/, (_, a: string, ref: string, b: string) => a + move(ref) + b)
    .replace(/(<f\b[^>]*>)([\s\S]*?)(<\/f>)/, (_, a: string, f: string, b: string) => a + escape(shiftFormula(xmlUnescape(f), dr, dc)) + b);
}

// ---------------------------------------------------------------------------------------------
// Runs

const RUN_KINDS = new Set(["native", "spill"]);
/** A run's values stay well inside a cell's 32,767 characters. */
const RUN_CHARS = 30000;
/**
 * The most characters a record's runs expand to (a 100,000-row register: about 75 million); a run
 * past it is read as damage rather than filling memory.
 */
const RUN_EXPANSION_CHARS = 150_000_000;
/** Element text as spreadsheet files write a formula (quotes left as they are). */
const textEscape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A <c> element without its <v> (the template of a run), and that value. */
function withoutValue(xml: string): { template: string; value: string | null } {
  const m = /<v>([\s\S]*?)<\/v>/.exec(xml);
  return m ? { template: xml.slice(0, m.index) + xml.slice(m.index + m[0].length), value: m[1] } : { template: xml, value: null };
}

function withValue(template: string, value: string | null): string {
  const end = template.lastIndexOf("</c>");
  return value === null || end < 0 ? template : `${template.slice(0, end)}<v>${value}</v>${template.slice(end)}`;
}

/**
 * shiftCellXml(xml, k, 0, escape) for many k: the cell's r, its formula's ref and text cut once. The
 * formula is escaped as the first cell has it: Excel leaves quotes as they are, LibreOffice writes &quot;.
 */
function cellXmlShifter(xml: string): (dRow: number) => string {
  const escape = /<f\b[^>]*>[^<]*&quot;/.test(xml) ? xmlEscape : textEscape;
  const spans: Array<{ start: number; end: number; shift: (k: number) => string }> = [];
  const r = /^(<c\b[^>]*?\sr=")([^"]*)"/.exec(xml);
  if (r) spans.push({ start: r[1].length, end: r[1].length + r[2].length, shift: rowShifter(r[2]) });
  const ref = /(<f\b[^>]*?\sref=")([^"]*)"/.exec(xml);
  if (ref) spans.push({ start: ref.index + ref[1].length, end: ref.index + ref[1].length + ref[2].length, shift: rowShifter(ref[2]) });
  const f = /(<f\b[^>]*>)([\s\S]*?)<\/f>/.exec(xml);
  if (f) {
    const text = rowShifter(xmlUnescape(f[2]));
    spans.push({ start: f.index + f[1].length, end: f.index + f[1].length + f[2].length, shift: (k) => escape(text(k)) });
  }
  spans.sort((a, b) => a.start - b.start);
  if (spans.some((s, i) => i > 0 && s.start < spans[i - 1].end)) return (k) => shiftCellXml(xml, k, 0, escape);
  return (k) => {
    if (k === 0) return xml;
    let out = "";
    let at = 0;
    for (const s of spans) {
      out += xml.slice(at, s.start) + s.shift(k);
      at = s.end;
    }
    return out + xml.slice(at);
  };
}

interface Run {
  first: RecordRow;
  portableValue: boolean;
  col: string;
  row: number;
  values: Array<string | null>;
  chars: number;
  shift: RunShifters;
}

interface RunShifters {
  cell: (k: number) => string;
  formula: (k: number) => string;
  excel: (k: number) => string;
  original: (k: number) => string;
  portable: (k: number) => string;
}

/** A run's first cell (its templates without values) cut for shifting. */
function shiftersOf(first: RecordRow, original: string, portable: string): RunShifters {
  return { cell: rowShifter(first.cell), formula: rowShifter(first.formula), excel: rowShifter(first.excel ?? ""), original: cellXmlShifter(original), portable: cellXmlShifter(portable) };
}

/** Cell k of a run (0: its first cell). */
function runMember(run: Pick<Run, "first" | "portableValue" | "shift">, k: number, value: string | null): RecordRow {
  const f = run.first;
  return {
    sheet: f.sheet,
    cell: run.shift.cell(k),
    kind: f.kind,
    formula: run.shift.formula(k),
    original: withValue(run.shift.original(k), value),
    portable: withValue(run.shift.portable(k), run.portableValue ? value : null),
    excel: f.excel && run.shift.excel(k),
  };
}

const sameRow = (a: RecordRow, b: RecordRow) =>
  a.sheet === b.sheet && a.cell === b.cell && a.kind === b.kind && a.formula === b.formula && a.original === b.original && a.portable === b.portable && (a.excel ?? "") === (b.excel ?? "");

/** A run starting at `r`, or null when `r` cannot be rebuilt from a template (it is then a row of its own). */
function startRun(r: RecordRow): Run | null {
  const p = RUN_KINDS.has(r.kind) ? /^([A-Z]{1,3})(\d+)$/.exec(r.cell) : null;
  if (!p) return null;
  const original = withoutValue(r.original);
  const portable = withoutValue(r.portable);
  const portableValue = portable.value !== null;
  if (portableValue && portable.value !== original.value) return null;
  const run: Run = { first: r, portableValue, col: p[1], row: Number(p[2]), values: [original.value], chars: 0, shift: shiftersOf(r, original.template, portable.template) };
  return sameRow(runMember(run, 0, original.value), r) ? run : null;
}

/** The record sheet's rows of text: native and spilled cells of a column in runs. */
export function recordSheetRows(record: RecordRow[], calcChain: string | null): string[][] {
  const items: Array<Run | string[]> = [];
  const open = new Map<string, Run>();
  for (const r of record) {
    const p = RUN_KINDS.has(r.kind) ? /^([A-Z]{1,3})(\d+)$/.exec(r.cell) : null;
    const key = p ? `${r.sheet}\u0000${r.kind}\u0000${p[1]}` : "";
    const run = p ? open.get(key) : undefined;
    if (run && p) {
      const k = run.values.length;
      const value = withoutValue(r.original).value;
      const chars = run.chars + JSON.stringify(value).length + 1;
      if (Number(p[2]) === run.row + k && chars <= RUN_CHARS && sameRow(runMember(run, k, value), r)) {
        run.values.push(value);
        run.chars = chars;
        continue;
      }
    }
    const started = startRun(r);
    if (started) {
      open.set(key, started);
      items.push(started);
    } else {
      const row = [r.sheet, r.cell, r.kind, r.formula, r.original, r.portable];
      if (r.excel) row.push(r.excel);
      items.push(row);
    }
  }
  const lines = items.map((item) => {
    if (Array.isArray(item)) return item;
    const f = item.first;
    const row = [f.sheet, f.cell, f.kind, f.formula, f.original, f.portable];
    if (item.values.length === 1) return f.excel ? [...row, f.excel] : row;
    row[1] = `${item.col}${item.row}:${item.col}${item.row + item.values.length - 1}`;
    return [...row, f.excel ?? "", JSON.stringify(item.values), item.portableValue ? "1" : ""];
  });
  // C1: how many rows follow, so a row emptied or cut off is seen as damage on restore.
  const rows: string[][] = [[RECORD_VERSION, calcChain === null ? "" : "calcChain", String(lines.length)], RECORD_HEADER, ...lines];
  if (calcChain !== null) for (let i = 0; i < calcChain.length; i += RECORD_CHUNK) rows.push(["", "", "calcChain", "", calcChain.slice(i, i + RECORD_CHUNK), ""]);
  return rows;
}

/** A run's cells as record rows, or null when the run row is malformed (it is then checked as it stands, and refused). */
function runRows(first: RecordRow, values: string, portableValue: string, budget: { left: number }): RecordRow[] | null {
  const range = /^([A-Z]{1,3})([1-9]\d{0,6}):([A-Z]{1,3})([1-9]\d{0,6})$/.exec(first.cell);
  if (!range || range[1] !== range[3] || !RUN_KINDS.has(first.kind)) return null;
  let list: unknown;
  try {
    list = JSON.parse(values);
  } catch {
    return null;
  }
  const n = Number(range[4]) - Number(range[2]) + 1;
  // A value is a <v>'s text: no markup (restore writes it into the sheet).
  if (!Array.isArray(list) || n < 2 || list.length !== n || Number(range[4]) > 1048576 || !list.every((v) => v === null || (typeof v === "string" && !v.includes("<")))) return null;
  // What the run expands to is bounded, whatever a tampered record says.
  const size = n * (first.formula.length + first.original.length + first.portable.length + (first.excel?.length ?? 0));
  if (size > budget.left) return null;
  budget.left -= size;
  const head = { ...first, cell: `${range[1]}${range[2]}` };
  const original = withoutValue(head.original);
  const portable = withoutValue(head.portable);
  const run = { first: head, portableValue: portableValue === "1", shift: shiftersOf(head, original.template, portable.template) };
  return (list as Array<string | null>).map((v, k) => runMember(run, k, v));
}

/** A record as read back: its rows (with their row numbers), the calcChain, and any damage seen. */
export interface ParsedRecord {
  rows: RecordRow[];
  /** The record sheet's row number of each of `rows`. */
  rowNumbers: number[];
  calcChain: string;
  /** Row numbers between the header and the last row that are empty (a row emptied since). */
  gaps: number[];
  /** How many rows the record holds besides the calcChain (a run is one). */
  lines: number;
  /** The number of cell rows the record says it holds (C1), or null in a record written before it said. */
  count: number | null;
}

/**
 * Reads a record sheet through `text(ref)` (A1 → the cell's text); throws on another version.
 * `lastRow` is the sheet's last used row: rows up to it are read, so an emptied row in between is
 * reported as a gap instead of ending the record there.
 */
export function parseRecord(text: (ref: string) => string | undefined, lastRow?: number): ParsedRecord {
  if (!READABLE.has(text("A1") ?? "")) throw new Error(`${RECORD_SHEET} is not a record this version can read`);
  const rows: RecordRow[] = [];
  const rowNumbers: number[] = [];
  const gaps: number[] = [];
  let calcChain = "";
  const c1 = text("C1");
  const count = c1 !== undefined && /^\d+$/.test(c1) ? Number(c1) : null;
  const used = (r: number) => ["A", "B", "C", "D", "E", "F", "G", "H", "I"].some((c) => text(`${c}${r}`) !== undefined);
  let lines = 0;
  const budget = { left: RUN_EXPANSION_CHARS };
  // Trailing empty rows (a host's used range, padding) are no gaps: the record ends at its last used row.
  let end = lastRow ?? Infinity;
  while (end >= 3 && end !== Infinity && !used(end)) end--;
  for (let r = 3; r <= end; r++) {
    if (!used(r)) {
      if (lastRow === undefined) break;
      gaps.push(r);
      continue;
    }
    const get = (c: string) => text(`${c}${r}`) ?? "";
    if (get("C") === "calcChain") calcChain += get("E");
    else {
      lines++;
      const row: RecordRow = { sheet: get("A"), cell: get("B"), kind: get("C"), formula: get("D"), original: get("E"), portable: get("F"), excel: get("G") || undefined };
      const run = get("H") ? runRows(row, get("H"), get("I"), budget) : null;
      for (const member of run ?? [row]) {
        rows.push(member);
        rowNumbers.push(r);
      }
    }
  }
  return { rows, rowNumbers, calcChain, gaps, count, lines };
}

/**
 * Converted cells as the note lists them: the cells of one column converted alike, one below the
 * other, as one range (F2:F100001) with its first cell's formula.
 */
function convertedRuns(converted: PortableReport["converted"]): Array<{ sheet: string; cell: string; kind: string; formula: string }> {
  const runs: Array<{ sheet: string; kind: string; col: string; row: number; last: number; formula: string; lastFormula: string }> = [];
  const open = new Map<string, (typeof runs)[number]>();
  for (const c of converted) {
    const p = /^([A-Z]{1,3})(\d+)$/.exec(c.cell);
    const key = p ? `${c.sheet}\u0000${c.kind}\u0000${p[1]}` : "";
    const run = p ? open.get(key) : undefined;
    if (run && p && Number(p[2]) === run.last + 1 && shiftFormula(run.lastFormula, 1, 0) === c.formula) {
      run.last++;
      run.lastFormula = c.formula;
      continue;
    }
    const started = { sheet: c.sheet, kind: c.kind, col: p ? p[1] : c.cell, row: p ? Number(p[2]) : 0, last: p ? Number(p[2]) : 0, formula: c.formula, lastFormula: c.formula };
    if (p) open.set(key, started);
    runs.push(started);
  }
  return runs.map((r) => ({ sheet: r.sheet, kind: r.kind, formula: r.formula, cell: r.row === 0 ? r.col : r.last === r.row ? `${r.col}${r.row}` : `${r.col}${r.row}:${r.col}${r.last}` }));
}

/** A record read from its sheet's values (rows of cells from A1, as a host gives them). */
export function parseRecordValues(values: unknown[][]): ParsedRecord {
  return parseRecord((ref) => {
    const p = parseA1(ref);
    const v = p ? values[p.row]?.[p.col] : undefined;
    return v === null || v === undefined || v === "" ? undefined : String(v);
  }, values.length);
}

/** The visible note: what happened, how to undo it, and every converted, frozen or skipped cell. */
export function noteRows(report: Pick<PortableReport, "converted" | "skipped" | "columns">): string[][] {
  const rows: string[][] = [
    ["本工作簿已转为通用公式 / This workbook uses portable formulas"],
    ["JY.REWARD、JY.FUNDING 已换成 Excel、WPS、LibreOffice 都能计算的公式，输入仍可修改；JY.DETAIL、JY.CHECK 单元格已冻结为数值（不再随输入变化）。装有加载项时，可用“恢复 JY 公式”或 jyreward restore 恢复原公式。"],
    ["JY.REWARD and JY.FUNDING now compute with native functions (inputs stay editable); JY.DETAIL and JY.CHECK cells are frozen values. Restore the original formulas with the add-in's Restore action or `jyreward restore`."],
    [],
    ["工作表 Sheet", "单元格 Cell", "状态 State", "原公式 Original formula"],
  ];
  for (const c of convertedRuns(report.converted)) {
    rows.push([c.sheet, c.cell, c.kind === "frozen" ? "已冻结为数值 frozen value" : "通用公式 native formula", `=${c.formula}`]);
  }
  for (const c of report.columns ?? []) {
    const state = c.kind === "frozen" ? "表格计算列：已去掉公式 table column: formula taken away" : "表格计算列：通用公式 table column: native formula";
    rows.push([c.sheet, `${c.table}[${c.column}]`, state, `=${c.formula}`]);
  }
  for (const s of report.skipped) rows.push([s.sheet, s.cell, `未转换 not converted: ${s.zh} / ${s.en}`, `=${s.formula}`]);
  return rows;
}

/** How one JY cell becomes portable. */
export type CellConversion =
  | Exclude<Translation, { kind: "native" }>
  /** One native formula per cell of the row the original spilled over (city, town, park). */
  | { kind: "native"; formulas: string[] };

/**
 * The portable form of one formula (no "="): frozen, unchanged, or native formulas for the first
 * `width` cells of its spilled row. `measure` gives a formula's length as a saved file will hold it
 * (structured references spelled out); over Excel's 8,192 characters the cell is not converted.
 */
export function convertFormula(formula: string, width = 1, measure: (native: string) => number = (f) => f.length): CellConversion {
  const first = translate(formula, 0);
  if (first.kind !== "native") return first;
  const formulas: string[] = [];
  for (let k = 0; k < width; k++) {
    const t = k === 0 ? first : translate(formula, k);
    if (t.kind !== "native") throw new NotPortable("无法转换", "cannot convert");
    const length = measure(t.formula);
    if (length > MAX_FORMULA_CHARS) {
      throw new NotPortable(
        `转换后的公式有 ${length} 个字符，超过 Excel 的 8192 上限（参数请直接引用单元格）`,
        `the portable formula has ${length} characters, over Excel's 8,192 (refer to cells in the arguments)`,
      );
    }
    formulas.push(t.formula);
  }
  return { kind: "native", formulas };
}

// ---------------------------------------------------------------------------------------------
// Formula text: as a file holds it, and as Excel's Range.formulas shows it

/**
 * Applies `fn` to the parts of a formula outside string literals and quoted sheet names. Inside
 * structured-reference brackets quotes are no literals ('x escapes x there).
 */
function outsideLiterals(formula: string, fn: (code: string) => string): string {
  let out = "";
  let code = "";
  let depth = 0;
  for (let i = 0; i < formula.length; ) {
    const c = formula[i];
    if (depth > 0) {
      const step = c === "'" ? 2 : 1;
      if (c === "[") depth++;
      else if (c === "]") depth--;
      code += formula.slice(i, i + step);
      i += step;
    } else if (c === '"' || c === "'") {
      const end = endOfQuoted(formula, i, c);
      out += fn(code) + formula.slice(i, end);
      code = "";
      i = end;
    } else {
      if (c === "[") depth++;
      code += c;
      i++;
    }
  }
  return out + fn(code);
}

/**
 * A formula as a file holds it → as Excel's Range.formulas takes it: "=" in front, JY calls by
 * their names (a file holds _xldudf_JY_REWARD), no _xlfn. / _xlws. prefixes.
 */
export function fileToExcelFormula(file: string): string {
  return "=" + outsideLiterals(file, (code) => code.replace(/_xldudf_JY_(REWARD|FUNDING|DETAIL|CHECK)(?=\s*\()/gi, "JY.$1").replace(/_xl(?:fn|ws)\./gi, ""));
}

/** A table name in a formula (letters, digits, _ . \\; not starting with a digit or a period). */
const TABLE_NAME = String.raw`(?:[A-Za-z_\\\u0080-\uffff][\w.\\\u0080-\uffff]*)`;
/** Where a structured reference may begin: not inside a name, nor right after another bracket. */
const REF_START = String.raw`(?<![\w.\\\]\u0080-\uffff])`;
const THIS_ROW_NESTED = new RegExp(`${REF_START}(${TABLE_NAME})?\\[@\\[((?:[^\\]']|'.)*)\\]\\]`, "g");
const THIS_ROW_PLAIN = new RegExp(`${REF_START}(${TABLE_NAME})?\\[@((?:[^\\]\\['#]|'.)+)\\]`, "g");
const THIS_ROW_SPELLED = new RegExp(`${REF_START}\\[\\[#This Row\\]`, "gi");

/**
 * A formula as Excel's Range.formulas gives it → as a file holds it: no "=", JY calls as Excel
 * saves them (_xldudf_JY_…), and this-row structured references spelled out with their table, as
 * Excel writes them to a file: [@x], [@[x]] (the cell's `table`), Table1[@x], Table1[@[x]] (their
 * own) and an unqualified [[#This Row],[x]] all become Table[[#This Row],[x]].
 */
export function excelToFileFormula(excel: string, table: string | null): string {
  const body = excel.startsWith("=") ? excel.slice(1) : excel;
  const spelled = (m: string, name: string | undefined, col: string) => (name || table ? `${name || table}[[#This Row],[${col}]]` : m);
  return outsideLiterals(body, (code) =>
    code
      .replace(/(?<![A-Za-z0-9_.])JY\.(REWARD|FUNDING|DETAIL|CHECK)(?=\s*\()/gi, (_, fn: string) => `_xldudf_JY_${fn.toUpperCase()}`)
      .replace(THIS_ROW_NESTED, spelled)
      .replace(THIS_ROW_PLAIN, spelled)
      .replace(THIS_ROW_SPELLED, (m) => (table ? `${table}[[#This Row]` : m)),
  );
}
