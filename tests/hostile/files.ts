/**
 * Hostile and damaged workbooks, built here from their parts (no stored fixtures): a register of
 * any size written straight as OOXML, the single cell at XFD1048576, zip bombs by their headers
 * (declared sizes) and by real highly compressible entries, and tampered records.
 */
import JSZip from "jszip";
import { deflateRawSync } from "node:zlib";

const CT = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WB_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;

const sheet = (rows: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;

const str = (ref: string, s: string) => `<c r="${ref}" t="inlineStr"><is><t>${s}</t></is></c>`;

/** A one-sheet workbook with the given <sheetData> rows, plus any extra parts. */
export async function workbookOf(rows: string, extra: Record<string, Uint8Array | string> = {}): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file("[Content_Types].xml", CT);
  zip.file("_rels/.rels", ROOT_RELS);
  zip.file("xl/workbook.xml", WORKBOOK);
  zip.file("xl/_rels/workbook.xml.rels", WB_RELS);
  zip.file("xl/worksheets/sheet1.xml", sheet(rows));
  for (const [name, data] of Object.entries(extra)) zip.file(name, data);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

const HEADER = `<row r="1">${["行业", "第一年销售额", "第二年销售额", "标记", "镇街园区", "奖励", "市级", "镇级", "园区"].map((h, i) => str(`${"ABCDEFGHI"[i]}1`, h)).join("")}</row>`;

/** A register of `n` claims in rows 2…n+1: JY.REWARD in F, a JY.FUNDING row spilled over G:I. */
export function registerRows(n: number): string {
  const out: string[] = [HEADER];
  for (let r = 2; r <= n + 1; r++) {
    const sales = 1_000_000 + ((r * 7919) % 90_000_000);
    const args = `A${r},B${r},C${r},D${r},"元",E${r}`;
    out.push(
      `<row r="${r}">${str(`A${r}`, r % 3 ? "化工" : "铸造")}<c r="B${r}"><v>${sales}</v></c><c r="C${r}"><v>${sales + 1000}</v></c>${str(`E${r}`, "华士镇")}` +
        `<c r="F${r}"><f>_xldudf_JY_REWARD(${args})</f><v>0</v></c>` +
        `<c r="G${r}"><f t="array" ref="G${r}:I${r}">_xldudf_JY_FUNDING(${args})</f><v>0</v></c><c r="H${r}"><v>0</v></c><c r="I${r}"><v>0</v></c></row>`,
    );
  }
  return out.join("");
}

/** A register workbook of `n` claims. */
export const register = (n: number) => workbookOf(registerRows(n));

/** Seven kilobytes or so: one value at the last cell a sheet has (XFD1048576). */
export const lastCell = () => workbookOf(`${HEADER}<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>`);

/**
 * Sets the declared uncompressed size of `name` in both its local header and the central
 * directory (the bytes stay as they are): what a crafted bomb shows a reader before inflating.
 */
export function declareSize(bytes: Uint8Array, name: string, size: number): Uint8Array {
  const out = new Uint8Array(bytes);
  const view = new DataView(out.buffer);
  const enc = new TextEncoder().encode(name);
  const at = (p: number) => enc.every((b, i) => out[p + i] === b);
  let hits = 0;
  for (let p = 0; p + 46 < out.length; p++) {
    const sig = view.getUint32(p, true);
    if (sig === 0x04034b50 && view.getUint16(p + 26, true) === enc.length && at(p + 30)) {
      view.setUint32(p + 22, size, true);
      hits++;
    } else if (sig === 0x02014b50 && view.getUint16(p + 28, true) === enc.length && at(p + 46)) {
      view.setUint32(p + 24, size, true);
      hits++;
    }
  }
  if (hits !== 2) throw new Error(`${name}: ${hits} headers found`);
  return out;
}

/** `mb` megabytes of zeros, deflated (about a thousandth of that on disk), in pieces. */
export function zerosDeflated(mb: number): Buffer {
  return deflateRawSync(Buffer.alloc(mb * 1024 * 1024), { level: 9 });
}

/**
 * A workbook whose JSZip entry holds already-deflated bytes: `raw` is put in the zip as written
 * (method 8) with the declared size `size`. JSZip would otherwise deflate a huge buffer itself.
 */
export async function withRawEntry(base: Uint8Array, name: string, raw: Buffer, size: number, crc = 0): Promise<Uint8Array> {
  // Built as a small stored entry, then the data and the headers replaced.
  const zip = await JSZip.loadAsync(base);
  zip.file(name, "x", { compression: "STORE" });
  const small = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  const view = new DataView(small.buffer, small.byteOffset, small.byteLength);
  const enc = new TextEncoder().encode(name);
  let local = -1;
  for (let p = 0; p + 30 < small.length; p++) {
    if (view.getUint32(p, true) === 0x04034b50 && view.getUint16(p + 26, true) === enc.length && enc.every((b, i) => small[p + 30 + i] === b)) local = p;
  }
  const dataAt = local + 30 + enc.length + view.getUint16(local + 28, true);
  const before = Buffer.from(small.subarray(0, dataAt));
  const after = Buffer.from(small.subarray(dataAt + 1));
  const grow = raw.length - 1;
  const bv = new DataView(before.buffer, before.byteOffset, before.byteLength);
  bv.setUint16(local + 8, 8, true);
  bv.setUint32(local + 14, crc, true);
  bv.setUint32(local + 18, raw.length, true);
  bv.setUint32(local + 22, size, true);
  // Central directory: this entry's method and sizes, every later entry's offset, the EOCD's offset.
  const av = new DataView(after.buffer, after.byteOffset, after.byteLength);
  for (let p = 0; p + 46 < after.length; p++) {
    if (av.getUint32(p, true) !== 0x02014b50) continue;
    const offset = av.getUint32(p + 42, true);
    if (offset === local) {
      av.setUint16(p + 10, 8, true);
      av.setUint32(p + 16, crc, true);
      av.setUint32(p + 20, raw.length, true);
      av.setUint32(p + 24, size, true);
    } else if (offset > local) av.setUint32(p + 42, offset + grow, true);
  }
  for (let p = after.length - 22; p >= 0; p--) {
    if (av.getUint32(p, true) === 0x06054b50) {
      av.setUint32(p + 16, av.getUint32(p + 16, true) + grow, true);
      break;
    }
  }
  return new Uint8Array(Buffer.concat([before, raw, after]));
}

const ODS_MANIFEST = `<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/></manifest:manifest>`;

/** An OpenDocument content.xml whose office:spreadsheet body holds `tables` (`<table:table>` elements). */
export const odsContent = (tables: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3"><office:body><office:spreadsheet>${tables}</office:spreadsheet></office:body></office:document-content>`;

/** An OpenDocument spreadsheet (.ods) holding `tables`. */
export function odsOf(tables: string): Promise<Uint8Array> {
  const zip = new JSZip();
  // The mimetype first and stored, as OpenDocument requires.
  zip.file("mimetype", "application/vnd.oasis.opendocument.spreadsheet", { compression: "STORE" });
  zip.file("META-INF/manifest.xml", ODS_MANIFEST);
  zip.file("content.xml", odsContent(tables));
  // SheetJS refuses an OpenDocument package without styles.xml.
  zip.file("styles.xml", `<?xml version="1.0" encoding="UTF-8"?><office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:version="1.3"/>`);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** A `<table:table>` holding these rows of text and numbers, as plain cells. */
export function odsTable(name: string, rows: Array<Array<string | number>>): string {
  const cell = (v: string | number) =>
    typeof v === "number" ? `<table:table-cell office:value-type="float" office:value="${v}"><text:p>${v}</text:p></table:table-cell>` : `<table:table-cell office:value-type="string"><text:p>${v}</text:p></table:table-cell>`;
  return `<table:table table:name="${name}">${rows.map((r) => `<table:table-row>${r.map(cell).join("")}</table:table-row>`).join("")}</table:table>`;
}

/**
 * About a kilobyte declaring 17,179,852,804 cells: a register's header row, then one value
 * repeated over all 16,384 columns of a row repeated over the 1,048,575 rows left.
 */
export const odsRepeatBomb = () =>
  odsOf(
    odsTable("台账", [["行业", "第一年销售额", "第二年销售额", "镇街"]]).replace(
      "</table:table>",
      `<table:table-row table:number-rows-repeated="1048575"><table:table-cell table:number-columns-repeated="16384" office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell></table:table-row></table:table>`,
    ),
  );

/**
 * 20,000 array formulas of one cell each, then `stubRows` rows of 10,000 empty cells written open
 * and closed (each a cell to SheetJS): within every limit, but SheetJS's reader compares each of
 * those cells with every array area before it (100 rows: 20 billion comparisons; 122 KB).
 */
export const odsArrayAreas = (stubRows = 100) => {
  const anchor = `<table:table-cell table:formula="of:=1" table:number-matrix-rows-spanned="1" table:number-matrix-columns-spanned="1" office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell>`;
  const anchors = `<table:table-row>${anchor.repeat(10_000)}</table:table-row>`.repeat(2);
  const stubs = `<table:table-row>${"<table:table-cell></table:table-cell>".repeat(10_000)}</table:table-row>`.repeat(stubRows);
  return odsOf(odsTable("台账", [["行业", "第一年销售额", "第二年销售额", "镇街"]]).replace("</table:table>", `${anchors}${stubs}</table:table>`));
};
