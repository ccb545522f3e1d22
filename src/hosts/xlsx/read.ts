/**
 * One reader for the spreadsheet files the towns send: .xlsx, .xlsm, .xls (BIFF8, older Excel and
 * WPS), .ods, through SheetJS Community Edition (@e965/xlsx, maintained; exceljs is not and crashes
 * on a table's calculated column). It reads values and formulas only, never a full workbook model,
 * and visits the cells that exist: a stray cell at XFD1048576 costs one cell, not a sheet's
 * bounding box. Used by `jyreward audit` and the playground's 打开 (loaded there with import()).
 *
 * A file it cannot read gives a SpreadsheetReadError: a sentence in Chinese and English naming the
 * file and what to do (encrypted, .et, not a spreadsheet, damaged), never a library's message.
 */
import * as XLSX from "@e965/xlsx";
import JSZip from "jszip";
import type { MergedArea } from "../../engine/register";
import { countOdsCells, withoutArrayAreas, type OdsCellCount } from "./ods";
import { areaOf, readOoxmlSheets } from "./ooxml";
import { DEFAULT_LIMITS, FileRefused, tooManyCells, tooManyCellsTogether, type ZipLimits } from "../../portable/zip-guard";
import { openGuarded, partBytes } from "../../portable/zip-read";

export interface FileSheet {
  name: string;
  /** visible, hidden, or very hidden (Excel's veryHidden: the portable record sheet). */
  state: "visible" | "hidden" | "veryHidden";
  /**
   * Values by 0-based row and column, sparse (rows and cells that do not exist are holes): numbers
   * (dates as Excel serials), text, logicals, errors as { code: "#N/A" }; a formula gives its
   * cached value.
   */
  values: unknown[][];
  /** Formulas as the file stores them (no leading "="), by "row,col". */
  formulas: Map<string, string>;
  /** Cells an array (or spilled) formula covers besides its own: "row,col". */
  arrayCovered: Set<string>;
  merges: MergedArea[];
}

export interface SpreadsheetFile {
  sheets: FileSheet[];
}

export type ReadProblem = "empty" | "encrypted" | "et" | "not-spreadsheet" | "damaged" | "over-limit";

/** A file that cannot be read, said in words a finance officer can act on. */
export class SpreadsheetReadError extends Error {
  constructor(
    readonly problem: ReadProblem,
    readonly zh: string,
    readonly en: string,
  ) {
    super(zh);
    this.name = "SpreadsheetReadError";
  }
}

const baseName = (file: string) => file.split(/[\\/]/).pop() ?? file;

/** A file refused by the limits (zip-guard.ts), naming the file and the limit. */
function overLimit(file: string, why: { zh: string; en: string }): SpreadsheetReadError {
  const f = baseName(file);
  return new SpreadsheetReadError("over-limit", `无法读取 ${f}：${why.zh}`, `cannot read ${f}: ${why.en}`);
}

function problem(kind: Exclude<ReadProblem, "over-limit">, file: string): SpreadsheetReadError {
  const f = baseName(file);
  switch (kind) {
    case "empty":
      return new SpreadsheetReadError(kind, `无法读取 ${f}：文件是空的（0 字节），请重新导出或重新发送`, `cannot read ${f}: the file is empty (0 bytes); export or send it again`);
    case "encrypted":
      return new SpreadsheetReadError(kind, `无法读取 ${f}：文件已加密，请先取消密码（Excel：文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码）后再试`, `cannot read ${f}: the file is password-protected; remove the password (Excel: File → Info → Protect Workbook → Encrypt with Password, clear it) and try again`);
    case "et":
      return new SpreadsheetReadError(kind, `无法读取 ${f}：这是 WPS 的 .et 文件，请在 WPS 中另存为 .xlsx 后再试`, `cannot read ${f}: this is a WPS .et file; save it as .xlsx in WPS and try again`);
    case "not-spreadsheet":
      return new SpreadsheetReadError(kind, `无法读取 ${f}：不是电子表格文件（应为 .xlsx、.xlsm、.xls 或 .ods），请用 Excel 或 WPS 打开并另存为 .xlsx`, `cannot read ${f}: not a spreadsheet file (expected .xlsx, .xlsm, .xls or .ods); open it in Excel or WPS and save it as .xlsx`);
    case "damaged":
      return new SpreadsheetReadError(kind, `无法读取 ${f}：文件已损坏或不完整，请用 Excel 或 WPS 打开并另存为 .xlsx，或请报送单位重新发送`, `cannot read ${f}: the file is damaged or incomplete; open it in Excel or WPS and save it as .xlsx, or ask the sender for it again`);
  }
}

const ZIP = [0x50, 0x4b];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const starts = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);
const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, Math.min(to, b.length)));

/** An encrypted OOXML file is a compound file holding EncryptionInfo and EncryptedPackage streams. */
function looksEncrypted(b: Uint8Array): boolean {
  const probe = b.subarray(0, Math.min(b.length, 1 << 16));
  let text = "";
  for (let i = 0; i < probe.length; i++) if (probe[i] !== 0) text += String.fromCharCode(probe[i]);
  return /EncryptionInfo|EncryptedPackage/.test(text);
}

/** BIFF error codes, as SheetJS gives them, to the text a cell shows. */
const ERROR_CODES: Record<number, string> = { 0x00: "#NULL!", 0x07: "#DIV/0!", 0x0f: "#VALUE!", 0x17: "#REF!", 0x1d: "#NAME?", 0x24: "#NUM!", 0x2a: "#N/A", 0x2b: "#GETTING_DATA" };

function cellValue(cell: XLSX.CellObject): unknown {
  switch (cell.t) {
    case "n":
    case "s":
    case "b":
      return cell.v ?? null;
    case "e": {
      // SheetJS keeps an error as its BIFF code; a formula saved without a value has none.
      const code = typeof cell.v === "number" ? ERROR_CODES[cell.v] : undefined;
      return code ? { code } : null;
    }
    case "d":
      // Dates come as serials (cellDates off); a date-typed cell of an .ods is turned back into one.
      return cell.v instanceof Date ? (cell.v.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000 : (cell.v ?? null);
    default:
      return null;
  }
}

/** SheetJS tells the console about ODS number formats it approximates; the values are unaffected. */
function quietly<T>(read: () => T): T {
  const error = console.error;
  console.error = (...args: unknown[]) => {
    if (!/^ODS number format/.test(String(args[0]))) error(...args);
  };
  try {
    return read();
  } finally {
    console.error = error;
  }
}

/**
 * Reads a spreadsheet file's bytes; `file` is its name, for messages and the .et check. An .xlsx /
 * .xlsm package is read part by part (ooxml.ts: values only, about three times faster); anything
 * that reader does not expect, and every .xls / .ods, goes through SheetJS.
 */
export async function readSpreadsheet(bytes: Uint8Array, file: string, limits: ZipLimits = DEFAULT_LIMITS): Promise<SpreadsheetFile> {
  try {
    if (starts(bytes, ZIP)) {
      let zip: InstanceType<typeof JSZip> | null = null;
      try {
        // Bombs and oversized parts are refused from the zip's directory, before anything is inflated.
        zip = (await openGuarded(bytes, JSZip, limits)).zip;
      } catch (e) {
        if (e instanceof FileRefused && !e.notZip) throw e;
        zip = null; // SheetJS says what is wrong with it
      }
      if (zip?.file("xl/workbook.xml")) {
        const sheets = await readOoxmlSheets(zip, limits);
        if (sheets) return { sheets };
      }
      // SheetJS inflates every part of a container: all of them must pass the limits, each
      // within its declared size, before it is given the file.
      if (zip) {
        const all = await openGuarded(bytes, JSZip, limits, () => true);
        // A part listed twice is read by JSZip in one version and by SheetJS in the other.
        if (Object.keys(all.zip.files).length !== all.entries.length) throw problem("damaged", file);
        const bodies: Array<{ name: string; text: string; count: OdsCount }> = [];
        for (const name of Object.keys(all.zip.files)) {
          if (name.endsWith("/")) continue;
          const part = await partBytes(all.zip, name);
          // SheetJS expands an OpenDocument sheet's repeated cells as it reads: they are counted first.
          if (part && ODS_CONTENT.test(name)) bodies.push({ name, ...odsWithinLimits(part, file, limits) });
        }
        if (bodies.some((b) => b.count.areaTags.length > 0)) return await withArrayAreas(all.zip, bodies, file, limits);
      }
    }
    return readWithSheetJs(bytes, file, limits);
  } catch (e) {
    if (e instanceof FileRefused) throw overLimit(file, e);
    throw e;
  }
}

/**
 * How SheetJS is asked to read: values and formulas, rows as arrays (dense), and cells without a
 * value kept (sheetStubs: a formula saved without its result is still a formula). ods.ts counts
 * what SheetJS builds under exactly these options.
 */
export const SHEETJS_OPTIONS: XLSX.ParsingOptions = { type: "array", dense: true, cellFormula: true, cellDates: false, cellNF: false, cellHTML: false, cellText: false, cellStyles: false, bookVBA: false, sheetStubs: true, WTF: false };

/** The part SheetJS reads as an OpenDocument body: content.xml, matched as it matches it (any case, any folder). */
const ODS_CONTENT = /(^|[\\/])content\.xml$/i;
/** The one SheetJS reads its sheets from (an embedded chart's content.xml is in a folder of its own). */
const ODS_BODY = /^(\/|Root Entry\/)?content\.xml$/i;

type OdsCount = Extract<OdsCellCount, { ok: true }>;

/**
 * An OpenDocument body's text and count; refused (thrown) when its repeated cells would build more
 * than the limit in a sheet (or in all its sheets together) or its repeats are damaged, before
 * SheetJS expands them (ods.ts counts them from the text).
 */
function odsWithinLimits(part: Uint8Array, file: string, limits: ZipLimits): { text: string; count: OdsCount } {
  let text: string;
  try {
    // Invalid UTF-8 could be decoded into other tags by SheetJS's own decoder than by this one.
    text = new TextDecoder("utf-8", { fatal: true }).decode(part);
  } catch {
    throw problem("damaged", file);
  }
  const count = countOdsCells(text, limits.maxCells);
  if (count.ok) return { text, count };
  if (count.problem === "damaged") throw problem("damaged", file);
  throw overLimit(file, count.sheet === null ? tooManyCellsTogether(limits.maxCells) : tooManyCells(count.sheet, limits.maxCells));
}

/**
 * An .ods with array formulas: SheetJS is given its body without their areas (ods.ts:
 * withoutArrayAreas, else its reader slows with their square) and the cells each area covers are
 * listed here from the count, as readWithSheetJs lists them from SheetJS's.
 */
async function withArrayAreas(zip: InstanceType<typeof JSZip>, bodies: Array<{ name: string; text: string; count: OdsCount }>, file: string, limits: ZipLimits): Promise<SpreadsheetFile> {
  for (const b of bodies) {
    zip.file(b.name, withoutArrayAreas(b.text, b.count.areaTags));
    b.text = "";
  }
  // The other parts keep their compressed bytes; the body is deflated quickly rather than small.
  const bytes = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 1 } });
  // The rewritten text is not kept while SheetJS reads.
  for (const b of bodies) zip.remove(b.name);
  const book = readWithSheetJs(bytes, file, limits);
  // SheetJS names a sheet by its table:name as written, when the table closes.
  const counted = new Map(bodies.filter((b) => ODS_BODY.test(b.name)).flatMap((b) => b.count.closed.map((s) => [s.rawName, s] as const)));
  for (const sheet of book.sheets) {
    for (const a of counted.get(sheet.name)?.arrays ?? []) {
      for (let i = 0; i < a.rows; i++)
        for (let j = 0; j < a.cols; j++)
          for (let rr = a.top; rr <= a.bottom; rr++) for (let cc = a.left; cc <= a.right; cc++) if (rr !== a.r + i || cc !== a.c + j) sheet.arrayCovered.add(`${rr},${cc}`);
    }
  }
  return book;
}

/** Every format SheetJS reads (xlsx, xlsm, xls, ods), cell by existing cell. */
export function readWithSheetJs(bytes: Uint8Array, file: string, limits: ZipLimits = DEFAULT_LIMITS): SpreadsheetFile {
  if (bytes.length === 0) throw problem("empty", file);
  // A BIFF (.xls) file is read whole: its size bounds the cells it can hold.
  if (bytes.length > limits.maxBytes) {
    const mb = (n: number) => (n / (1024 * 1024)).toFixed(0);
    throw overLimit(file, { zh: `文件有 ${mb(bytes.length)} MB，超过上限 ${mb(limits.maxBytes)} MB（可用 --max-mb 调高）`, en: `the file is ${mb(bytes.length)} MB, over the limit of ${mb(limits.maxBytes)} MB (raise it with --max-mb)` });
  }
  const et = /\.et$/i.test(file);
  const zip = starts(bytes, ZIP);
  const cfb = starts(bytes, CFB);
  if (!zip && !cfb) {
    // SheetJS would read any text as CSV or HTML: only real workbook containers are accepted.
    if (et) throw problem("et", file);
    const head = ascii(bytes, 0, 5);
    throw problem(head === "%PDF-" || !/\.(xlsx|xlsm|xls|ods)$/i.test(file) ? "not-spreadsheet" : "damaged", file);
  }
  if (cfb && looksEncrypted(bytes)) throw problem("encrypted", file);
  let wb: XLSX.WorkBook;
  try {
    wb = quietly(() => XLSX.read(bytes, SHEETJS_OPTIONS));
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (/password|encrypt/i.test(message)) throw problem("encrypted", file);
    if (et) throw problem("et", file);
    throw problem(zip && !/\.(xlsx|xlsm|ods)$/i.test(file) && /not a spreadsheet|unsupported/i.test(message) ? "not-spreadsheet" : "damaged", file);
  }
  if (!wb.SheetNames || wb.SheetNames.length === 0) throw problem(zip ? "damaged" : "not-spreadsheet", file);
  const sheets: FileSheet[] = wb.SheetNames.map((name, i) => {
    const ws = wb.Sheets[name] as XLSX.WorkSheet & { "!data"?: XLSX.CellObject[][] };
    const hidden = wb.Workbook?.Sheets?.[i]?.Hidden ?? 0;
    const values: unknown[][] = [];
    const formulas = new Map<string, string>();
    const arrayCovered = new Set<string>();
    // forEach skips holes: only the rows and cells the file holds are visited.
    let count = 0;
    let listed = 0;
    ws["!data"]?.forEach((row, r) => {
      if (!row) return;
      count += row.reduce((n, c) => (c ? n + 1 : n), 0);
      if (count > limits.maxCells) throw overLimit(file, tooManyCells(name, limits.maxCells));
      const out: unknown[] = [];
      let any = false;
      row.forEach((cell, c) => {
        if (!cell) return;
        if (cell.f) formulas.set(`${r},${c}`, cell.f);
        if (cell.F && cell.f) {
          const range = XLSX.utils.decode_range(cell.F);
          // Every cell an array formula covers is listed: an area as large as the sheet would be
          // billions of entries, so the listings are held to the cell limit too.
          listed += areaOf(range.s.r, range.s.c, range.e.r, range.e.c);
          if (!(listed <= limits.maxCells)) throw overLimit(file, tooManyCells(name, limits.maxCells));
          for (let rr = range.s.r; rr <= range.e.r; rr++) for (let cc = range.s.c; cc <= range.e.c; cc++) if (rr !== r || cc !== c) arrayCovered.add(`${rr},${cc}`);
        }
        const v = cellValue(cell);
        if (v !== null) {
          out[c] = v;
          any = true;
        }
      });
      if (any) values[r] = out;
    });
    const merges = (ws["!merges"] ?? []).map((m) => ({ top: m.s.r, left: m.s.c, bottom: m.e.r, right: m.e.c }));
    return { name, state: hidden === 2 ? "veryHidden" : hidden === 1 ? "hidden" : "visible", values, formulas, arrayCovered, merges };
  });
  return { sheets };
}
