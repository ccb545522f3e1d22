/**
 * Make portable and restore in the playground's HyperFormula workbook, for real: the sample register
 * (JY.REWARD, INDEX(JY.FUNDING(…),1,k), JY.CHECK on every row) plus a sheet with a spilled
 * JY.FUNDING row and a plain formula. Portable: no JY call left, every value as before (native
 * formulas computed by HyperFormula), the record sheet hidden, the note visible, the _JY_* names
 * there. Restore: every formula byte-identical, every value as before, nothing else changed.
 */
import { PlaygroundWorkbook } from "../../src/playground/workbook";
import { SAMPLE_SHEET, SAMPLE_TABLE, sampleSheet } from "../../src/playground/sample";
import { NOTE_SHEET, RECORD_SHEET } from "../../src/portable/record";
import { DEFINED_NAME_SET } from "../../src/portable/native";
import { callsJy } from "../../src/portable/formula";

const OTHER = "其它表";

function workbook(): PlaygroundWorkbook {
  const wb = new PlaygroundWorkbook("zh-CN");
  wb.loadSheet(SAMPLE_SHEET, sampleSheet(), {}, SAMPLE_TABLE);
  wb.loadSheet(OTHER, [
    ["行业", "第一年", "第二年", "市", "镇", "园区", "合计"],
    ["铸造", 12000000, 8000000, { formula: { excel: "", a1: '=JY.FUNDING(A2,B2,C2,"","元","华士镇")' } }, null, null, { formula: { excel: "", a1: "=SUM(D2:F2)" } }],
    ["化工", 60000000, 60000000, { formula: { excel: "", a1: '=JY.FUNDING(A3,B3,C3,"","元","高新区")' } }, null, null, { formula: { excel: "", a1: "=SUM(D3:F3)" } }],
    ["热电", 1, 1, { formula: { excel: "", a1: '=JY.REWARD(A4,B4,C4)' } }, "备注", null, null],
  ]);
  return wb;
}

/** Every sheet's formulas and values, as HyperFormula gives them. */
function snapshot(wb: PlaygroundWorkbook, sheets: string[]) {
  return Object.fromEntries(
    sheets.map((name) => {
      const id = wb.hf.getSheetId(name)!;
      return [name, { formulas: wb.hf.getSheetFormulas(id), serialized: wb.hf.getSheetSerialized(id), values: wb.hf.getSheetValues(id) }];
    }),
  );
}

describe("make portable / restore in the playground", () => {
  test("values stay, the originals come back byte for byte, nothing else changes", async () => {
    const wb = workbook();
    const sheets = wb.hf.getSheetNames();
    const before = snapshot(wb, sheets);
    const jyBefore = sheets.flatMap((s) => before[s].formulas.flat().filter((f): f is string => typeof f === "string" && callsJy(f)));
    expect(jyBefore.length).toBeGreaterThan(46 * 4);

    const report = await wb.makePortable();
    expect(report.skipped).toEqual([]);
    expect(report.alreadyPortable).toBe(false);
    // 46 rows × (reward, city, town, park) + 2 spilled funding rows × 3 + one reward; 46 checks frozen.
    expect(report.converted.filter((c) => c.kind === "native")).toHaveLength(46 * 4 + 2 * 3 + 1);
    expect(report.converted.filter((c) => c.kind === "frozen")).toHaveLength(46);

    // The record first: it is in place before any formula changes.
    expect(wb.hf.getSheetNames()).toEqual([...sheets, RECORD_SHEET, NOTE_SHEET]);
    expect(wb.visibleSheetNames()).toEqual([...sheets, NOTE_SHEET]);
    expect(wb.hf.listNamedExpressions().sort()).toEqual([...DEFINED_NAME_SET].sort());
    const during = snapshot(wb, sheets);
    for (const s of sheets) {
      expect(during[s].formulas.flat().filter((f) => typeof f === "string" && callsJy(f))).toEqual([]);
      // Same values everywhere: native amounts equal to the 分, checks frozen, error cells still
      // error values (#N/A for a sector not covered may read #VALUE! natively: README, Sharing).
      const norm = (v: unknown) => (v !== null && typeof v === "object" ? "error value" : v);
      expect([s, during[s].values.map((r) => r.map(norm))]).toEqual([s, before[s].values.map((r) => r.map(norm))]);
    }
    expect(wb.cellInput(NOTE_SHEET, 0, 0)).toContain("通用公式");
    expect((await wb.makePortable()).alreadyPortable).toBe(true);

    const restored = await wb.restorePortable();
    expect(restored.missing).toEqual([]);
    expect(restored.restored.length).toBeGreaterThanOrEqual(report.converted.length);
    expect(wb.hf.getSheetNames()).toEqual(sheets);
    expect(wb.hf.listNamedExpressions()).toEqual([]);
    const after = snapshot(wb, sheets);
    for (const s of sheets) {
      expect([s, after[s].serialized]).toEqual([s, before[s].serialized]);
      expect([s, after[s].values]).toEqual([s, before[s].values]);
    }
    expect((await wb.restorePortable()).wasPortable).toBe(false);
  });

  test("restore checks each cell as it is now: an edited cell is refused and its entry kept, a row inserted above is followed", async () => {
    const wb = workbook();
    await wb.makePortable();
    const other = wb.hf.getSheetId(OTHER)!;
    // A title row inserted above the second register, and the reward in D5 (D4 before) overwritten.
    wb.hf.addRows(other, [0, 1]);
    wb.setCellInput(OTHER, 4, 3, "999");
    const report = await wb.restorePortable();
    expect(report.refused!.map((r) => `${r.sheet}!${r.cell}`)).toEqual([`${OTHER}!D4`]);
    expect(report.moved!.map((m) => `${m.cell}→${m.now}`)).toEqual(expect.arrayContaining(["D2→D3", "D3→D4"]));
    expect(wb.hf.getCellFormula({ sheet: other, row: 2, col: 3 })).toBe('=JY.FUNDING(A3,B3,C3,"","元","华士镇")');
    expect(wb.hf.getCellValue({ sheet: other, row: 4, col: 3 })).toBe(999);
    // The record stays with D4's entry alone; the note and the names with it.
    expect(wb.hf.getSheetNames()).toContain(RECORD_SHEET);
    expect(wb.hf.getSheetNames()).toContain(NOTE_SHEET);
    const record = wb.hf.getSheetValues(wb.hf.getSheetId(RECORD_SHEET)!);
    expect(record.slice(2).filter((r) => r.some((v) => v !== null && v !== "")).map((r) => `${r[0]}!${r[1]}`)).toEqual([`${OTHER}!D4`]);
    expect(wb.hf.listNamedExpressions().sort()).toEqual([...DEFINED_NAME_SET].sort());
  });
});
