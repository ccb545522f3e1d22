/**
 * The values of an .xlsx / .xlsm package, read straight from its parts: workbook (sheet names,
 * hidden state), shared strings, each sheet's cells (value, formula, array range) and merges.
 * Reading values needs far less than a workbook model: no styles, themes, drawings or tables are
 * parsed, and a cell is one regular-expression match. Anything this reader does not expect (a
 * strict-OOXML namespace prefix, no sheetData, an unknown cell type) makes it give up, and the
 * caller reads the file with SheetJS instead, so nothing is guessed.
 */
import type JSZip from "jszip";
import type { MergedArea } from "../../engine/register";
import { columnIndex } from "../../engine/register/address";
import { shiftFormula } from "../../portable/formula";
import { DEFAULT_LIMITS, FileRefused, tooManyCells, type ZipLimits } from "../../portable/zip-guard";
import { partText } from "../../portable/zip-read";
import type { FileSheet } from "./read";

type Zip = InstanceType<typeof JSZip>;

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#(\d+)|(lt|gt|amp|quot|apos));/g;
const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** XML text → string: entities, then OOXML's _xHHHH_ escapes (a line break as _x000A_). */
export function xmlText(raw: string): string {
  const text = raw.indexOf("&") < 0 ? raw : raw.replace(ENTITY, (_, hex, dec, name) => (name ? NAMED[name] : String.fromCodePoint(parseInt(hex ?? dec, hex ? 16 : 10))));
  return text.indexOf("_x") < 0 ? text : text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h) => String.fromCharCode(parseInt(h, 16)));
}

const attr = (tag: string, name: string): string | null => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? xmlText(m[1]) : null;
};

/** A shared string or an inline string: its runs' texts, phonetic guides (<rPh>) left out. */
function richText(xml: string): string {
  const plain = xml.indexOf("<rPh") < 0 ? xml : xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "");
  let out = "";
  for (const m of plain.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t\s*\/>/g)) out += m[1] === undefined ? "" : xmlText(m[1]);
  return out;
}

class Unexpected extends Error {}

function partPath(target: string): string {
  const t = target.replace(/^\//, "");
  return t.startsWith("xl/") ? t : `xl/${t.replace(/^\.\//, "")}`;
}

const A1 = /^([A-Z]{1,3})(\d+)$/;
/** How many cells the area from (r1, c1) to (r2, c2) covers: none when it is reversed or unreadable. */
export function areaOf(r1: number, c1: number, r2: number, c2: number): number {
  const rows = r2 - r1 + 1;
  const cols = c2 - c1 + 1;
  return rows > 0 && cols > 0 ? rows * cols : 0;
}

function cellAt(ref: string): { r: number; c: number } {
  const m = A1.exec(ref);
  if (!m) throw new Unexpected(ref);
  return { r: Number(m[2]) - 1, c: columnIndex(m[1]) };
}

/** Excel serial of an ISO date (t="d" cells). */
function isoSerial(iso: string): number {
  const ms = Date.parse(iso.length <= 10 ? `${iso}T00:00:00Z` : iso.endsWith("Z") ? iso : `${iso}Z`);
  if (Number.isNaN(ms)) throw new Unexpected(iso);
  return ms / 86_400_000 + 25569;
}

const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
const ROW = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;

function readSheet(xml: string, strings: string[], name: string, state: FileSheet["state"], maxCells: number): FileSheet {
  const start = xml.indexOf("<sheetData");
  if (start < 0) throw new Unexpected("no sheetData");
  const end = xml.indexOf("</sheetData>", start);
  const data = end < 0 ? "" : xml.slice(start, end);
  const values: unknown[][] = [];
  const formulas = new Map<string, string>();
  const arrayCovered = new Set<string>();
  const shared = new Map<string, { formula: string; r: number; c: number }>();
  let rowIndex = -1;
  // Only the cells the file holds are visited (a lone cell at XFD1048576 is one cell), and no
  // more of them than the limit.
  let count = 0;
  let listed = 0;
  for (const row of data.matchAll(ROW)) {
    const rAttr = attr(row[1], "r");
    rowIndex = rAttr ? Number(rAttr) - 1 : rowIndex + 1;
    const body = row[2];
    if (!body) continue;
    let col = -1;
    const out: unknown[] = [];
    let any = false;
    for (const cell of body.matchAll(CELL)) {
      if (++count > maxCells) {
        const t = tooManyCells(name, maxCells);
        throw new FileRefused(t.zh, t.en);
      }
      const tag = cell[1];
      const ref = attr(tag, "r");
      if (ref) {
        const at = cellAt(ref);
        if (at.r !== rowIndex) throw new Unexpected(ref);
        col = at.c;
      } else col++;
      const inner = cell[2] ?? "";
      const type = attr(tag, "t") ?? "n";
      // The formula: its text, or a shared formula's master text moved to this cell.
      const f = /<f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/f>)/.exec(inner);
      if (f) {
        const fAttrs = f[1];
        const text = f[2] === undefined ? "" : xmlText(f[2]);
        const kind = attr(fAttrs, "t");
        const si = attr(fAttrs, "si");
        let formula = text;
        if (kind === "shared" && si !== null) {
          const master = shared.get(si);
          if (text !== "") shared.set(si, { formula: text, r: rowIndex, c: col });
          else if (master) formula = shiftFormula(master.formula, rowIndex - master.r, col - master.c);
          else throw new Unexpected(`shared formula ${si} before its master`);
        }
        if (formula !== "") formulas.set(`${rowIndex},${col}`, formula);
        const range = kind === "array" ? attr(fAttrs, "ref") : null;
        if (range && range.includes(":")) {
          const [a, b] = range.split(":").map(cellAt);
          // Every cell the area covers is listed: one as large as the sheet would be billions.
          listed += areaOf(a.r, a.c, b.r, b.c);
          if (!(listed <= maxCells)) {
            const t = tooManyCells(name, maxCells);
            throw new FileRefused(t.zh, t.en);
          }
          for (let r = a.r; r <= b.r; r++) for (let c = a.c; c <= b.c; c++) if (r !== rowIndex || c !== col) arrayCovered.add(`${r},${c}`);
        }
      }
      let value: unknown = null;
      if (type === "inlineStr") {
        const is = /<is>([\s\S]*?)<\/is>/.exec(inner);
        value = is ? richText(is[1]) : null;
      } else {
        const v = /<v>([\s\S]*?)<\/v>|<v\s*\/>/.exec(inner);
        const raw = v && v[1] !== undefined ? v[1] : null;
        if (raw !== null) {
          switch (type) {
            case "s": {
              const s = strings[Number(raw)];
              if (s === undefined) throw new Unexpected(`shared string ${raw}`);
              value = s;
              break;
            }
            case "str":
              value = xmlText(raw);
              break;
            case "b":
              value = raw === "1" || raw === "true";
              break;
            case "e":
              value = { code: xmlText(raw) };
              break;
            case "d":
              value = isoSerial(raw);
              break;
            case "n": {
              const n = Number(raw);
              if (raw.trim() === "" || !Number.isFinite(n)) throw new Unexpected(raw);
              value = n;
              break;
            }
            default:
              throw new Unexpected(`cell type ${type}`);
          }
        }
      }
      if (value !== null && value !== "") {
        out[col] = value;
        any = true;
      }
    }
    if (any) values[rowIndex] = out;
  }
  const merges: MergedArea[] = [];
  for (const m of xml.slice(end < 0 ? start : end).matchAll(/<mergeCell\b[^>]*\sref="([A-Z]+\d+):([A-Z]+\d+)"/g)) {
    const a = cellAt(m[1]);
    const b = cellAt(m[2]);
    merges.push({ top: a.r, left: a.c, bottom: b.r, right: b.c });
  }
  return { name, state, values, formulas, arrayCovered, merges };
}

/**
 * The sheets of an OOXML package opened by openGuarded (each part inflated within its declared
 * size, at most `limits.maxCells` cells a sheet: a FileRefused past either); null when it holds
 * something this reader does not expect.
 */
export async function readOoxmlSheets(zip: Zip, limits: ZipLimits = DEFAULT_LIMITS): Promise<FileSheet[] | null> {
  try {
    const text = (p: string) => partText(zip, p);
    const workbook = await text("xl/workbook.xml");
    const rels = await text("xl/_rels/workbook.xml.rels");
    if (!workbook || !rels || /<\w+:(?:workbook|sheet)\b/.test(workbook)) return null;
    const targets = new Map<string, { type: string; target: string }>();
    for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
      const id = attr(m[0], "Id");
      const target = attr(m[0], "Target");
      const type = attr(m[0], "Type") ?? "";
      if (id && target) targets.set(id, { type, target });
    }
    const sstTarget = [...targets.values()].find((t) => t.type.endsWith("/sharedStrings"));
    const sstXml = sstTarget ? await text(partPath(sstTarget.target)) : null;
    const strings = sstXml ? [...sstXml.matchAll(/<si>([\s\S]*?)<\/si>|<si\s*\/>/g)].map((m) => (m[1] === undefined ? "" : richText(m[1]))) : [];
    const sheets: FileSheet[] = [];
    for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
      const name = attr(m[0], "name");
      const rid = /\sr:id="([^"]*)"/.exec(m[0])?.[1];
      const target = rid ? targets.get(rid) : undefined;
      if (!name || !target) return null;
      if (!target.type.endsWith("/worksheet")) continue; // chart sheets, dialog sheets: no cells
      const xml = await text(partPath(target.target));
      if (xml === null || /<\w+:(?:worksheet|sheetData|c)\b/.test(xml.slice(0, 2000))) return null;
      const hidden = attr(m[0], "state");
      sheets.push(readSheet(xml, strings, name, hidden === "veryHidden" ? "veryHidden" : hidden === "hidden" ? "hidden" : "visible", limits.maxCells));
    }
    return sheets.length > 0 ? sheets : null;
  } catch (e) {
    if (e instanceof Unexpected) return null;
    throw e;
  }
}
