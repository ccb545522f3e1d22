/**
 * A new .xlsx from sheet specs (src/workbook/sheets.ts), written as OOXML parts with jszip: values,
 * formulas with their computed values, single-cell array formulas, number formats, bold, fills,
 * borders, wrapping, merges, column widths, row heights, a frozen header, hidden workbook names,
 * and print setup (print area, fit to one page wide, manual page breaks). SheetJS Community Edition
 * writes no styles and no page setup, which the city office's papers need.
 *
 * Tables, validations and charts in a spec are for the pane's hosts; a file written here leaves
 * them out. Text is written inline (no shared-string table); the workbook asks to be recalculated
 * on load, so every host shows its own results of the formulas.
 */
import type JSZip from "jszip";
import { a1, parseA1, quoteSheet } from "../../engine/register/address";
import type { SheetSpec, SpecCell } from "../../workbook/sheets";

const xml = (s: string) =>
  s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    // Control characters other than tab and line breaks are not allowed in XML 1.0.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "");

export interface WorkbookName {
  name: string;
  /** Formula without "=". */
  formula: string;
  hidden?: boolean;
}

interface Style {
  numFmt?: string;
  bold?: boolean;
  fill?: string;
  border?: boolean;
  wrap?: boolean;
  center?: boolean;
}

/** Every cell of an A1 range ("B2:E9" or "B2"), 0-based. */
function* cellsOf(range: string): Generator<[number, number]> {
  const [from, to = from] = range.replace(/\$/g, "").split(":");
  const a = parseA1(from);
  const b = parseA1(to);
  if (!a || !b) throw new Error(`not an A1 range: ${range}`);
  for (let r = Math.min(a.row, b.row); r <= Math.max(a.row, b.row); r++) for (let c = Math.min(a.col, b.col); c <= Math.max(a.col, b.col); c++) yield [r, c];
}

/** The styles of a workbook: fonts, fills, borders and number formats, each combination one xf. */
class Styles {
  private readonly xfs = new Map<string, number>([["", 0]]);
  private readonly xfXml: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private readonly numFmts = new Map<string, number>();
  private readonly fills = new Map<string, number>();

  id(s: Style): number {
    const key = JSON.stringify(s);
    if (key === "{}") return 0;
    let id = this.xfs.get(key);
    if (id !== undefined) return id;
    let numFmtId = 0;
    if (s.numFmt) {
      numFmtId = this.numFmts.get(s.numFmt) ?? 164 + this.numFmts.size;
      this.numFmts.set(s.numFmt, numFmtId);
    }
    let fillId = 0;
    if (s.fill) {
      fillId = this.fills.get(s.fill) ?? 2 + this.fills.size;
      this.fills.set(s.fill, fillId);
    }
    const align = s.wrap || s.center ? `<alignment${s.center ? ' horizontal="center"' : ""} vertical="center"${s.wrap ? ' wrapText="1"' : ""}/>` : "";
    id = this.xfXml.length;
    this.xfXml.push(
      `<xf numFmtId="${numFmtId}" fontId="${s.bold ? 1 : 0}" fillId="${fillId}" borderId="${s.border ? 1 : 0}" xfId="0"` +
        `${numFmtId ? ' applyNumberFormat="1"' : ""}${s.bold ? ' applyFont="1"' : ""}${fillId ? ' applyFill="1"' : ""}${s.border ? ' applyBorder="1"' : ""}` +
        (align ? ` applyAlignment="1">${align}</xf>` : "/>"),
    );
    this.xfs.set(key, id);
    return id;
  }

  xml(): string {
    const numFmts = [...this.numFmts].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${xml(code)}"/>`).join("");
    const fills = [...this.fills.keys()].map((c) => `<fill><patternFill patternType="solid"><fgColor rgb="FF${c.replace("#", "").toUpperCase()}"/><bgColor indexed="64"/></patternFill></fill>`).join("");
    const font = (bold: boolean) => `<font>${bold ? "<b/>" : ""}<sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font>`;
    const thin = '<left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right><top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/>';
    return (
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
      (this.numFmts.size ? `<numFmts count="${this.numFmts.size}">${numFmts}</numFmts>` : "") +
      `<fonts count="2">${font(false)}${font(true)}</fonts>` +
      `<fills count="${2 + this.fills.size}"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>${fills}</fills>` +
      `<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border>${thin}</border></borders>` +
      `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
      `<cellXfs count="${this.xfXml.length}">${this.xfXml.join("")}</cellXfs>` +
      `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`
    );
  }
}

function styleMap(spec: SheetSpec): Map<string, Style> {
  const out = new Map<string, Style>();
  const set = (range: string, s: Style) => {
    for (const [r, c] of cellsOf(range)) {
      const k = `${r},${c}`;
      out.set(k, { ...out.get(k), ...s });
    }
  };
  for (const n of spec.numberFormats ?? []) set(n.range, { numFmt: n.format });
  for (const f of spec.fills ?? []) set(f.range, { fill: f.color });
  for (const b of spec.bold ?? []) set(b, { bold: true });
  for (const b of spec.borders ?? []) set(b, { border: true });
  for (const w of spec.wrap ?? []) set(w, { wrap: true });
  for (const w of spec.center ?? []) set(w, { center: true });
  return out;
}

function cellXml(ref: string, cell: SpecCell, s: number): string {
  const st = s ? ` s="${s}"` : "";
  if (cell === null || cell === "") return s ? `<c r="${ref}"${st}/>` : "";
  if (typeof cell === "number") return Number.isFinite(cell) ? `<c r="${ref}"${st}><v>${cell}</v></c>` : "";
  if (typeof cell === "boolean") return `<c r="${ref}"${st} t="b"><v>${cell ? 1 : 0}</v></c>`;
  if (typeof cell === "string") return `<c r="${ref}"${st} t="inlineStr"><is><t xml:space="preserve">${xml(cell)}</t></is></c>`;
  const f = cell.formula.a1.replace(/^=/, "");
  const fx = cell.array ? `<f t="array" ref="${ref}">${xml(f)}</f>` : `<f>${xml(f)}</f>`;
  if (typeof cell.value === "number") return `<c r="${ref}"${st}>${fx}<v>${cell.value}</v></c>`;
  if (typeof cell.value === "string") {
    if (/^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!)$/.test(cell.value)) return `<c r="${ref}"${st} t="e">${fx}<v>${cell.value}</v></c>`;
    return `<c r="${ref}"${st} t="str">${fx}<v>${xml(cell.value)}</v></c>`;
  }
  return `<c r="${ref}"${st}>${fx}</c>`;
}

function sheetXml(spec: SheetSpec, styles: Styles): string {
  const styled = styleMap(spec);
  const rows: string[] = [];
  let maxRow = spec.cells.length;
  let maxCol = Math.max(1, ...spec.cells.map((r) => r.length));
  for (const k of styled.keys()) {
    const [r, c] = k.split(",").map(Number);
    maxRow = Math.max(maxRow, r + 1);
    maxCol = Math.max(maxCol, c + 1);
  }
  for (let r = 0; r < maxRow; r++) {
    const row = spec.cells[r] ?? [];
    let cells = "";
    const width = Math.max(row.length, maxCol);
    for (let c = 0; c < width; c++) {
      const st = styled.get(`${r},${c}`);
      cells += cellXml(a1(r, c), row[c] ?? null, st ? styles.id(st) : 0);
    }
    const h = spec.heights?.[r];
    if (cells || h) rows.push(`<row r="${r + 1}"${h ? ` ht="${h}" customHeight="1"` : ""}>${cells}</row>`);
  }
  const p = spec.print;
  const sheetPr = p ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : "";
  const dim = `<dimension ref="A1:${a1(maxRow - 1, maxCol - 1)}"/>`;
  const freeze = spec.freezeRows
    ? `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${spec.freezeRows}" topLeftCell="A${spec.freezeRows + 1}" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>`
    : '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
  const cols = spec.widths?.length
    ? `<cols>${spec.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("")}</cols>`
    : "";
  const merges = spec.merges?.length ? `<mergeCells count="${spec.merges.length}">${spec.merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>` : "";
  const margins = '<pageMargins left="0.6" right="0.6" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
  const setup = p ? `<pageSetup paperSize="9" orientation="${p.landscape ? "landscape" : "portrait"}" fitToWidth="1" fitToHeight="0"/>` : "";
  const breaks = p?.breaksAfter?.length
    ? `<rowBreaks count="${p.breaksAfter.length}" manualBreakCount="${p.breaksAfter.length}">${p.breaksAfter.map((r) => `<brk id="${r}" max="16383" man="1"/>`).join("")}</rowBreaks>`
    : "";
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `${sheetPr}${dim}${freeze}<sheetFormatPr defaultRowHeight="15"/>${cols}<sheetData>${rows.join("")}</sheetData>${merges}${margins}${setup}${breaks}</worksheet>`
  );
}


/** The sheets as one .xlsx package; sheet names must be distinct (31 characters at most). */
export async function writeWorkbook(sheets: SheetSpec[], names: WorkbookName[], JSZipImpl: typeof JSZip): Promise<Uint8Array> {
  const zip = new JSZipImpl();
  const styles = new Styles();
  sheets.forEach((s, i) => zip.file(`xl/worksheets/sheet${i + 1}.xml`, sheetXml(s, styles)));
  const defined = [
    ...names.map((n) => `<definedName name="${n.name}"${n.hidden ? ' hidden="1"' : ""}>${xml(n.formula)}</definedName>`),
    ...sheets.flatMap((s, i) => (s.print ? [`<definedName name="_xlnm.Print_Area" localSheetId="${i}">${xml(`${quoteSheet(s.name)}!${absolute(s.print.area)}`)}</definedName>`] : [])),
  ];
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("")}</Types>`,
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("")}<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
  );
  zip.file(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><bookViews><workbookView/></bookViews><sheets>${sheets.map((s, i) => `<sheet name="${xml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets>${defined.length ? `<definedNames>${defined.join("")}</definedNames>` : ""}<calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>`,
  );
  zip.file("xl/styles.xml", styles.xml());
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** "A1:F20" → "$A$1:$F$20". */
function absolute(range: string): string {
  return range
    .split(":")
    .map((p) => p.replace(/^\$?([A-Z]+)\$?(\d+)$/i, "$$$1$$$2"))
    .join(":");
}
