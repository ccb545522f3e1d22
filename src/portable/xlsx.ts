/**
 * Make-portable and restore on .xlsx bytes, editing the OOXML directly: only the <c> elements of
 * converted cells change, plus what restore takes away again — a very hidden record sheet
 * (JY_ORIGINALS: every original cell verbatim), a visible note sheet (JY通用版说明: which cells
 * were converted and which are frozen values), the _JY_* defined names, and calcChain.xml when a
 * cell lost its formula (kept in the record). Works in Node and in the browser (jszip only).
 */
import type JSZip from "jszip";
import { DEFINED_NAME_SET, definedNames, MAX_FORMULA_CHARS, NotPortable } from "./native";
import { xmlEscape, xmlUnescape } from "./xml";
export { xmlEscape, xmlUnescape };
import { checkRecord, locate, notAsConverted, type RestoreProblem, type Wanted } from "./verify";
import { repack, type Packer } from "./zip-write";
import { DEFAULT_LIMITS, FileRefused, isReadPart, tooManyCells, type ZipLimits } from "./zip-guard";
import { openGuarded, partText as text } from "./zip-read";
import { callsJy, colLetters, colNumber, findCalls, shiftFormula, translate } from "./formula";
import { rowForm, rowKeyArg, RowNames } from "./row-names";
import {
  CALCULATED_COLUMN,
  convertFormula,
  NAME_KIND,
  NOTE_SHEET,
  noteRows,
  parseRecord,
  RECORD_SHEET,
  recordSheetRows,
  shiftCellXml,
  type PortableReport,
  type RecordRow,
} from "./record";

export { NOTE_SHEET, RECORD_SHEET };
export type { ConvertedCell, ConvertedColumn, PortableReport, SkippedCell } from "./record";
const SHEET_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const SHEET_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
const CALCCHAIN_PATH = "xl/calcChain.xml";

// ---------------------------------------------------------------------------------------------
// XML helpers

const attrPatterns = new Map<string, RegExp>();
function attr(tag: string, name: string): string | null {
  let re = attrPatterns.get(name);
  if (!re) attrPatterns.set(name, (re = new RegExp(`\\s${name}="([^"]*)"`)));
  const m = re.exec(tag);
  return m ? xmlUnescape(m[1]) : null;
}
function setAttr(tag: string, name: string, value: string | null): string {
  const re = new RegExp(`\\s${name}="[^"]*"`);
  if (value === null) return tag.replace(re, "");
  if (re.test(tag)) return tag.replace(re, ` ${name}="${xmlEscape(value)}"`);
  return tag.replace(/^<c\b/, `<c ${name}="${xmlEscape(value)}"`);
}

/** Cells of a sheet's XML: the element text and its offsets. */
interface CellXml {
  ref: string;
  xml: string;
  start: number;
  end: number;
}
const CELL_RE = /<c\b[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g;
function cellsOf(sheetXml: string): CellXml[] {
  const out: CellXml[] = [];
  for (const m of sheetXml.matchAll(CELL_RE)) {
    const open = /^<c\b[^>]*>/.exec(m[0])![0];
    out.push({ ref: attr(open, "r") ?? "", xml: m[0], start: m.index!, end: m.index! + m[0].length });
  }
  return out;
}
function formulaElement(cellXml: string): { tag: string; text: string | null; whole: string } | null {
  const m = /<f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/f>)/.exec(cellXml);
  return m ? { tag: m[1], text: m[2] === undefined ? null : xmlUnescape(m[2]), whole: m[0] } : null;
}
const openTag = (cellXml: string) => /^<c\b[^>]*?(\/?)>/.exec(cellXml)![0].replace(/\/>$/, ">");

function splitRef(ref: string): { col: number; row: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
  return { col: colNumber(m[1]), row: Number(m[2]) };
}

/** Inline-string cell XML. */
const textCell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xmlEscape(text)}</t></is></c>`;

/** A worksheet of inline-string rows. */
function sheetXmlOf(rows: string[][], hiddenColumns = false): string {
  const body = rows
    .map((row, r) => `<row r="${r + 1}">${row.map((v, c) => textCell(`${colLetters(c + 1)}${r + 1}`, v)).join("")}</row>`)
    .join("");
  const cols = hiddenColumns ? "" : '<cols><col min="1" max="1" width="18" customWidth="1"/><col min="2" max="4" width="14" customWidth="1"/><col min="5" max="5" width="90" customWidth="1"/></cols>';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${cols}<sheetData>${body}</sheetData></worksheet>`;
}

/** Reads a sheet's cell texts (inline or shared strings, as any host saved it): ref → text. */
function readTexts(sheetXml: string, shared: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of cellsOf(sheetXml)) {
    const t = attr(openTag(c.xml), "t");
    if (t === "s") {
      const v = /<v>([^<]*)<\/v>/.exec(c.xml);
      if (v) out.set(c.ref, shared[Number(v[1])] ?? "");
    } else if (t === "inlineStr") {
      out.set(c.ref, [...c.xml.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)].map((m) => xmlUnescape(m[1])).join(""));
    } else if (t === "str") {
      const v = /<v>([\s\S]*?)<\/v>/.exec(c.xml);
      if (v) out.set(c.ref, xmlUnescape(v[1]));
    }
  }
  return out;
}
function sharedStrings(xml: string | null): string[] {
  if (!xml) return [];
  return [...xml.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((si) =>
    [...si[1].matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)].map((m) => xmlUnescape(m[1])).join(""),
  );
}

// ---------------------------------------------------------------------------------------------
// Workbook structure

interface SheetInfo {
  name: string;
  path: string;
  rid: string;
  /** The <sheet …/> element in workbook.xml. */
  element: string;
}

/** Puts a part's text as UTF-8 bytes (JSZip's own string path copies a large sheet several times over). */
function put(zip: JSZip, path: string, xml: string): void {
  const data = new TextEncoder().encode(xml);
  zip.file(path, data);
  changesOf(zip).set(path, data);
}
function drop(zip: JSZip, path: string): void {
  zip.remove(path);
  changesOf(zip).set(path, null);
}
/** The parts changed in each open workbook, for repack (the rest are copied still compressed). */
const changes = new WeakMap<JSZip, Map<string, Uint8Array | null>>();
function changesOf(zip: JSZip): Map<string, Uint8Array | null> {
  let m = changes.get(zip);
  if (!m) changes.set(zip, (m = new Map()));
  return m;
}

/** The workbook's bytes: the changed parts recompressed, the others copied (JSZip's way without a packer). */
async function pack(zip: JSZip, input: Uint8Array | ArrayBuffer, packer?: Packer): Promise<Uint8Array> {
  if (packer) {
    const out = repack(input instanceof Uint8Array ? input : new Uint8Array(input), changesOf(zip), packer);
    if (out) return out;
  }
  // Parts kept as they are travel still compressed (DEFLATE reuses their bytes): no inflating media.
  return new Uint8Array(await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
}

function resolveTarget(target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = ["xl", ...target.split("/")];
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p !== ".") out.push(p);
  }
  return out.join("/");
}

function sheetsOf(workbook: string, rels: string): SheetInfo[] {
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*\/?>/g)) {
    const id = attr(m[0], "Id");
    const target = attr(m[0], "Target");
    if (id && target) targets.set(id, resolveTarget(target));
  }
  return [...workbook.matchAll(/<sheet\b[^>]*\/>/g)].map((m) => {
    const rid = /\sr:id="([^"]*)"/.exec(m[0])?.[1] ?? attr(m[0], "[a-zA-Z0-9]+:id") ?? "";
    return { name: attr(m[0], "name") ?? "", rid, path: targets.get(rid) ?? "", element: m[0] };
  });
}

// ---------------------------------------------------------------------------------------------
// Make portable

/** A copy of the input bytes, for a workbook with nothing to convert or restore. */
const unchanged = (bytes: Uint8Array | ArrayBuffer): Uint8Array => new Uint8Array(bytes).slice();


/** The refusal when the portable workbook would pass the size limit. */
function outgrows(size: number, limits: ZipLimits): FileRefused {
  const mb = (n: number) => Math.ceil(n / 1048576);
  return new FileRefused(
    `转换后的工作簿将超过 ${mb(limits.maxBytes)} MB 的上限（至少 ${mb(size)} MB，记录表另存每个原公式）；可用 --max-mb 调高，或把台账分成几个文件转换`,
    `the portable workbook would pass the limit of ${mb(limits.maxBytes)} MB (at least ${mb(size)} MB: the record keeps every original formula too); raise it with --max-mb, or convert the register in several files`,
  );
}

/** How one JY cell of the .xlsx path becomes portable. */
type Conversion =
  | { kind: "unchanged" }
  | { kind: "freeze" }
  | { kind: "skip"; zh: string; en: string }
  /** One formula per cell of the spilled row: row names (_JY_C1), or the native formulas themselves where a name cannot say them. */
  | { kind: "native"; formulas: string[]; named: boolean };

/**
 * What one converted cell adds to the record at least (its value in a run), for refusing early;
 * the output's parts are measured exactly before it is written.
 */
const RECORD_CELL_BYTES = 16;

function convertCell(formula: string, width: number, row: number, sheet: string, names: RowNames): Conversion {
  let conversion;
  try {
    conversion = convertFormula(formula, width);
  } catch (e) {
    if (!(e instanceof NotPortable)) throw e;
    return { kind: "skip", zh: e.zh, en: e.en };
  }
  if (conversion.kind !== "native") return conversion;
  const forms = conversion.formulas.map((f) => rowForm(f, row, sheet, names.arg));
  if (forms.some((f) => f === null || f.length > MAX_FORMULA_CHARS)) return { kind: "native", formulas: conversion.formulas, named: false };
  return { kind: "native", formulas: forms.map((f) => names.cell(f!)), named: true };
}

/** Makes every JY.REWARD / JY.FUNDING cell native and freezes JY.DETAIL / JY.CHECK cells. */
export async function makePortable(
  bytes: Uint8Array | ArrayBuffer,
  JSZipImpl: typeof JSZip,
  limits: ZipLimits = DEFAULT_LIMITS,
  packer?: Packer,
): Promise<{ bytes: Uint8Array; report: PortableReport }> {
  const { zip, entries } = await openGuarded(bytes, JSZipImpl, limits);
  const workbookPath = "xl/workbook.xml";
  const relsPath = "xl/_rels/workbook.xml.rels";
  let workbook = (await text(zip, workbookPath))!;
  let rels = (await text(zip, relsPath))!;
  if (!workbook || !rels) throw new Error("not an .xlsx workbook (xl/workbook.xml missing)");
  const sheets = sheetsOf(workbook, rels);
  const report: PortableReport = { converted: [], skipped: [], alreadyPortable: sheets.some((s) => s.name === RECORD_SHEET) };
  // Nothing to do: the input itself, byte for byte (never a re-packed copy).
  if (report.alreadyPortable) return { bytes: unchanged(bytes), report };

  const record: RecordRow[] = [];
  // The output must stay readable within the same limits (restore reads it back): its size is
  // tracked as the conversion goes and the file refused before memory runs out.
  const inputSize = entries.filter((e) => isReadPart(e.name)).reduce((n, e) => n + e.uncompressedSize, 0);
  let grown = 0;
  const names = new RowNames([...workbook.matchAll(/<definedName\b[^>]*\bname="([^"]*)"/g)].map((m) => m[1]));
  const conversions = new Map<string, Conversion>();
  for (const sheet of sheets) {
    const xml = await text(zip, sheet.path);
    if (!xml || !/JY/i.test(xml)) continue;
    const cells = cellsOf(xml);
    if (cells.length > limits.maxCells) {
      const t = tooManyCells(sheet.name, limits.maxCells);
      throw new FileRefused(t.zh, t.en);
    }
    const byRef = new Map(cells.map((c) => [c.ref, c]));
    // Shared formulas: the master's text, by si, to read the dependents' formulas.
    const masters = new Map<string, { text: string; ref: string }>();
    for (const c of cells) {
      const f = formulaElement(c.xml);
      if (f && attr(f.tag, "t") === "shared" && f.text !== null) masters.set(attr(f.tag, "si") ?? "", { text: f.text, ref: c.ref });
    }
    // Spill / array ranges, to know each cell's column within a JY.FUNDING row.
    const replacements: Array<{ start: number; end: number; xml: string }> = [];
    for (const c of cells) {
      const f = formulaElement(c.xml);
      if (!f) continue;
      let formula = f.text;
      if (formula === null || formula === "") {
        const master = masters.get(attr(f.tag, "si") ?? "");
        if (!master) continue;
        const a = splitRef(master.ref);
        const b = splitRef(c.ref);
        formula = shiftFormula(master.text, b.row - a.row, b.col - a.col);
      }
      if (!callsJy(formula)) continue;
      const arrayRef = attr(f.tag, "t") === "array" ? attr(f.tag, "ref") : null;
      const spill = arrayRef ? /^([A-Z]+\d+)(?::([A-Z]+\d+))?$/.exec(arrayRef) : null;
      if (spill && spill[2] && splitRef(spill[1]).row !== splitRef(spill[2]).row && /FUNDING/i.test(formula)) {
        report.skipped.push({ sheet: sheet.name, cell: c.ref, formula, zh: "JY.FUNDING 的结果不是一行", en: "a JY.FUNDING result that is not one row" });
        continue;
      }
      // A spilled JY.FUNDING row: this cell gives the city; the next two cells town and park.
      const spillCells = spill && spill[2] && /FUNDING/i.test(formula) ? spillRow(spill[1], spill[2]) : [c.ref];
      const row = splitRef(c.ref).row;
      // Cells whose formulas differ only by their row (a register's column) convert once.
      const key = rowForm(formula, row, sheet.name, rowKeyArg);
      const cacheKey = key === null ? null : `${spillCells.length}\u0000${key}`;
      let conversion = cacheKey === null ? undefined : conversions.get(cacheKey);
      if (!conversion) {
        conversion = convertCell(formula, spillCells.length, row, sheet.name, names);
        // Inline formulas hold this row's references: they are this cell's alone.
        if (cacheKey !== null && !(conversion.kind === "native" && !conversion.named)) conversions.set(cacheKey, conversion);
      }
      if (conversion.kind === "unchanged") continue;
      if (conversion.kind === "skip") {
        report.skipped.push({ sheet: sheet.name, cell: c.ref, formula, zh: conversion.zh, en: conversion.en });
        continue;
      }
      const tag = openTag(c.xml);
      if (conversion.kind === "freeze") {
        const frozen = frozenCell(c.xml, tag);
        replacements.push({ start: c.start, end: c.end, xml: frozen });
        record.push({ sheet: sheet.name, cell: c.ref, kind: "frozen", formula, original: c.xml, portable: frozen });
        report.converted.push({ sheet: sheet.name, cell: c.ref, kind: "frozen", formula, portable: "" });
        continue;
      }
      const formulas = conversion.formulas;
      for (const [k, ref] of spillCells.entries()) {
        const target = ref === c.ref ? c : byRef.get(ref);
        // A spill that never happened (an error result fills the anchor only): nothing to convert.
        if (!target) continue;
        const value = valueOf(target.xml);
        let open = setAttr(setAttr(openTag(target.xml), "cm", null), "vm", null);
        const t = attr(open, "t");
        if (t && t !== "e" && t !== "n") open = setAttr(open, "t", null);
        const portable = `${open}<f t="array" ref="${ref}">${xmlEscape(formulas[k])}</f>${t === "e" || !t || t === "n" ? value : ""}</c>`;
        replacements.push({ start: target.start, end: target.end, xml: portable });
        const anchor = ref === c.ref;
        record.push({ sheet: sheet.name, cell: ref, kind: anchor ? "native" : "spill", formula: anchor ? formula : "", original: target.xml, portable });
        // What the output grows by: the cell in the sheet, and the least the record can take.
        grown += portable.length - target.xml.length + RECORD_CELL_BYTES;
        if (grown + inputSize > limits.maxBytes) throw outgrows(grown + inputSize, limits);
        report.converted.push({ sheet: sheet.name, cell: ref, kind: "native", formula, portable: formulas[k] });
      }
    }
    if (replacements.length === 0) continue;
    put(zip, sheet.path, splice(xml, replacements));
  }
  await convertCalculatedColumns(zip, sheets, record, report);
  if (record.length === 0) return { bytes: unchanged(bytes), report };
  const rowNames = names.definitions();
  if (rowNames.length > 0) report.rowNames = rowNames;
  for (const d of rowNames) record.push({ sheet: "", cell: d.name, kind: NAME_KIND, formula: "", original: "", portable: d.formula });

  // calcChain lists formula cells; a frozen cell has none, which Excel reports as damage.
  let calcChain: string | null = null;
  let contentTypes = (await text(zip, "[Content_Types].xml"))!;
  if (record.some((r) => r.kind === "frozen") && zip.file(CALCCHAIN_PATH)) {
    calcChain = await text(zip, CALCCHAIN_PATH);
    drop(zip, CALCCHAIN_PATH);
    const rel = [...rels.matchAll(/<Relationship\b[^>]*\/>/g)].find((m) => /calcChain/.test(m[0]));
    if (rel) rels = rels.replace(rel[0], "");
    contentTypes = contentTypes.replace(/<Override\b[^>]*PartName="\/xl\/calcChain\.xml"[^>]*\/>/, "");
  }

  // The record (very hidden) and the note (visible), appended after every sheet.
  const rows = recordSheetRows(record, calcChain);
  // Named sheetN.xml like every worksheet part (some readers, exceljs among them, look for that).
  let n = 1;
  while (zip.file(`xl/worksheets/sheet${n}.xml`)) n++;
  const NOTE_PATH = `xl/worksheets/sheet${n}.xml`;
  const RECORD_PATH = `xl/worksheets/sheet${n + 1}.xml`;
  put(zip, RECORD_PATH, sheetXmlOf(rows, true));
  put(zip, NOTE_PATH, sheetXmlOf(noteRows(report)));
  const maxId = Math.max(0, ...sheets.map((s) => Number(attr(s.element, "sheetId")) || 0));
  const ridBase = Math.max(0, ...[...rels.matchAll(/Id="rId(\d+)"/g)].map((m) => Number(m[1])));
  const added =
    `<sheet name="${NOTE_SHEET}" sheetId="${maxId + 1}" r:id="rId${ridBase + 1}"/>` +
    `<sheet name="${RECORD_SHEET}" sheetId="${maxId + 2}" state="veryHidden" r:id="rId${ridBase + 2}"/>`;
  workbook = workbook.replace("</sheets>", added + "</sheets>");
  rels = rels.replace(
    "</Relationships>",
    `<Relationship Id="rId${ridBase + 1}" Type="${SHEET_REL}" Target="${NOTE_PATH.slice(3)}"/>` +
      `<Relationship Id="rId${ridBase + 2}" Type="${SHEET_REL}" Target="${RECORD_PATH.slice(3)}"/></Relationships>`,
  );
  contentTypes = contentTypes.replace(
    "</Types>",
    `<Override PartName="/${NOTE_PATH}" ContentType="${SHEET_CT}"/><Override PartName="/${RECORD_PATH}" ContentType="${SHEET_CT}"/></Types>`,
  );
  const definitions = [...definedNames(), ...rowNames]
    .map((d) => `<definedName name="${d.name}" hidden="1">${xmlEscape(d.formula)}</definedName>`)
    .join("");
  if (/<definedNames\s*\/>/.test(workbook)) workbook = workbook.replace(/<definedNames\s*\/>/, `<definedNames>${definitions}</definedNames>`);
  else if (workbook.includes("</definedNames>")) workbook = workbook.replace("</definedNames>", definitions + "</definedNames>");
  else {
    const after = ["</externalReferences>", "</functionGroups>", "</sheets>"].find((t) => workbook.includes(t))!;
    workbook = workbook.replace(after, `${after}<definedNames>${definitions}</definedNames>`);
  }
  put(zip, workbookPath, workbook);
  put(zip, relsPath, rels);
  put(zip, "[Content_Types].xml", contentTypes);
  // The parts a reader inflates, as they now are: within the limits, so restore can read them back.
  const changed = changesOf(zip);
  const sizes = new Map(entries.filter((e) => isReadPart(e.name)).map((e) => [e.name, e.uncompressedSize]));
  for (const [path, data] of changed) if (isReadPart(path)) sizes.set(path, data ? data.length : 0);
  const size = [...sizes.values()].reduce((n, v) => n + v, 0);
  if (size > limits.maxBytes) throw outgrows(size, limits);
  return { bytes: await pack(zip, bytes, packer), report };
}

// ---------------------------------------------------------------------------------------------
// Tables' calculated columns

interface TablePart {
  path: string;
  xml: string;
  /** The name formulas use (displayName). */
  name: string;
  sheet: string;
}

/** Every table part, with the sheet that holds it (through the sheets' relationships). */
async function tableParts(zip: JSZip, sheets: SheetInfo[]): Promise<TablePart[]> {
  const out: TablePart[] = [];
  for (const sheet of sheets) {
    const slash = sheet.path.lastIndexOf("/");
    const rels = await text(zip, `${sheet.path.slice(0, slash)}/_rels/${sheet.path.slice(slash + 1)}.rels`);
    if (!rels) continue;
    for (const m of rels.matchAll(/<Relationship\b[^>]*\/?>/g)) {
      if (!/\/table"/.test(m[0])) continue;
      const target = attr(m[0], "Target") ?? "";
      const path = target.startsWith("/") ? target.slice(1) : resolveTarget(`${sheet.path.slice(3, slash)}/${target}`);
      const xml = await text(zip, path);
      const open = xml ? /<table\b[^>]*>/.exec(xml) : null;
      if (xml && open) out.push({ path, xml, name: attr(open[0], "displayName") ?? attr(open[0], "name") ?? "", sheet: sheet.name });
    }
  }
  return out;
}

/** Table columns with a calculated-column formula: the <tableColumn> element and the formula element in it. */
function calculatedColumns(tableXml: string): Array<{ column: string; formula: string; element: string; start: number; end: number }> {
  const out = [];
  for (const m of tableXml.matchAll(/(<tableColumn\b[^>]*[^/]>)([\s\S]*?)<\/tableColumn>/g)) {
    const f = /<calculatedColumnFormula\b[^>]*?(?:\/>|>([\s\S]*?)<\/calculatedColumnFormula>)/.exec(m[2]);
    if (!f) continue;
    const start = m.index! + m[1].length + f.index;
    out.push({ column: attr(m[1], "name") ?? "", formula: xmlUnescape(f[1] ?? ""), element: f[0], start, end: start + f[0].length });
  }
  return out;
}

/**
 * A table's calculated-column formula is what Excel puts in a row added to the table: a JY one
 * becomes native (a row added without the add-in computes), a JY.DETAIL / JY.CHECK one — whose
 * cells are frozen values — is taken away. The original element goes to the record.
 */
async function convertCalculatedColumns(zip: JSZip, sheets: SheetInfo[], record: RecordRow[], report: PortableReport): Promise<void> {
  for (const table of await tableParts(zip, sheets)) {
    if (!/JY/i.test(table.xml)) continue;
    const edits: Array<{ start: number; end: number; xml: string }> = [];
    for (const c of calculatedColumns(table.xml)) {
      if (!callsJy(c.formula)) continue;
      const cell = `${table.name}[${c.column}]`;
      let portable: string;
      let kind: "native" | "frozen";
      let native = "";
      try {
        // A whole JY.FUNDING cannot spill inside a table (#SPILL!): nothing native computes the same.
        const calls = findCalls(c.formula);
        if (calls.some((k) => k.fn === "FUNDING" && k.start === 0 && k.end === c.formula.trim().length)) {
          throw new NotPortable("表格计算列中的 JY.FUNDING 不能横向展开（#SPILL!）", "a JY.FUNDING calculated column cannot spill inside a table (#SPILL!)");
        }
        const conversion = convertFormula(c.formula, 1);
        if (conversion.kind === "unchanged") continue;
        if (conversion.kind === "freeze") {
          kind = "frozen";
          portable = "";
        } else {
          kind = "native";
          native = conversion.formulas[0];
          // Its cells hold single-cell array formulas; the column's formula says the same.
          const open = /^<calculatedColumnFormula\b[^>]*?(?=\/?>)/.exec(c.element)![0].replace(/\sarray="[^"]*"/, "");
          portable = `${open} array="1">${xmlEscape(native)}</calculatedColumnFormula>`;
        }
      } catch (e) {
        if (!(e instanceof NotPortable)) throw e;
        report.skipped.push({ sheet: table.sheet, cell, formula: c.formula, zh: e.zh, en: e.en });
        continue;
      }
      edits.push({ start: c.start, end: c.end, xml: portable });
      record.push({ sheet: table.sheet, cell, kind: CALCULATED_COLUMN, formula: c.formula, original: c.element, portable });
      (report.columns ??= []).push({ sheet: table.sheet, table: table.name, column: c.column, kind, formula: c.formula, portable: native });
    }
    if (edits.length > 0) put(zip, table.path, splice(table.xml, edits));
  }
}

/** Puts the recorded calculated-column formulas back (the part's other bytes untouched). */
async function restoreCalculatedColumns(zip: JSZip, sheets: SheetInfo[], rows: RecordRow[], report: RestoreReport): Promise<void> {
  if (rows.length === 0) return;
  const tables = await tableParts(zip, sheets);
  const edited = new Map<string, TablePart>();
  for (const r of rows) {
    const bracket = r.cell.indexOf("[");
    const [tableName, column] = [r.cell.slice(0, bracket), r.cell.slice(bracket + 1, -1)];
    const table = tables.find((t) => t.name === tableName);
    const part = table ? edited.get(table.path) ?? table : null;
    // The column, with or without a formula element now (a host may have rewritten or dropped it).
    const m = part ? [...part.xml.matchAll(/(<tableColumn\b[^>]*?)(\/?)>/g)].find((x) => attr(x[1], "name") === column) : undefined;
    if (!part || !m) {
      report.missing.push({ sheet: r.sheet, cell: r.cell });
      continue;
    }
    const at = m.index! + m[0].length;
    let xml: string;
    if (m[2] === "/") xml = `${part.xml.slice(0, m.index!)}${m[1]}>${r.original}</tableColumn>${part.xml.slice(at)}`;
    else {
      // calculatedColumnFormula is a tableColumn's first child: replace it, or put it back there.
      const now = /^<calculatedColumnFormula\b[^>]*?(?:\/>|>[\s\S]*?<\/calculatedColumnFormula>)/.exec(part.xml.slice(at))?.[0] ?? "";
      if (now !== r.portable) report.edited.push({ sheet: r.sheet, cell: r.cell });
      xml = part.xml.slice(0, at) + r.original + part.xml.slice(at + now.length);
    }
    edited.set(part.path, { ...part, xml });
    report.restored.push({ sheet: r.sheet, cell: r.cell });
  }
  for (const part of edited.values()) put(zip, part.path, part.xml);
}

/** The text with non-overlapping ranges replaced, in one pass (a sheet may hold thousands). */
function splice(xml: string, edits: Array<{ start: number; end: number; xml: string }>): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  const out: string[] = [];
  let at = 0;
  for (const e of sorted) {
    if (e.start < at) continue;
    out.push(xml.slice(at, e.start), e.xml);
    at = e.end;
  }
  out.push(xml.slice(at));
  return out.join("");
}

function valueOf(cellXml: string): string {
  return /<v>[\s\S]*?<\/v>/.exec(cellXml)?.[0] ?? "";
}

/** A JY.DETAIL / JY.CHECK cell as a plain value (text as an inline string). */
function frozenCell(cellXml: string, tag: string): string {
  const t = attr(tag, "t");
  let open = setAttr(setAttr(tag, "cm", null), "vm", null);
  const v = /<v>([\s\S]*?)<\/v>/.exec(cellXml);
  if (t === "str") {
    open = setAttr(open, "t", "inlineStr");
    return `${open}<is><t xml:space="preserve">${v ? v[1] : ""}</t></is></c>`;
  }
  return `${open}${v ? v[0] : ""}</c>`;
}

function spillRow(first: string, last: string): string[] {
  const a = splitRef(first);
  const b = splitRef(last);
  const out: string[] = [];
  for (let c = a.col; c <= b.col; c++) out.push(`${colLetters(c)}${a.row}`);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Restore

export interface RestoreReport {
  restored: Array<{ sheet: string; cell: string }>;
  /** Calculated columns whose portable formula was changed since: restored anyway, listed here. */
  edited: Array<{ sheet: string; cell: string }>;
  /** Record rows whose sheet or cell no longer exists (also listed in `refused`). */
  missing: Array<{ sheet: string; cell: string }>;
  /** Cells found moved (rows or columns inserted or deleted since): restored where they are now. */
  moved: Array<{ sheet: string; cell: string; now: string }>;
  /** Entries not restored, with why: they stay in the record, so a later restore can finish. */
  refused: RestoreProblem[];
  /** Damage in the record itself: nothing is restored and no output is written. */
  damaged: RestoreProblem[];
  wasPortable: boolean;
}

/** Reads a sheet's formulas as they read in each cell (shared formulas' dependents spelled out). */
function formulasOf(cells: CellXml[]): Map<string, string> {
  const masters = new Map<string, { text: string; ref: string }>();
  const out = new Map<string, string>();
  for (const c of cells) {
    const f = formulaElement(c.xml);
    if (f && attr(f.tag, "t") === "shared" && f.text) masters.set(attr(f.tag, "si") ?? "", { text: f.text, ref: c.ref });
  }
  for (const c of cells) {
    const f = formulaElement(c.xml);
    if (!f) continue;
    if (f.text) out.set(c.ref, f.text);
    else {
      const m = masters.get(attr(f.tag, "si") ?? "");
      if (!m) continue;
      const a = splitRef(m.ref);
      const b = splitRef(c.ref);
      out.set(c.ref, shiftFormula(m.text, b.row - a.row, b.col - a.col));
    }
  }
  return out;
}

/** A cell's value as text (shared and inline strings read), to compare a frozen cell with its record. */
function cellValue(cellXml: string, shared: string[]): string {
  const t = attr(openTag(cellXml), "t");
  if (t === "s") {
    const v = /<v>([^<]*)<\/v>/.exec(cellXml);
    return v ? shared[Number(v[1])] ?? "" : "";
  }
  if (t === "inlineStr") return [...cellXml.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)].map((m) => xmlUnescape(m[1])).join("");
  const v = /<v>([\s\S]*?)<\/v>/.exec(cellXml);
  if (!v) return "";
  const text = xmlUnescape(v[1]);
  return t === "str" || t === "e" || t === "b" || Number.isNaN(Number(text)) ? text : String(Number(text));
}

/**
 * Brings back every original formula and removes everything make-portable added — after checking
 * the record and each cell it names (verify.ts). A damaged record restores nothing (`damaged`, no
 * bytes); cells edited since or not found are left as they are and listed (`refused`), and the
 * record, the note and the names stay with their rows, so a later restore can finish.
 */
export async function restore(
  bytes: Uint8Array | ArrayBuffer,
  JSZipImpl: typeof JSZip,
  limits: ZipLimits = DEFAULT_LIMITS,
  packer?: Packer,
): Promise<{ bytes: Uint8Array; report: RestoreReport }> {
  const { zip } = await openGuarded(bytes, JSZipImpl, limits);
  const workbookPath = "xl/workbook.xml";
  const relsPath = "xl/_rels/workbook.xml.rels";
  let workbook = await text(zip, workbookPath);
  let rels = await text(zip, relsPath);
  if (!workbook || !rels) throw new Error("not an .xlsx workbook (xl/workbook.xml missing)");
  let contentTypes = (await text(zip, "[Content_Types].xml")) ?? "";
  const sheets = sheetsOf(workbook, rels);
  const report: RestoreReport = { restored: [], edited: [], missing: [], moved: [], refused: [], damaged: [], wasPortable: false };
  const recordSheet = sheets.find((s) => s.name === RECORD_SHEET);
  // Not portable: learnt from workbook.xml alone, before anything else is inflated.
  if (!recordSheet) return { bytes: unchanged(bytes), report };
  report.wasPortable = true;
  const shared = sharedStrings(await text(zip, "xl/sharedStrings.xml"));
  const recordXml = (await text(zip, recordSheet.path)) ?? "";
  const texts = readTexts(recordXml, shared);
  const lastRow = Math.max(0, ...[...texts.keys()].map((ref) => (/^[A-Z]+\d+$/.test(ref) ? splitRef(ref).row : 0)));
  let parsed;
  try {
    parsed = parseRecord((ref) => {
      const v = texts.get(ref);
      return v === "" ? undefined : v;
    }, lastRow);
  } catch {
    report.damaged.push({ sheet: RECORD_SHEET, cell: "A1", zh: `记录损坏：${RECORD_SHEET} 不是本版本能读取的记录`, en: `damaged record: ${RECORD_SHEET} is not a record this version can read` });
    return { bytes: unchanged(bytes), report };
  }
  report.damaged = checkRecord(parsed);
  if (report.damaged.length > 0) return { bytes: unchanged(bytes), report };
  const { calcChain } = parsed;
  const nameRows = parsed.rows.filter((r) => r.kind === NAME_KIND);
  const rows = parsed.rows.filter((r) => r.kind !== NAME_KIND);
  const hasMetadata = !!zip.file("xl/metadata.xml");
  const left: RecordRow[] = [];
  await restoreCalculatedColumns(zip, sheets, rows.filter((r) => r.kind === CALCULATED_COLUMN), report);
  const bySheet = new Map<string, RecordRow[]>();
  for (const row of rows) {
    if (row.kind === CALCULATED_COLUMN) continue;
    const list = bySheet.get(row.sheet);
    if (list) list.push(row);
    else bySheet.set(row.sheet, [row]);
  }
  for (const [name, list] of bySheet) {
    const sheet = sheets.find((s) => s.name === name);
    const xml = sheet ? await text(zip, sheet.path) : null;
    if (!sheet || !xml) {
      for (const r of list) {
        report.missing.push({ sheet: r.sheet, cell: r.cell });
        report.refused.push(notAsConverted(r.sheet, r.cell, "missing"));
        left.push(r);
      }
      continue;
    }
    const cellList = cellsOf(xml);
    if (cellList.length > limits.maxCells) {
      const t = tooManyCells(name, limits.maxCells);
      throw new FileRefused(t.zh, t.en);
    }
    const cells = new Map(cellList.map((c) => [c.ref, c]));
    const wanted: Wanted[] = list.map((r) => {
      const p = splitRef(r.cell);
      return { row: p.row, col: p.col, formula: formulaElement(r.portable)?.text ?? null };
    });
    const shifts = locate(wanted, formulasOf(cellList), (_, ref, i) => {
      const now = cells.get(ref);
      const r = list[i];
      return cellValue(now ? now.xml : `<c r="${ref}"/>`, shared) === cellValue(r.portable, []);
    });
    const edits: Array<{ start: number; end: number; xml: string }> = [];
    list.forEach((r, i) => {
      const s = shifts[i];
      const ref = s ? colLetters(wanted[i].col + s.dc) + (wanted[i].row + s.dr) : r.cell;
      const current = s ? cells.get(ref) : undefined;
      if (!s || (!current && wanted[i].formula !== null)) {
        const gone = !s && wanted[i].formula !== null && !cells.has(r.cell);
        if (gone) report.missing.push({ sheet: r.sheet, cell: r.cell });
        report.refused.push(notAsConverted(r.sheet, r.cell, gone ? "missing" : "edited"));
        left.push(r);
        return;
      }
      const moved = s.dr !== 0 || s.dc !== 0;
      const row: RecordRow = moved ? { ...r, cell: ref, formula: r.formula && shiftFormula(r.formula, s.dr, s.dc), original: shiftCellXml(r.original, s.dr, s.dc, xmlEscape), portable: shiftCellXml(r.portable, s.dr, s.dc, xmlEscape) } : r;
      if (moved) report.moved.push({ sheet: r.sheet, cell: r.cell, now: ref });
      if (!current) {
        // A frozen value that was blank (an empty spilled cell) and is still blank: nothing to put back
        // unless the original held more.
        if (/<f\b|<v>|<is>/.test(row.original)) left.push(r);
        else report.restored.push({ sheet: r.sheet, cell: ref });
        return;
      }
      const back = current.xml === row.portable ? row.original : reopened(row, current.xml, hasMetadata);
      edits.push({ start: current.start, end: current.end, xml: back });
      report.restored.push({ sheet: r.sheet, cell: ref });
    });
    if (edits.length > 0) put(zip, sheet.path, splice(xml, edits));
  }

  if (left.length > 0) {
    // Not finished: the record keeps the rows still to restore (the note and names stay too).
    put(zip, recordSheet.path, sheetXmlOf(recordSheetRows([...left, ...nameRows], calcChain === "" ? null : calcChain), true));
    return { bytes: await pack(zip, bytes, packer), report };
  }

  // Take away the record, the note and the names.
  for (const name of [RECORD_SHEET, NOTE_SHEET]) {
    const s = sheets.find((x) => x.name === name);
    if (!s) continue;
    workbook = workbook.replace(s.element, "");
    const rel: RegExpMatchArray | undefined = [...rels.matchAll(/<Relationship\b[^>]*\/>/g)].find((m) => attr(m[0], "Id") === s.rid);
    if (rel) rels = rels.replace(rel[0], "");
    drop(zip, s.path);
    contentTypes = contentTypes.replace(new RegExp(`<Override\\b[^>]*PartName="/${s.path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*/>`), "");
  }
  const recorded = new Set(nameRows.map((r) => r.cell));
  workbook = workbook.replace(/<definedName\b[^>]*name="(_JY_[A-Z0-9]+)"[^>]*>[\s\S]*?<\/definedName>/g, (m, n: string) => (DEFINED_NAME_SET.has(n) || recorded.has(n) ? "" : m));
  workbook = workbook.replace(/<definedNames><\/definedNames>/, "");
  // Sheet-local names a host may have added for the removed sheets would now point nowhere.
  if (calcChain && !zip.file(CALCCHAIN_PATH)) {
    put(zip, CALCCHAIN_PATH, calcChain);
    const id = Math.max(0, ...[...rels.matchAll(/Id="rId(\d+)"/g)].map((m) => Number(m[1]))) + 1;
    rels = rels.replace(
      "</Relationships>",
      `<Relationship Id="rId${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>`,
    );
    contentTypes = contentTypes.replace(
      "</Types>",
      `<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>`,
    );
  }
  put(zip, workbookPath, workbook);
  put(zip, relsPath, rels);
  put(zip, "[Content_Types].xml", contentTypes);
  return { bytes: await pack(zip, bytes, packer), report };
}

/**
 * The original cell back in a workbook another host saved since (styles renumbered, shared
 * formulas rewritten): the original formula as a plain formula in the cell as it is now.
 */
function reopened(r: RecordRow, currentXml: string, hasMetadata: boolean): string {
  const original = formulaElement(r.original);
  const open = openTag(currentXml);
  const style = attr(open, "s");
  let tag = openTag(r.original);
  tag = setAttr(tag, "s", style);
  if (!hasMetadata) tag = setAttr(tag, "cm", null);
  if (!original) return r.original.replace(/^<c\b[^>]*?(\/?)>/, (m) => (m.endsWith("/>") ? tag.replace(/>$/, "/>") : tag));
  // A shared formula's dependents carry no text: write the formula as it reads in this cell.
  let f: string;
  if (attr(original.tag, "t") === "shared") f = `<f>${xmlEscape(r.formula)}</f>`;
  else f = original.whole;
  const value = /<v>[\s\S]*?<\/v>/.exec(r.original)?.[0] ?? "";
  return `${tag}${f}${value}</c>`;
}

/** A cell's cached value as a workbook file holds it. */
export type CachedValue = number | string | boolean | { error: string } | null;

/** The cached values of one sheet's cells (what the last host to calculate it saved). */
export async function cachedValues(bytes: Uint8Array | ArrayBuffer, sheetName: string, JSZipImpl: typeof JSZip, limits: ZipLimits = DEFAULT_LIMITS): Promise<Map<string, CachedValue>> {
  const { zip } = await openGuarded(bytes, JSZipImpl, limits);
  const sheets = sheetsOf((await text(zip, "xl/workbook.xml")) ?? "", (await text(zip, "xl/_rels/workbook.xml.rels")) ?? "");
  const sheet = sheets.find((s) => s.name === sheetName);
  if (!sheet) throw new Error(`no sheet named ${sheetName}`);
  const shared = sharedStrings(await text(zip, "xl/sharedStrings.xml"));
  const texts = readTexts((await text(zip, sheet.path)) ?? "", shared);
  const out = new Map<string, CachedValue>();
  for (const c of cellsOf((await text(zip, sheet.path)) ?? "")) {
    const t = attr(openTag(c.xml), "t");
    const v = /<v>([\s\S]*?)<\/v>/.exec(c.xml)?.[1];
    if (t === "s" || t === "inlineStr" || t === "str") out.set(c.ref, texts.get(c.ref) ?? "");
    else if (v === undefined) out.set(c.ref, null);
    else if (t === "e") out.set(c.ref, { error: xmlUnescape(v) });
    else if (t === "b") out.set(c.ref, v === "1");
    else out.set(c.ref, Number(v));
  }
  return out;
}
