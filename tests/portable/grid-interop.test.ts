/**
 * The pane's record and the .xlsx path's record are one format: a workbook made portable in Excel
 * (planned by src/portable/grid.ts), saved, is restored by `jyreward restore` (xlsx.ts) with every
 * original formula back as Excel saves it; and a file made portable by `jyreward portable` is
 * restored by the pane's plan (tests/workbook/excel-portable.test.ts checks the Office.js side).
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { findJyCells, planPortable, planRestore, type GridSheet } from "../../src/portable/grid";
import { excelToFileFormula, fileToExcelFormula, RECORD_SHEET, NOTE_SHEET } from "../../src/portable/record";
import { makePortable, restore } from "../../src/portable/xlsx";
import { policyClaims } from "./claims";
import { registerWorkbook } from "./fixture";

const SHEET: GridSheet = {
  name: "台账",
  top: 0,
  left: 0,
  formulas: [
    ["行业", "第一年", "第二年", "奖励", "市", "镇", "园区", "核查"],
    ["铸造", 12000000, 8000000, '=JY.REWARD(A2,B2,C2,"铝加工","元","周庄镇")', '=JY.FUNDING(A2,B2,C2,"铝加工","元","周庄镇")', 280000, 0, '=JY.CHECK(A2,B2,C2,"","元")'],
    ["化工", "60,000,000", 60000000, '=IF(A3="",0,JY.REWARD(A3,B3,C3))', '=INDEX(JY.FUNDING(A3,B3,C3),1,1)', "", "", ""],
  ],
  values: [
    ["行业", "第一年", "第二年", "奖励", "市", "镇", "园区", "核查"],
    ["铸造", 12000000, 8000000, 400000, 280000, 120000, 0, "无异常"],
    ["化工", "60,000,000", 60000000, 4800000, 4800000, "", "", ""],
  ],
};

describe("one record format for the pane and the .xlsx path", () => {
  test("made portable in the pane, saved by Excel, restored by jyreward restore", async () => {
    const cells = findJyCells([SHEET]);
    const plan = planPortable([SHEET], cells, (c) => (c.row === 1 && c.col === 4 ? { rows: 1, cols: 3 } : null));
    expect(plan.report.skipped).toEqual([]);
    // The workbook as Excel would save it after the pane's writes.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("台账");
    SHEET.values.forEach((row, r) => row.forEach((v, c) => (ws.getCell(r + 1, c + 1).value = v === "" ? null : (v as ExcelJS.CellValue))));
    for (const w of plan.writes) {
      const cell = ws.getCell(w.row + 1, w.col + 1);
      if (w.kind === "formula") cell.value = { formula: w.formula.slice(1), result: 0 } as ExcelJS.CellFormulaValue;
      else if (w.kind === "value") cell.value = w.value;
    }
    const note = wb.addWorksheet(NOTE_SHEET);
    plan.note.forEach((row) => note.addRow(row));
    const rec = wb.addWorksheet(RECORD_SHEET, { state: "veryHidden" });
    plan.record.forEach((row) => rec.addRow(row));
    const saved = new Uint8Array(await wb.xlsx.writeBuffer());

    const { bytes, report } = await restore(saved, JSZip);
    expect(report.missing).toEqual([]);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(back.worksheets.map((w) => w.name)).toEqual(["台账"]);
    const sheet = back.getWorksheet("台账")!;
    for (const c of cells) {
      const v = sheet.getCell(c.row + 1, c.col + 1).value as ExcelJS.CellFormulaValue;
      expect([c.formula, v.formula]).toEqual([c.formula, excelToFileFormula(c.formula, null)]);
      // …which is what Excel shows as the original once the add-in is loaded.
      expect(fileToExcelFormula(v.formula)).toBe(c.formula);
    }
    // The spilled town and park cells are empty again, for the restored JY.FUNDING to spill into.
    expect(sheet.getCell("F2").value).toBeNull();
    expect(sheet.getCell("G2").value).toBeNull();
  });

  test("made portable by jyreward portable, restored by the pane's plan", async () => {
    const { bytes } = await registerWorkbook(policyClaims().slice(0, 6));
    const { bytes: portable, report } = await makePortable(bytes, JSZip);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(portable as unknown as ArrayBuffer);
    const rec = wb.getWorksheet(RECORD_SHEET)!;
    const values: unknown[][] = [];
    rec.eachRow((row, r) => (values[r - 1] = (row.values as unknown[]).slice(1)));
    const plan = planRestore(values, wb.worksheets.map((w) => w.name));
    expect(plan.report.missing).toEqual([]);
    const formulas = new Map(plan.writes.filter((w) => w.kind === "formula").map((w) => [`${w.sheet}!${String.fromCharCode(65 + w.col)}${w.row + 1}`, (w as { formula: string }).formula]));
    const anchors = report.converted.filter((c) => !(c.cell.startsWith("H") || c.cell.startsWith("I")) || c.kind === "frozen");
    for (const c of anchors) expect([c.cell, formulas.get(`${c.sheet}!${c.cell}`)]).toEqual([c.cell, fileToExcelFormula(c.formula)]);
    expect(formulas.get("台账!F2")).toMatch(/^=JY\.REWARD\(A2,/);
    // Spilled funding cells are cleared, the rest written.
    const clears = plan.writes.filter((w) => w.kind === "clear");
    expect(clears.length).toBe(report.converted.filter((c) => /^[HI]/.test(c.cell)).length);
    expect(plan.writes.indexOf(clears[0])).toBe(0);
    // The row names the cells used go with the record.
    const workbookXml = await (await JSZip.loadAsync(portable)).file("xl/workbook.xml")!.async("string");
    const rowNames = [...workbookXml.matchAll(/name="(_JY_[CV]\d+)"/g)].map((m) => m[1]).sort();
    expect(rowNames.length).toBeGreaterThan(0);
    expect([...plan.names].sort()).toEqual(rowNames);
  });
});
