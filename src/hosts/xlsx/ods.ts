/**
 * The cells an OpenDocument spreadsheet (.ods) costs SheetJS to read, counted from its content.xml
 * before SheetJS is given the file. A few kilobytes of content.xml can declare a value repeated
 * over 16,384 columns (table:number-columns-repeated) of 1,048,576 rows (table:number-rows-repeated):
 * SheetJS builds every one of those cells, so the cell limit checked after it has read a sheet
 * comes too late. This scan reads the text once, linearly, builds nothing, and stops at the limit.
 *
 * It follows SheetJS's own ODS reader (parse_content_xml in @e965/xlsx, read with sheetStubs on
 * as read.ts does) step by step, so that what is counted is what SheetJS builds:
 * - a cell written open and closed (`<table:table-cell …>…</table:table-cell>`, with or without
 *   content) is built on its closing tag, once per repeated column, once per repeated row;
 * - a self-closing cell (`<table:table-cell …/>`, how LibreOffice writes empty cells and its
 *   trailing padding such as number-columns-repeated="16380") is built only when it declares a
 *   string, and then once, whatever its repeats;
 * - a covered cell (inside a merged area) is built once per repeated column, in one row;
 * - rows hold no cells of their own: an empty row repeated 1,048,000 times costs nothing;
 * - an array formula's area (number-matrix-rows/columns-spanned) is listed cell by cell in read.ts's
 *   arrayCovered, once for each copy of its cell: those listings are held to the same limit, apart
 *   from the cells (a register's spilled JY.FUNDING results are cells as well as an area).
 * SheetJS's tag pattern, attribute parser, comment and DOCTYPE removal are reproduced as they are,
 * so a file cannot show this scan one structure and SheetJS another. The same scan finds the cells
 * declaring array areas, which withoutArrayAreas hides from SheetJS (its reader slows with their
 * square) and read.ts lists itself.
 *
 * A repeat outside 1…1,048,576 rows or 1…16,384 columns, or a cell beyond the last row or column
 * a sheet has, is damage: SheetJS would loop without end on "Infinity", and would file cells past
 * row 4,294,967,294 or at a column of NaN where no reader sees them (silently missing cells).
 * Pure text in, a verdict out: no Node, DOM or Office API.
 */

/** The last row and column a sheet has (Excel's and LibreOffice's grid): 1,048,576 × 16,384. */
export const SHEET_ROWS = 1_048_576;
export const SHEET_COLUMNS = 16_384;

/**
 * An array formula SheetJS reads from an anchor cell: built `rows` × `cols` times from (r, c) on,
 * each copy covering the area top…bottom × left…right (0-based, inclusive).
 */
export interface OdsArrayFormula {
  r: number;
  c: number;
  rows: number;
  cols: number;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface OdsSheetCount {
  /** As the user sees it; `rawName` as SheetJS names the sheet (the attribute's text, escapes and all). */
  name: string;
  rawName: string;
  cells: number;
  /** The cells its array formulas' areas list, copy by copy. */
  areaCells: number;
  arrays: OdsArrayFormula[];
}

export type OdsCellCount =
  /**
   * `areaTags`: where (start and end in the text as SheetJS reads it) the cells declaring an array
   * area are, which SheetJS's reader would track at a cost growing with their square.
   */
  | { ok: true; sheets: OdsSheetCount[]; closed: OdsSheetCount[]; areaTags: Array<[number, number]> }
  /** `sheet` passes the limit alone; null: no sheet does, but SheetJS would hold them all at once, and together they do. */
  | { ok: false; problem: "over-limit"; sheet: string | null }
  /** `why` is for tests and logs; the user is told the file is damaged. */
  | { ok: false; problem: "damaged"; why: string };

/** SheetJS's xlmlregex: the tags its ODS reader sees (double-quoted attributes only). */
const TAG = /<([/]?)([^\s?><!/:"]*:|)([^\s?<>:/"]+)(?:\s+[^<>=?"'\s]+="[^"]*?")*\s*[/]?>/gm;
/** SheetJS's attregexg: the attributes it reads from a tag. */
const ATTR = /\s([^"\s?>/]+)\s*=\s*((?:")([^"]*)(?:")|(?:')([^']*)(?:')|([^'">\s]+))/g;

/**
 * A tag's attributes by local name, as SheetJS's parsexmltag gives them: the namespace prefix
 * dropped, a later attribute overriding an earlier one (except a second one from an "…ext"
 * namespace), each also under its lower-case name.
 */
function attributes(tag: string): Record<string, string> {
  const z: Record<string, string> = {};
  let eq = 0;
  for (; eq !== tag.length; ++eq) {
    const c = tag.charCodeAt(eq);
    if (c === 32 || c === 10 || c === 13) break;
  }
  if (eq === tag.length) return z;
  for (const m of tag.match(ATTR) ?? []) {
    const cc = m.slice(1);
    let c = cc.indexOf("=");
    if (c < 0) c = cc.length;
    let q = cc.slice(0, c).trim();
    while (cc.charCodeAt(c + 1) === 32) ++c;
    const quote = cc.charCodeAt(c + 1) === 34 || cc.charCodeAt(c + 1) === 39 ? 1 : 0;
    const v = cc.slice(c + 1 + quote, cc.length - quote);
    const j = q.indexOf(":");
    if (j < 0) {
      if (q.indexOf("_") > 0) q = q.slice(0, q.indexOf("_"));
      z[q] = v;
      z[q.toLowerCase()] = v;
    } else {
      const k = (j === 5 && q.slice(0, 5) === "xmlns" ? "xmlns" : "") + q.slice(j + 1);
      if (z[k] && q.slice(j - 3, j) === "ext") continue;
      z[k] = v;
      z[k.toLowerCase()] = v;
    }
  }
  return z;
}

/** SheetJS's str_remove_ng(str, "<!--", "-->"): comments out (and, unclosed, everything after). */
function withoutComments(str: string): string {
  let si = str.indexOf("<!--");
  if (si === -1) return str;
  const out: string[] = [];
  let last = 0;
  while (si > -1) {
    out.push(str.slice(last, si));
    const ei = str.indexOf("-->", si + 4);
    if (ei === -1) break;
    if ((si = str.indexOf("<!--", (last = ei + 3))) === -1) out.push(str.slice(last));
  }
  return out.join("");
}

/** SheetJS's remove_doctype. */
function withoutDoctype(str: string): string {
  const si = str.slice(0, 1024).indexOf("<!DOCTYPE");
  if (si === -1) return str;
  const m = str.match(/<[\w]/);
  if (!m || m.index === undefined) return str;
  return str.slice(0, si) + str.slice(m.index);
}

/** SheetJS parses repeats with parseInt (columns) or Number (rows): any value it reads must be a whole number within the grid. */
function repeatOk(raw: string | undefined, max: number): boolean {
  if (raw === undefined || raw === "") return true;
  if (!/^\s*\d+\s*$/.test(raw)) return false;
  const n = Number(raw);
  return n >= 1 && n <= max;
}

/** Whether a tag can carry an attribute the count reads (most cells carry none: parsing them is skipped). */
const ROW_ATTRIBUTES = /repeated|行号/i;
const CELL_ATTRIBUTES = /repeated|spanned/i;
const STRING_CELL_ATTRIBUTES = /repeated|value-type|数据类型/i;

/**
 * Counts, per `<table:table>`, the cells SheetJS would build from this content.xml text, and stops
 * as soon as one passes `maxCells`, or all of them together do (SheetJS builds every sheet before
 * returning any: ten sheets just under the limit cost ten times the memory), or the file shows damage.
 */
export function countOdsCells(text: string, maxCells: number): OdsCellCount {
  const str = withoutDoctype(withoutComments(text));
  const sheets: OdsSheetCount[] = [];
  // SheetJS files a sheet under its name when its table closes (a later one of the same name replaces it).
  const closed: OdsSheetCount[] = [];
  const areaTags: Array<[number, number]> = [];
  // SheetJS's state, kept across tables as it keeps it (a row's repeat outlives its table, and a
  // cell after a table's end still lands in that table).
  let sheet: OdsSheetCount = { name: "", rawName: "", cells: 0, areaCells: 0, arrays: [] };
  let R = -1;
  let C = -1;
  let rowpeat = 1;
  let ctag: Record<string, string> = {};
  /** The array formula area of the cell SheetJS is building (its `q`): each copy of that cell lists the area's other cells. */
  let qArea = 0;
  let qArray: Omit<OdsArrayFormula, "r" | "c" | "rows" | "cols"> | null = null;
  const damaged = (why: string): OdsCellCount => ({ ok: false, problem: "damaged", why });
  const outside = (row: number, col: number, rows: number, cols: number) => !(row >= 0 && col >= 0 && row + rows <= SHEET_ROWS && col + cols <= SHEET_COLUMNS);
  let total = 0;
  const add = (n: number, areaCells = 0): OdsCellCount | null => {
    sheet.cells += n;
    sheet.areaCells += areaCells;
    total += n;
    if (sheet.cells > maxCells || sheet.areaCells > maxCells) {
      // SheetJS names a table by table:name; one without is no sheet of a spreadsheet.
      return sheet.name ? { ok: false, problem: "over-limit", sheet: sheet.name } : damaged("cells outside any named table");
    }
    return total > maxCells ? { ok: false, problem: "over-limit", sheet: null } : null;
  };
  const attrs = (tag: string, worth: RegExp) => (worth.test(tag) ? attributes(tag) : {});
  const colsOf = (a: Record<string, string>) => parseInt(a["number-columns-repeated"] || "1", 10) || 1;
  const badColumns = (a: Record<string, string>) => (repeatOk(a["number-columns-repeated"], SHEET_COLUMNS) ? null : damaged(`number-columns-repeated="${a["number-columns-repeated"]}"`));
  TAG.lastIndex = 0;
  let Rn: RegExpExecArray | null;
  while ((Rn = TAG.exec(str))) {
    const tag = Rn[0];
    const closing = Rn[1] === "/";
    const selfClosing = tag.charAt(tag.length - 2) === "/";
    let verdict: OdsCellCount | null = null;
    switch (Rn[3].replace(/_[\s\S]*$/, "")) {
      case "table":
      case "工作表":
        if (closing && sheets.length > 0) closed.push(sheet);
        else if (!closing && !selfClosing) {
          const a = attributes(tag);
          const rawName = a["名称"] || a.name || "";
          sheet = { name: decodeEntities(rawName), rawName, cells: 0, areaCells: 0, arrays: [] };
          sheets.push(sheet);
          R = C = -1;
        }
        break;
      case "table-row":
      case "行": {
        if (closing) {
          R += rowpeat;
          rowpeat = 1;
          break;
        }
        const a = attrs(tag, ROW_ATTRIBUTES);
        if (!repeatOk(a["number-rows-repeated"], SHEET_ROWS)) return damaged(`number-rows-repeated="${a["number-rows-repeated"]}"`);
        if (a["行号"]) {
          if (!repeatOk(a["行号"], SHEET_ROWS)) return damaged(`行号="${a["行号"]}"`);
          R = Number(a["行号"]) - 1;
        } else if (R === -1) R = 0;
        rowpeat = Number(a["number-rows-repeated"]) || 1;
        C = -1;
        break;
      }
      case "covered-table-cell":
        if (!closing) {
          ++C;
          ctag = attrs(tag, CELL_ATTRIBUTES);
          verdict = badColumns(ctag);
          if (verdict) break;
          const cols = colsOf(ctag);
          verdict = outside(R, C, 1, cols) ? damaged(`a covered cell at row ${R + 1}, column ${C + 1}`) : add(cols);
          C += cols - 1;
        }
        break;
      case "table-cell":
      case "数据":
        if (!closing) {
          // Every open or self-closing cell tag starts a cell (SheetJS's q).
          ++C;
          ctag = attrs(tag, selfClosing ? STRING_CELL_ATTRIBUTES : CELL_ATTRIBUTES);
          qArea = 0;
          qArray = null;
          verdict = badColumns(ctag);
          if (verdict) break;
          if (selfClosing) {
            if ((ctag["数据类型"] || ctag["value-type"]) === "string") verdict = outside(R, C, 1, 1) ? damaged(`a cell at row ${R + 1}, column ${C + 1}`) : add(1);
            C += colsOf(ctag) - 1;
            break;
          }
          const mRows = ctag["number-matrix-rows-spanned"];
          const mCols = ctag["number-matrix-columns-spanned"];
          if (mRows && mCols) {
            areaTags.push([Rn.index, Rn.index + tag.length]);
            if (!repeatOk(mRows, SHEET_ROWS) || !repeatOk(mCols, SHEET_COLUMNS) || outside(R, C, Number(mRows), Number(mCols))) return damaged(`an array formula at row ${R + 1}, column ${C + 1} spanning ${mRows} rows, ${mCols} columns`);
            qArea = Number(mRows) * Number(mCols);
            // read.ts lists the area of a cell holding a formula.
            if (ctag.formula) qArray = { top: R, left: C, bottom: R + Number(mRows) - 1, right: C + Number(mCols) - 1 };
          }
        } else {
          // Built here, on the closing tag, from the last cell tag read and the row's repeat.
          const cols = colsOf(ctag);
          verdict = outside(R, C, rowpeat, cols) ? damaged(`cells at row ${R + 1}, column ${C + 1} repeated over ${rowpeat} rows, ${cols} columns`) : add(rowpeat * cols, rowpeat * cols * qArea);
          if (!verdict && qArray) sheet.arrays.push({ r: R, c: C, rows: rowpeat, cols, ...qArray });
          C += cols - 1;
          qArea = 0;
          qArray = null;
        }
        break;
    }
    if (verdict) return verdict;
  }
  return { ok: true, sheets, closed, areaTags };
}

/** An attribute naming an array formula's area, in any namespace, case or SheetJS spelling. */
const ARRAY_AREA_ATTRIBUTE = /(\s(?:[^"\s?>/:]*:)?)(number-matrix-(?:rows|columns)-spanned)/gi;

/**
 * The content.xml text as SheetJS would read it (comments and DOCTYPE out), with the array area
 * attributes of the cells at `areaTags` (from countOdsCells) renamed so SheetJS does not track
 * them: its reader compares every later cell with every area seen before (a 20,000-row register
 * saved by LibreOffice with JY.FUNDING spilled takes 16 s, 100,000 rows several minutes). read.ts
 * lists the areas from the count. Only attribute names inside those tags change, never a value.
 */
export function withoutArrayAreas(text: string, areaTags: Array<[number, number]>): string {
  const str = withoutDoctype(withoutComments(text));
  const out: string[] = [];
  let last = 0;
  for (const [start, end] of areaTags) {
    out.push(str.slice(last, start));
    // An attribute's name runs up to its first "=", as SheetJS splits it.
    out.push(str.slice(start, end).replace(ATTR, (m) => m.slice(0, m.indexOf("=")).replace(ARRAY_AREA_ATTRIBUTE, "$1moved-$2") + m.slice(m.indexOf("="))));
    last = end;
  }
  out.push(str.slice(last));
  return out.join("");
}

const ENTITIES: Record<string, string> = { "&lt;": "<", "&gt;": ">", "&quot;": '"', "&apos;": "'", "&amp;": "&" };

/** A sheet's name as the user sees it (the attribute's XML escapes undone). */
function decodeEntities(s: string): string {
  return s.replace(/&(?:lt|gt|quot|apos|amp);|&#x([0-9a-f]+);|&#(\d+);/gi, (m, hex: string | undefined, dec: string | undefined) => {
    if (hex || dec) {
      const code = parseInt(hex ?? dec ?? "", hex ? 16 : 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[m.toLowerCase()] ?? m;
  });
}
