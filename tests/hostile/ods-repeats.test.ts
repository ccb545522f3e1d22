/**
 * An OpenDocument spreadsheet's repeated cells and rows, bounded before SheetJS expands them: the
 * count (src/hosts/xlsx/ods.ts) is what SheetJS builds, checked against SheetJS itself; a bomb of a
 * few kilobytes declaring billions of cells is refused with the cell-limit sentence; LibreOffice's
 * own padding (empty cells to the last column, empty rows to the last row) costs nothing, and a
 * file LibreOffice wrote reads exactly as SheetJS alone reads it.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import * as XLSX from "@e965/xlsx";
import fc from "fast-check";
import JSZip from "jszip";
import { countOdsCells, SHEET_COLUMNS, SHEET_ROWS, withoutArrayAreas } from "../../src/hosts/xlsx/ods";
import { readSpreadsheet, readWithSheetJs, SHEETJS_OPTIONS } from "../../src/hosts/xlsx/read";
import { DEFAULT_LIMITS } from "../../src/portable/zip-guard";
import { describeWithLibreOffice } from "../libreoffice/soffice";
import { odsContent, odsOf, odsRepeatBomb, registerRows, workbookOf } from "./files";
import { refusal } from "./refusal";

jest.setTimeout(120_000);

const table = (name: string, rows: string) => `<table:table table:name="${name}">${rows}</table:table>`;
const row = (cells: string, repeated?: number) => `<table:table-row${repeated ? ` table:number-rows-repeated="${repeated}"` : ""}>${cells}</table:table-row>`;
const rep = (n?: number) => (n ? ` table:number-columns-repeated="${n}"` : "");
const num = (v: number, repeated?: number) => `<table:table-cell office:value-type="float" office:value="${v}"${rep(repeated)}><text:p>${v}</text:p></table:table-cell>`;
const text = (s: string, repeated?: number) => `<table:table-cell office:value-type="string"${rep(repeated)}><text:p>${s}</text:p></table:table-cell>`;
/** An empty cell as LibreOffice writes it: self-closing. */
const empty = (repeated?: number) => `<table:table-cell${rep(repeated)}/>`;
/** An empty cell written open and closed: SheetJS keeps it as a stub (sheetStubs), once per repeat. */
const emptyOpen = (repeated?: number) => `<table:table-cell${rep(repeated)}></table:table-cell>`;
const covered = (repeated?: number) => `<table:covered-table-cell${rep(repeated)}/>`;

/** The cells SheetJS builds in each sheet, read with the register reader's options. */
function sheetJsCells(bytes: Uint8Array): Record<string, number> {
  const wb = XLSX.read(bytes, SHEETJS_OPTIONS);
  const out: Record<string, number> = {};
  for (const name of wb.SheetNames) {
    let n = 0;
    (wb.Sheets[name] as { "!data"?: unknown[][] })["!data"]?.forEach((r) => r?.forEach((c) => (n += c ? 1 : 0)));
    out[name] = n;
  }
  return out;
}

const counted = (tables: string) => {
  const r = countOdsCells(odsContent(tables), DEFAULT_LIMITS.maxCells);
  if (!r.ok) throw new Error(JSON.stringify(r));
  return Object.fromEntries(r.sheets.map((s) => [s.name, s.cells]));
};

describe("the count is what SheetJS builds", () => {
  test.each([
    ["LibreOffice's padding: empty cells to the last column", row(num(1) + empty(SHEET_COLUMNS - 1)), 1],
    ["LibreOffice's padding: empty rows to the last row", row(text("a")) + row(empty(SHEET_COLUMNS), SHEET_ROWS - 1), 1],
    ["a value repeated over 3 columns", row(num(1, 3)), 3],
    ["a value repeated over 3 columns of a row repeated 4 times", row(num(1, 3), 4), 12],
    ["a row of two values repeated 5 times, then padding", row(text("化工") + num(2) + empty(SHEET_COLUMNS - 2), 5), 10],
    ["an empty cell written open and closed, repeated 5 times (a stub each)", row(emptyOpen(5)), 5],
    ["a self-closing string cell repeated 3 times: SheetJS builds one", row(`<table:table-cell office:value-type="string" office:string-value="x"${rep(3)}/>`), 1],
    ["a self-closing number cell: SheetJS builds none", row(`<table:table-cell office:value-type="float" office:value="1"/>`), 0],
    ["a merged area's covered cells", row(`<table:table-cell office:value-type="string" table:number-columns-spanned="4"><text:p>合计</text:p></table:table-cell>${covered(3)}`), 4],
  ])("%s: %d", async (_, rows, cells) => {
    const tables = table("台账", rows);
    expect(counted(tables)).toEqual({ 台账: cells });
    expect(sheetJsCells(await odsOf(tables))).toEqual({ 台账: cells });
  });

  test("an array formula over 2 rows × 3 columns, its cell repeated over 2 columns: two cells, each listing its area of 6", async () => {
    const anchor = `<table:table-cell table:formula="of:={1;2;3}" table:number-matrix-rows-spanned="2" table:number-matrix-columns-spanned="3"${rep(2)} office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell>`;
    const tables = table("台账", row(anchor));
    expect(countOdsCells(odsContent(tables), DEFAULT_LIMITS.maxCells)).toMatchObject({ ok: true, sheets: [{ name: "台账", cells: 2, areaCells: 12 }] });
    expect(sheetJsCells(await odsOf(tables))).toEqual({ 台账: 2 });
    // SheetJS is given the file without its areas; they are listed from the count, as SheetJS's own read lists them.
    const file = await odsOf(tables);
    const book = await readSpreadsheet(file, "台账.ods");
    expect(book).toEqual(readWithSheetJs(file, "台账.ods"));
    expect([...book.sheets[0].arrayCovered].sort()).toEqual(["0,0", "0,1", "0,2", "1,0", "1,1", "1,2"]);
    // An area the size of the sheet would be listed cell by cell: refused like a sheet over the limit.
    const whole = anchor.replace('rows-spanned="2"', `rows-spanned="${SHEET_ROWS}"`).replace('columns-spanned="3"', `columns-spanned="${SHEET_COLUMNS - 1}"`);
    expect(countOdsCells(odsContent(table("台账", row(whole))), DEFAULT_LIMITS.maxCells)).toEqual({ ok: false, problem: "over-limit", sheet: "台账" });
  });

  test("array areas are taken out of SheetJS's way by renaming their attributes inside tags only: a cell's text naming one is left as it is", async () => {
    const anchor = (r: number) => `<table:table-cell table:formula="of:=SUM([.A${r}:.C${r}])" table:number-matrix-rows-spanned="1" table:number-matrix-columns-spanned="3" office:value-type="float" office:value="3"><text:p>3</text:p></table:table-cell>`;
    const note = text("table:number-matrix-rows-spanned=&quot;9&quot;");
    const tables = table("台账", row(note) + [2, 3, 4].map((r) => row(num(1, 3) + anchor(r) + num(0, 2))).join("") + row(empty(5), 3));
    const count = countOdsCells(odsContent(tables), DEFAULT_LIMITS.maxCells);
    const stripped = withoutArrayAreas(odsContent(tables), count.ok ? count.areaTags : []);
    expect(stripped).not.toMatch(/\stable:number-matrix-[a-z-]+="/);
    expect(stripped).toContain(`table:moved-number-matrix-rows-spanned="1" table:moved-number-matrix-columns-spanned="3"`);
    expect(stripped).toContain("<text:p>table:number-matrix-rows-spanned=&quot;9&quot;</text:p>");
    const file = await odsOf(tables);
    expect(await readSpreadsheet(file, "台账.ods")).toEqual(readWithSheetJs(file, "台账.ods"));
  });

  test("a self-closing row's repeat applies to the cells after it, as in SheetJS", async () => {
    const tables = table("甲", `<table:table-row table:number-rows-repeated="7"/>${num(1, 2)}`);
    expect(counted(tables)).toEqual({ 甲: 14 });
    expect(sheetJsCells(await odsOf(tables))).toEqual({ 甲: 14 });
  });

  test("a tag split by a comment is joined, as SheetJS joins it", async () => {
    const tables = table("台账", row(`<table:table-<!-- -->cell office:value-type="float" office:value="1"${rep(9)}><text:p>1</text:p></table:table-cell>`));
    expect(counted(tables)).toEqual({ 台账: 9 });
    expect(sheetJsCells(await odsOf(tables))).toEqual({ 台账: 9 });
  });

  const cell = fc.oneof(
    fc.record({ kind: fc.constant("num" as const), v: fc.integer({ min: -1000, max: 1_000_000 }), n: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }) }),
    fc.record({ kind: fc.constant("text" as const), v: fc.constantFrom("化工", "铸造", "华士镇", "a&amp;b"), n: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }) }),
    fc.record({ kind: fc.constantFrom("empty" as const, "emptyOpen" as const, "covered" as const), v: fc.constant(0), n: fc.option(fc.integer({ min: 1, max: 40 }), { nil: undefined }) }),
  );
  const render = (c: { kind: string; v: number | string; n?: number }) =>
    c.kind === "num" ? num(c.v as number, c.n) : c.kind === "text" ? text(String(c.v), c.n) : c.kind === "empty" ? empty(c.n) : c.kind === "emptyOpen" ? emptyOpen(c.n) : covered(c.n);
  const sheet = fc.array(fc.record({ cells: fc.array(cell, { maxLength: 8 }), repeated: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }), padded: fc.boolean() }), { maxLength: 8 });

  test("property: for any rows of values, text, empty, stub and covered cells, repeated, the count equals SheetJS's", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(sheet, { minLength: 1, maxLength: 3 }), fc.boolean(), async (sheets, trailing) => {
        const tables = sheets
          .map((rows, i) =>
            table(
              `表${i + 1}`,
              rows
                .map((r) => {
                  const used = r.cells.reduce((n, c) => n + (c.n ?? 1), 0);
                  return row(r.cells.map(render).join("") + (r.padded ? empty(SHEET_COLUMNS - used) : ""), r.repeated);
                })
                .join("") + (trailing ? row(empty(SHEET_COLUMNS), SHEET_ROWS - rows.length * 5) : ""),
            ),
          )
          .join("");
        expect(counted(tables)).toEqual(sheetJsCells(await odsOf(tables)));
      }),
      { numRuns: 150 },
    );
  });
});

describe("whatever the tags, an accepted file never builds more than counted", () => {
  // Mostly repeats a file may hold, now and then one SheetJS would misread.
  const repeat = fc.oneof({ arbitrary: fc.constantFrom("", "", "1", "2", "7", " 3 "), weight: 12 }, { arbitrary: fc.constantFrom("0", "-1", "x", "1e1", "Infinity"), weight: 1 });
  const attr = (name: string, v: string) => (v === "" ? "" : ` table:${name}="${v}"`);
  const cellTag = fc
    .record({ n: repeat, type: fc.constantFrom("", "float", "string"), self: fc.boolean(), matrix: fc.boolean() })
    .map(
      (k) =>
        `<table:table-cell${attr("number-columns-repeated", k.n)}${k.type ? ` office:value-type="${k.type}" office:value="1"` : ""}${k.matrix ? ` table:formula="of:=1" table:number-matrix-rows-spanned="2" table:number-matrix-columns-spanned="2"` : ""}${k.self ? "/>" : "><text:p>1</text:p></table:table-cell>"}`,
    );
  const rowTag = fc.record({ n: repeat, cells: fc.array(cellTag, { maxLength: 5 }) }).map((k) => `<table:table-row${attr("number-rows-repeated", k.n)}>${k.cells.join("")}</table:table-row>`);
  const tables = fc.array(fc.record({ name: fc.constantFrom("甲", "乙", "丙"), rows: fc.array(rowTag, { maxLength: 5 }) }), { minLength: 1, maxLength: 3 }).map((ts) => ts.map((t) => [`<table:table table:name="${t.name}">`, ...t.rows, "</table:table>"]).flat());
  // Tags out of place, spliced in anywhere: stray closing tags, self-closing rows, covered cells, comments.
  const noise = fc.oneof(
    fc.constantFrom("</table:table-cell>", "</table:table-row>", "<table:table-row/>", "<!--", "-->", "<text:p>1</text:p>"),
    repeat.map((n) => `<table:table-row${attr("number-rows-repeated", n)}/>`),
    repeat.map((n) => `<table:covered-table-cell${attr("number-columns-repeated", n)}/>`),
    repeat.map((n) => `<table:table-cell office:value-type="float" office:value="1"${attr("number-columns-repeated", n)}>`),
  );

  test("property: well-formed tables with tags out of place spliced in, and any repeat values", async () => {
    let built = 0;
    await fc.assert(
      fc.asyncProperty(tables, fc.array(fc.record({ at: fc.nat(), tag: noise }), { maxLength: 4 }), async (parts, extra) => {
        for (const e of extra) parts.splice(e.at % (parts.length + 1), 0, e.tag);
        const body = parts.join("");
        const count = countOdsCells(odsContent(body), 10_000);
        if (!count.ok) return;
        const file = await odsOf(body);
        let wb: XLSX.WorkBook;
        try {
          wb = XLSX.read(file, SHEETJS_OPTIONS);
        } catch {
          return; // SheetJS refuses it: read.ts says the file is damaged
        }
        let cells = 0;
        for (const ws of new Set(Object.values(wb.Sheets))) (ws as { "!data"?: unknown[][] })["!data"]?.forEach((r) => r?.forEach((c) => (cells += c ? 1 : 0)));
        expect(cells).toBeLessThanOrEqual(count.sheets.reduce((n, s) => n + s.cells, 0));
        built += cells > 0 ? 1 : 0;
        // Array areas listed from the count, SheetJS reading the file without them: the same as SheetJS reading it all.
        const said = (e: unknown) => (e instanceof Error ? e.message : String(e));
        const bounded = await readSpreadsheet(file, "x.ods").catch(said);
        let whole: unknown;
        try {
          whole = readWithSheetJs(file, "x.ods");
        } catch (e) {
          whole = said(e);
        }
        expect(bounded).toEqual(whole);
      }),
      { numRuns: 400 },
    );
    // A good share of the runs are files SheetJS builds cells from: the property is not met by refusing everything.
    expect(built).toBeGreaterThan(40);
  });
});

describe("damage: repeats SheetJS would loop on or file where no reader sees them", () => {
  test.each([
    ["rows repeated more than a sheet has", row(num(1), SHEET_ROWS + 1)],
    ["columns repeated more than a sheet has", row(num(1, SHEET_COLUMNS + 1))],
    ["rows repeated Infinity times (SheetJS would never stop)", row(num(1)).replace("<table:table-row>", `<table:table-row table:number-rows-repeated="Infinity">`)],
    ["rows repeated 1e6 times (SheetJS reads a million)", row(num(1)).replace("<table:table-row>", `<table:table-row table:number-rows-repeated="1e6">`)],
    ["columns repeated -3 times (later cells would overwrite earlier ones)", row(`<table:table-cell office:value-type="float" office:value="1" table:number-columns-repeated="-3"><text:p>1</text:p></table:table-cell>` + num(2))],
    ["columns repeated 0 times", row(num(1).replace("<table:table-cell ", `<table:table-cell table:number-columns-repeated="0" `))],
    ["columns repeated \"many\" times (SheetJS would file the next cells at column NaN)", row(num(1).replace("<table:table-cell ", `<table:table-cell table:number-columns-repeated="many" `) + num(2))],
    ["an empty row to the last row, then a value past it", row(empty(SHEET_COLUMNS), SHEET_ROWS) + row(num(1))],
    ["padding to the last column, then a value past it", row(empty(SHEET_COLUMNS) + num(1))],
    ["a value outside any row (SheetJS files it at row -1, where no reader sees it)", num(1)],
    ["an array formula reaching past the last row", row(`<table:table-cell table:formula="of:=1" table:number-matrix-rows-spanned="${SHEET_ROWS + 1}" table:number-matrix-columns-spanned="1"><text:p>1</text:p></table:table-cell>`)],
  ])("%s", async (_, rows) => {
    const r = countOdsCells(odsContent(table("台账", rows)), DEFAULT_LIMITS.maxCells);
    expect(r).toMatchObject({ ok: false, problem: "damaged" });
    const e = await refusal(readSpreadsheet(await odsOf(table("台账", rows)), "台账.ods"));
    expect(e.problem).toBe("damaged");
    expect(e.zh).toBe("无法读取 台账.ods：文件已损坏或不完整，请用 Excel 或 WPS 打开并另存为 .xlsx，或请报送单位重新发送");
  });

  test("the attribute's case and namespace prefix do not hide it (SheetJS reads both)", () => {
    const r = countOdsCells(odsContent(table("台账", row(num(1).replace("<table:table-cell ", `<table:table-cell x:Number-Columns-Repeated="20000" `)))), DEFAULT_LIMITS.maxCells);
    expect(r).toMatchObject({ ok: false, problem: "damaged" });
  });
});

describe("reading an .ods through the register reader", () => {
  test("a bomb of a few KB declaring 17 billion cells: refused with the sentence naming the file, the sheet and the limit", async () => {
    const bomb = await odsRepeatBomb();
    expect(bomb.length).toBeLessThan(4096);
    const e = await refusal(readSpreadsheet(bomb, "炸弹.ods"));
    expect(e.problem).toBe("over-limit");
    expect(e.zh).toBe("无法读取 炸弹.ods：工作表 台账 的单元格超过上限 2,000,000 个（可用 --max-cells 调高）");
    expect(e.en).toBe("cannot read 炸弹.ods: the sheet 台账 holds more than 2,000,000 cells, the limit (raise it with --max-cells)");
  });

  test("a value repeated 3 times reads as 3 cells, as SheetJS reads it; the limit falls exactly on the count", async () => {
    const rows = row(text("行业") + text("第一年销售额") + text("第二年销售额") + text("镇街") + empty(SHEET_COLUMNS - 4)) + row(text("化工") + num(3_000_000, 2) + text("华士镇") + empty(SHEET_COLUMNS - 4), 3) + row(empty(SHEET_COLUMNS), 1000);
    const file = await odsOf(table("台账", rows));
    const book = await readSpreadsheet(file, "台账.ods");
    expect(book.sheets[0].values).toEqual([["行业", "第一年销售额", "第二年销售额", "镇街"], ...Array(3).fill(["化工", 3_000_000, 3_000_000, "华士镇"])]);
    expect(book.sheets[0].values).toEqual(XLSX.utils.sheet_to_json(XLSX.read(file, SHEETJS_OPTIONS).Sheets["台账"], { header: 1 }));
    // 4 header cells and 3 rows of 4: 16 cells, SheetJS's own count.
    expect(sheetJsCells(file)).toEqual({ 台账: 16 });
    await expect(readSpreadsheet(file, "台账.ods", { ...DEFAULT_LIMITS, maxCells: 16 })).resolves.toBeTruthy();
    const e = await refusal(readSpreadsheet(file, "台账.ods", { ...DEFAULT_LIMITS, maxCells: 15 }));
    expect(e.en).toBe("cannot read 台账.ods: the sheet 台账 holds more than 15 cells, the limit (raise it with --max-cells)");
  });

  test("ten sheets each just under the limit, together over it: refused, since SheetJS would hold them all at once", async () => {
    const file = await odsOf(Array.from({ length: 10 }, (_, i) => table(`表${i + 1}`, row(num(1, 100), 10))).join(""));
    await expect(readSpreadsheet(file, "十表.ods", { ...DEFAULT_LIMITS, maxCells: 10_000 })).resolves.toBeTruthy();
    const e = await refusal(readSpreadsheet(file, "十表.ods", { ...DEFAULT_LIMITS, maxCells: 9_999 }));
    expect(e.zh).toBe("无法读取 十表.ods：各工作表的单元格合计超过上限 9,999 个（可用 --max-cells 调高）");
    expect(e.en).toBe("cannot read 十表.ods: the sheets together hold more than 9,999 cells, the limit (raise it with --max-cells)");
  });

  test("the sheet is named as the user sees it (its XML escapes undone)", async () => {
    const e = await refusal(readSpreadsheet(await odsOf(table("华士 &amp; 周庄", row(num(1, 100), 100))), "x.ods", { ...DEFAULT_LIMITS, maxCells: 9999 }));
    expect(e.zh).toContain("工作表 华士 & 周庄 的单元格超过上限 9,999 个");
  });

  test("content.xml in another case is read by SheetJS, so it is counted too", async () => {
    const zip = await JSZip.loadAsync(await odsOf(table("台账", row(num(1, 100), 100))));
    const body = await zip.file("content.xml")!.async("uint8array");
    zip.remove("content.xml");
    zip.file("Content.XML", body);
    const file = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    expect(sheetJsCells(file)).toEqual({ 台账: 10_000 });
    const e = await refusal(readSpreadsheet(file, "x.ods", { ...DEFAULT_LIMITS, maxCells: 9999 }));
    expect(e.problem).toBe("over-limit");
  });

  test("a container listing content.xml twice (JSZip would read the last, SheetJS the first) is refused as damaged", async () => {
    // The repeated version is stored first under a same-length name, then renamed in its headers.
    const zip = await JSZip.loadAsync(await odsOf(table("台账", row(num(1)))));
    const body = await zip.file("content.xml")!.async("string");
    const reordered = new JSZip();
    reordered.file("mimetype", "application/vnd.oasis.opendocument.spreadsheet", { compression: "STORE" });
    reordered.file("content.xmX", body.replace(num(1), num(1, 100)));
    for (const name of ["META-INF/manifest.xml", "styles.xml", "content.xml"]) reordered.file(name, await zip.file(name)!.async("uint8array"));
    const bytes = await reordered.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    const twice = Buffer.from(bytes);
    let renamed = 0;
    for (let at = twice.indexOf("content.xmX"); at >= 0; at = twice.indexOf("content.xmX", at + 1), renamed++) twice.write("content.xml", at);
    expect(renamed).toBe(2);
    expect(sheetJsCells(twice)).toEqual({ 台账: 100 });
    const e = await refusal(readSpreadsheet(new Uint8Array(twice), "x.ods", { ...DEFAULT_LIMITS, maxCells: 99 }));
    expect(e.problem).toBe("damaged");
  });

  test("a flat OpenDocument file (.fods, XML) is never given to SheetJS: refused as not a spreadsheet, bomb or not", async () => {
    const fods = new TextEncoder().encode(odsContent(table("台账", row(num(1, SHEET_COLUMNS), SHEET_ROWS))).replace("office:document-content", "office:document"));
    const e = await refusal(readSpreadsheet(fods, "炸弹.fods"));
    expect(e.problem).toBe("not-spreadsheet");
  });
});

describeWithLibreOffice("an .ods LibreOffice wrote (empty cells to the last column, empty rows to the last row, repeated values)", (soffice) => {
  let ods: Uint8Array;
  let xml: string;
  beforeAll(async () => {
    // A register as a town keeps it: amounts formatted over whole columns (so LibreOffice pads
    // every row to the last column and writes empty rows to the last row), identical rows, a
    // merged 合计 row, and a tall row far below the data.
    const same = (r: number) => `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>化工</t></is></c><c r="B${r}" s="1"><v>5000000</v></c><c r="C${r}" s="1"><v>5000000</v></c><c r="D${r}"><v>5000000</v></c></row>`;
    const rows = registerRows(6) + [8, 9, 10, 11].map(same).join("") + `<row r="12"><c r="A12" t="inlineStr"><is><t>合计</t></is></c></row><row r="500" ht="30" customHeight="1"></row>`;
    const zip = await JSZip.loadAsync(await workbookOf(rows));
    const sheetXml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    zip.file("xl/worksheets/sheet1.xml", sheetXml.replace("<sheetData>", `<cols><col min="2" max="3" width="16" style="1" customWidth="1"/></cols><sheetData>`).replace("</sheetData>", `</sheetData><mergeCells count="1"><mergeCell ref="A12:E12"/></mergeCells>`));
    zip.file("xl/styles.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`);
    const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
    zip.file("xl/_rels/workbook.xml.rels", rels.replace("</Relationships>", `<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`));
    const types = await zip.file("[Content_Types].xml")!.async("string");
    zip.file("[Content_Types].xml", types.replace("</Types>", `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`));
    const dir = mkdtempSync(path.join(os.tmpdir(), "jy-ods-"));
    mkdirSync(path.join(dir, "out"));
    writeFileSync(path.join(dir, "台账.xlsx"), await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
    execFileSync(soffice, [`-env:UserInstallation=file://${path.join(dir, "profile")}`, "--headless", "--norestore", "--convert-to", "ods", "--outdir", path.join(dir, "out"), path.join(dir, "台账.xlsx")], { stdio: "pipe", timeout: 170_000 });
    ods = new Uint8Array(readFileSync(path.join(dir, "out", "台账.ods")));
    xml = await (await JSZip.loadAsync(ods)).file("content.xml")!.async("string");
  });

  test("the file holds the repeats this is about", () => {
    // Padding to the last column, empty rows to the last row, a value repeated, a merged area.
    expect(xml).toMatch(/<table:table-cell[^>]*table:number-columns-repeated="16\d{3}"\/>/);
    expect(xml).toMatch(/<table:table-row[^>]*table:number-rows-repeated="10\d{5}"/);
    expect(xml).toMatch(/table:number-columns-repeated="[23]" office:value-type="float" office:value="5000000"/);
    expect(xml).toContain("<table:covered-table-cell");
  });

  test("read exactly as SheetJS alone reads it, and counted exactly as SheetJS builds it", async () => {
    const bounded = await readSpreadsheet(ods, "台账.ods");
    expect(bounded).toEqual(readWithSheetJs(ods, "台账.ods"));
    expect(bounded.sheets[0].values.slice(7, 11)).toEqual(Array(4).fill(["化工", 5_000_000, 5_000_000, 5_000_000]));
    const count = countOdsCells(xml, DEFAULT_LIMITS.maxCells);
    expect(count.ok && Object.fromEntries(count.sheets.map((s) => [s.name, s.cells]))).toEqual(sheetJsCells(ods));
  });
});
