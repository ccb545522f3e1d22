/**
 * Tables' calculated columns (xl/tables/tableN.xml) and qualified structured references.
 * A file made from the register template with its formula columns as calculated columns: make-portable
 * converts each column's formula (what Excel fills into a row added to the table) as it converts the
 * cells, takes away the JY.CHECK column's (its cells are frozen values), changes nothing else in the
 * table part, and restore gives every part back byte for byte.
 */
import JSZip from "jszip";
import { excelToFileFormula, convertFormula, CALCULATED_COLUMN, parseRecord, RECORD_VERSION } from "../../src/portable/record";
import { findCalls, shiftFormula, translate } from "../../src/portable/formula";
import { findJyCells, planPortable, planRestore, type GridSheet } from "../../src/portable/grid";
import { MAX_FORMULA_CHARS } from "../../src/portable/native";
import { makePortable, restore } from "../../src/portable/xlsx";
import { TEMPLATE_COLUMNS, TEMPLATE_TABLE, rowFormula } from "../../src/workbook/template";
import type { Unit } from "../../src/engine";
import { reportText } from "../../src/cli/portable";
import { fileForm, TABLE_PART, templateFile } from "./template-file";

async function parts(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, string>();
  for (const name of Object.keys(zip.files).sort()) if (!zip.files[name].dir) out.set(name, await zip.files[name].async("string"));
  return out;
}
const columnFormulas = (xml: string) =>
  new Map([...xml.matchAll(/<tableColumn\b[^>]*name="([^"]*)"[^>]*?(?:\/>|>([\s\S]*?)<\/tableColumn>)/g)].map((m) => [m[1], m[2] ?? ""]));
const UNITS: Unit[] = ["元", "万元"];

describe("tables' calculated columns in make-portable / restore", () => {
  test.each(UNITS)("the template's calculated columns become native, the check column's is taken away; restore byte for byte (%s)", async (unit) => {
    const { bytes, rows } = await templateFile(unit, { calculatedColumns: true });
    const before = await parts(bytes);
    expect(before.get(TABLE_PART)).toContain("<calculatedColumnFormula>_xldudf_JY_REWARD(");
    const { bytes: portable, report } = await makePortable(bytes, JSZip);
    const after = await parts(portable);

    expect(report.skipped).toEqual([]);
    const formulaColumns = TEMPLATE_COLUMNS.filter((c) => c.formula);
    expect(report.columns).toHaveLength(formulaColumns.length);
    for (const c of formulaColumns) {
      const header = c.header(unit);
      const col = report.columns!.find((x) => x.column === header)!;
      expect(col).toMatchObject({ table: TEMPLATE_TABLE, kind: c.formula === "check" ? "frozen" : "native", formula: fileForm(rowFormula(c.formula!, unit, 2).excel) });
      if (c.formula === "check") continue;
      // The column's native formula is the one its cells got (structured references: the same in every row).
      const cellNatives = new Set(report.converted.filter((x) => x.formula === col.formula).map((x) => x.portable));
      expect([...cellNatives]).toEqual([col.portable]);
      expect(col.portable.length).toBeLessThanOrEqual(MAX_FORMULA_CHARS);
      expect(col.portable).toContain(`${TEMPLATE_TABLE}[[#This Row],`);
    }
    expect(report.converted.filter((c) => c.kind === "native")).toHaveLength((formulaColumns.length - 1) * rows);
    expect(reportText(report, "zh")).toContain(`表格计算列：${formulaColumns.length - 1} 列改为通用公式，1 列`);
    expect(reportText(report, "en")).toContain(`Table calculated columns: ${formulaColumns.length - 1} made portable, 1 (frozen`);

    // The table part: no JY call left; every column without a JY formula, and everything outside the
    // calculated-column formulas, byte-identical.
    const table = after.get(TABLE_PART)!;
    expect(table).not.toMatch(/JY_(REWARD|FUNDING|CHECK|DETAIL)|JY\.(REWARD|FUNDING|CHECK|DETAIL)/);
    const strip = (x: string) => x.replace(/<calculatedColumnFormula\b[^>]*>[\s\S]*?<\/calculatedColumnFormula>/g, "");
    expect(strip(table)).toBe(strip(before.get(TABLE_PART)!));
    const a = columnFormulas(before.get(TABLE_PART)!);
    const b = columnFormulas(table);
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [name, inner] of a) {
      const col = report.columns!.find((x) => x.column === name);
      if (!col) expect([name, b.get(name)]).toEqual([name, inner]);
      else if (col.kind === "frozen") expect([name, b.get(name)]).toEqual([name, ""]);
      else expect(b.get(name)).toBe(`<calculatedColumnFormula array="1">${col.portable.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")}</calculatedColumnFormula>`);
    }
    // Parts: only the sheet, the table, the workbook's index parts and the two added sheets differ.
    const touched = new Set(["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "xl/worksheets/sheet1.xml", TABLE_PART]);
    for (const [name, content] of before) if (!touched.has(name)) expect([name, after.get(name)]).toEqual([name, content]);

    // The record holds each column's original element.
    const zip = await JSZip.loadAsync(portable);
    const recordPath = [...after.keys()].find((n) => n.startsWith("xl/worksheets/") && after.get(n)!.includes(RECORD_VERSION))!;
    const texts = new Map([...zip.file(recordPath) ? [(await zip.file(recordPath)!.async("string"))] : []].flatMap((xml) =>
      [...xml.matchAll(/<c r="([A-Z]+\d+)" t="inlineStr"><is><t xml:space="preserve">([\s\S]*?)<\/t><\/is><\/c>/g)].map((m) => [m[1], m[2].replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&")] as const),
    ));
    const { rows: recorded } = parseRecord((ref) => texts.get(ref));
    const columnRows = recorded.filter((r) => r.kind === CALCULATED_COLUMN);
    expect(columnRows.map((r) => r.cell).sort()).toEqual(formulaColumns.map((c) => `${TEMPLATE_TABLE}[${c.header(unit)}]`).sort());
    for (const r of columnRows) expect(before.get(TABLE_PART)).toContain(r.original);

    // The pane's restore plan leaves the column rows to the cells (and does not call them missing).
    const lastRow = Math.max(...[...texts.keys()].map((ref) => Number(/\d+$/.exec(ref)![0])));
    const values = [...Array(lastRow)].map((_, r) => ["A", "B", "C", "D", "E", "F", "G", "H", "I"].map((c) => texts.get(`${c}${r + 1}`) ?? ""));
    const paneRestore = planRestore(values, ["退出企业登记表"]);
    expect(paneRestore.report.missing).toEqual([]);
    expect(paneRestore.report.damaged).toEqual([]);
    expect(paneRestore.report.restored).toHaveLength(recorded.length - columnRows.length);

    const { bytes: back, report: r2 } = await restore(portable, JSZip);
    expect(r2.missing).toEqual([]);
    expect(r2.edited).toEqual([]);
    expect(r2.restored).toHaveLength(recorded.length);
    const restored = await parts(back);
    expect([...restored.keys()]).toEqual([...before.keys()]);
    for (const [name, content] of before) expect([name, restored.get(name)]).toEqual([name, content]);
  });

  test("a calculated column re-saved by another host without its formula gets it back; a whole JY.FUNDING column is not converted", async () => {
    const { bytes } = await templateFile("元", { calculatedColumns: true });
    const { bytes: portable } = await makePortable(bytes, JSZip);
    // Another host dropped the native formula of the reward column and wrote the element self-closed.
    const zip = await JSZip.loadAsync(portable);
    const rewardHeader = TEMPLATE_COLUMNS.find((c) => c.formula === "reward")!.header("元");
    const xml = (await zip.file(TABLE_PART)!.async("string")).replace(
      new RegExp(`(<tableColumn [^>]*name="${rewardHeader.replace(/[()（）]/g, "\\$&")}"[^>]*)><calculatedColumnFormula[\\s\\S]*?</calculatedColumnFormula></tableColumn>`),
      "$1/>",
    );
    zip.file(TABLE_PART, xml);
    const { bytes: back, report } = await restore(await zip.generateAsync({ type: "uint8array" }), JSZip);
    expect(report.missing).toEqual([]);
    const restoredTable = await (await JSZip.loadAsync(back)).file(TABLE_PART)!.async("string");
    expect(restoredTable).toBe(await (await JSZip.loadAsync(bytes)).file(TABLE_PART)!.async("string"));

    // A calculated column holding a whole JY.FUNDING (a row that cannot spill in a table): skipped, left as it was.
    const z2 = await JSZip.loadAsync(bytes);
    const t2 = (await z2.file(TABLE_PART)!.async("string")).replace(/_xldudf_JY_REWARD\(([^<]*)\)<\/calculatedColumnFormula>/, "_xldudf_JY_FUNDING($1)</calculatedColumnFormula>");
    z2.file(TABLE_PART, t2);
    const { bytes: p2, report: rep2 } = await makePortable(await z2.generateAsync({ type: "uint8array" }), JSZip);
    expect(rep2.skipped).toEqual([expect.objectContaining({ cell: `${TEMPLATE_TABLE}[${rewardHeader}]`, en: expect.stringContaining("#SPILL!") })]);
    expect(await (await JSZip.loadAsync(p2)).file(TABLE_PART)!.async("string")).toContain("_xldudf_JY_FUNDING(");
  });
});

describe("qualified structured references in JY arguments", () => {
  test.each([
    ["=JY.REWARD(T1[@行业],T1[@[第一年 销售额]],[@[第二年]])", "T9", "_xldudf_JY_REWARD(T1[[#This Row],[行业]],T1[[#This Row],[第一年 销售额]],T9[[#This Row],[第二年]])"],
    ["=JY.REWARD([@x],[[#This Row],[y]],T1[[#This Row],[z]])", "T9", "_xldudf_JY_REWARD(T9[[#This Row],[x]],T9[[#This Row],[y]],T1[[#This Row],[z]])"],
    // No table known for the cell: qualified references are still spelled out, bare ones cannot be.
    ["=JY.REWARD(T1[@a],[@b],3)", null, "_xldudf_JY_REWARD(T1[[#This Row],[a]],[@b],3)"],
    // Escapes inside brackets, and look-alikes inside text, stay.
    [`=JY.REWARD(T1[@[a']b]],"T1[@a]",T1[@[c'#d]])`, null, `_xldudf_JY_REWARD(T1[[#This Row],[a']b]],"T1[@a]",T1[[#This Row],[c'#d]])`],
  ])("%s as a file holds it", (excel, table, file) => {
    expect(excelToFileFormula(excel, table)).toBe(file);
  });

  test("arguments with brackets and escaped brackets are read whole; columns named like cells do not shift", () => {
    expect(findCalls(`_xldudf_JY_REWARD(T1[[#This Row],[a']b]],T1[@x],1,T1[@[c,d]])`)[0].args).toEqual([`T1[[#This Row],[a']b]]`, "T1[@x]", "1", "T1[@[c,d]]"]);
    expect(shiftFormula("JY.REWARD([@Q1],B2,AB1[@Q1],T[[#This Row],[A1]])", 1, 1)).toBe("JY.REWARD([@Q1],C3,AB1[@Q1],T[[#This Row],[A1]])");
    const t = translate("JY.REWARD(T1[@行业],T1[@[第一年]],T1[@[第二年]])");
    expect(t.kind).toBe("native");
    if (t.kind === "native") expect(t.formula).toContain("T1[@行业]");
  });

  test("the 8,192-character check counts the form the file stores (Table[[#This Row],[x]]), not Table[@x]", () => {
    // A long column name: the Excel form of the native formula fits, the file form does not.
    let name = "";
    let excel = "";
    for (let n = 20; n < 2000; n += 5) {
      name = "列".repeat(n);
      excel = `=JY.REWARD(T1[@[${name}]],T1[@[${name}]],T1[@[${name}]])`;
      const t = translate(excel.slice(1));
      if (t.kind !== "native") throw new Error(t.kind);
      if (excelToFileFormula(t.formula, null).length > MAX_FORMULA_CHARS) break;
    }
    const native = translate(excel.slice(1));
    if (native.kind !== "native") throw new Error(native.kind);
    expect(native.formula.length).toBeLessThanOrEqual(MAX_FORMULA_CHARS);
    expect(excelToFileFormula(native.formula, null).length).toBeGreaterThan(MAX_FORMULA_CHARS);
    expect(() => convertFormula(excel.slice(1), 1, (f) => excelToFileFormula(f, null).length)).toThrow();

    // The pane's plan: the cell is not in a table of its own (tableAt → null), the qualified references still count spelled out.
    const sheet: GridSheet = { name: "S", top: 0, left: 0, formulas: [[excel]], values: [[0]] };
    const plan = planPortable([sheet], findJyCells([sheet]), () => null, () => null);
    expect(plan.report.converted).toEqual([]);
    expect(plan.report.skipped).toEqual([expect.objectContaining({ cell: "A1", en: expect.stringContaining("8,192") })]);
  });
});
