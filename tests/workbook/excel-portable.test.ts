/**
 * Make portable and restore through the Excel port, against the strict fake: every JY.REWARD and
 * spilled JY.FUNDING cell gets a native formula, JY.CHECK cells keep their values, the record goes
 * in (very hidden, text cells) before any formula changes, with the note sheet and the hidden
 * _JY_* names; restore writes every original back byte for byte and removes what make-portable
 * added. Every batch stays under the budget.
 */
import { ExcelWorkbook } from "../../src/workbook/excel";
import { NOTE_SHEET, RECORD_SHEET, RECORD_VERSION } from "../../src/portable/record";
import { DEFINED_NAME_SET } from "../../src/portable/native";
import { callsJy, translate } from "../../src/portable/formula";
import { fileToExcelFormula } from "../../src/portable/record";
import { FakeExcel } from "./fake-excel";
import { restoreAction } from "../../src/taskpane/actions";
import { STRINGS } from "../../src/taskpane/i18n";

const F = (r: number) => `"元",E${r})`;
const FORMULAS = [
  ["行业", "第一年", "第二年", "标记", "镇街", "奖励", "市", "镇", "园区", "核查"],
  ["化工", 60000000, 60000000, "", "华士镇", `=JY.REWARD(A2,B2,C2,D2,${F(2)}`, `=JY.FUNDING(A2,B2,C2,D2,${F(2)}`, null, null, `=JY.CHECK(A2,B2,C2,D2,${F(2)}`],
  ["铸造", 12000000, 8000000, "铝加工", "周庄镇", `=JY.REWARD(A3,B3,C3,D3,${F(3)}`, `=JY.FUNDING(A3,B3,C3,D3,${F(3)}`, null, null, `=JY.CHECK(A3,B3,C3,D3,${F(3)}`],
  ["热电", 1, 1, "", "", `=JY.REWARD(A4,B4,C4,D4,${F(4)}`, "=SUM(B4:C4)", "", "", "备注"],
];
const VALUES = [
  FORMULAS[0],
  ["化工", 60000000, 60000000, "", "华士镇", 4800000, 4800000, 0, 0, "无异常"],
  ["铸造", 12000000, 8000000, "铝加工", "周庄镇", 400000, 280000, 120000, 0, "无异常"],
  ["热电", 1, 1, "", "", "#N/A", 2, "", "", "备注"],
];

/** The register on 台账 as Excel holds it: formulas with their values, the funding rows spilled. */
function workbook(): FakeExcel {
  const x = new FakeExcel();
  const s = x.addSheet("台账");
  FORMULAS.forEach((row, r) => row.forEach((f, c) => x.setCell(s, r, c, f, VALUES[r][c])));
  // The spilled town and park cells hold values only.
  for (const r of [1, 2]) for (const c of [7, 8]) x.setCell(s, r, c, VALUES[r][c]);
  s.spills.set("1,6", { rows: 1, cols: 3 });
  s.spills.set("2,6", { rows: 1, cols: 3 });
  x.addSheet("说明", [["本表说明"]]);
  x.names.set("表头", { formula: "=台账!$A$1:$J$1", visible: true });
  return x;
}

const cellsOf = (x: FakeExcel, sheet: string) => FORMULAS.map((row, r) => row.map((_, c) => x.formulaAt(sheet, r, c)));

describe("Excel make portable", () => {
  test("natives for REWARD and each spilled FUNDING cell, CHECK frozen, the record very hidden, names hidden", async () => {
    const x = workbook();
    const report = await new ExcelWorkbook(x.host()).makePortable();
    expect(report.skipped).toEqual([]);
    expect(report.converted.map((c) => `${c.kind} ${c.cell}`).sort()).toEqual(
      ["native F2", "native F3", "native F4", "native G2", "native H2", "native I2", "native G3", "native H3", "native I3", "frozen J2", "frozen J3"].sort(),
    );
    for (const [r, c] of [[1, 5], [2, 5], [3, 5], [1, 6], [1, 7], [1, 8], [2, 6], [2, 7], [2, 8]]) {
      const f = x.formulaAt("台账", r, c) as string;
      expect(f.startsWith("=")).toBe(true);
      expect(callsJy(f.slice(1))).toBe(false);
      expect(f).toMatch(/_JY_M1/);
    }
    expect(x.formulaAt("台账", 1, 9)).toBe("无异常");
    expect(x.formulaAt("台账", 3, 6)).toBe("=SUM(B4:C4)");
    expect(x.sheets.map((s) => [s.name, s.visibility])).toEqual([["台账", "Visible"], ["说明", "Visible"], [RECORD_SHEET, "VeryHidden"], [NOTE_SHEET, "Visible"]]);
    for (const n of DEFINED_NAME_SET) expect(x.names.get(n)).toMatchObject({ visible: false, formula: expect.stringMatching(/^=\{/) });
    // The record: text cells ("@"), the version, each original formula as Range.formulas gave it.
    const rec = x.sheet(RECORD_SHEET)!;
    expect(x.formulaAt(RECORD_SHEET, 0, 0)).toBe(RECORD_VERSION);
    expect(rec.numberFormats.get("0,0")).toBe("@");
    const rows = rec.cells.map((r) => (r ?? []).map((c) => c?.value ?? ""));
    // A column converted alike is one record row (a run from its first cell).
    const at = (cell: string) => rows.find((r) => r[1] === cell || String(r[1]).startsWith(`${cell}:`))!;
    const f2 = at("F2");
    expect(f2.slice(2, 5)).toEqual(["native", '_xldudf_JY_REWARD(A2,B2,C2,D2,"元",E2)', '<c r="F2"><f>_xldudf_JY_REWARD(A2,B2,C2,D2,&quot;元&quot;,E2)</f></c>']);
    expect(f2[6]).toBe(FORMULAS[1][5]);
    expect(at("H2").slice(2, 5)).toEqual(["spill", "", '<c r="H2"/>']);
  });

  test("a workbook that already has the record is left alone", async () => {
    const x = workbook();
    x.addSheet(RECORD_SHEET, [[RECORD_VERSION]]);
    const before = cellsOf(x, "台账");
    expect((await new ExcelWorkbook(x.host()).makePortable()).alreadyPortable).toBe(true);
    expect(cellsOf(x, "台账")).toEqual(before);
  });
});

describe("Excel restore", () => {
  test("every original formula back byte for byte; spilled cells cleared; record, note and names removed", async () => {
    const x = workbook();
    const wb = new ExcelWorkbook(x.host());
    const before = cellsOf(x, "台账");
    await wb.makePortable();
    const report = await wb.restorePortable();
    expect(report.missing).toEqual([]);
    expect(report.restored).toHaveLength(11);
    const after = cellsOf(x, "台账");
    // The spilled town and park cells are blank again, for the restored JY.FUNDING to spill into.
    const expected = before.map((row, r) => row.map((v, c) => ((r === 1 || r === 2) && (c === 7 || c === 8) ? "" : v)));
    expect(after).toEqual(expected);
    expect(x.sheets.map((s) => s.name)).toEqual(["台账", "说明"]);
    expect([...x.names.keys()]).toEqual(["表头"]);
    expect((await wb.restorePortable()).wasPortable).toBe(false);
  });

  test("a record written by jyreward portable (file form) restores with the JY names Excel shows", async () => {
    const x = workbook();
    const file = '_xldudf_JY_REWARD(A2,B2,C2,D2,"元",E2)';
    const t = translate(file);
    if (t.kind !== "native") throw new Error("expected a native translation");
    const esc = (v: string) => v.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
    const rec = x.addSheet(RECORD_SHEET, [
      [RECORD_VERSION, "calcChain", "2"],
      ["sheet", "cell", "kind", "formula", "original <c>", "portable <c>"],
      ["台账", "F2", "native", file, `<c r="F2" s="1"><f>${esc(file)}</f><v>4800000</v></c>`, `<c r="F2" s="1"><f t="array" ref="F2">${esc(t.formula)}</f><v>4800000</v></c>`],
      ["台账", "H2", "spill", "", '<c r="H2"><v>0</v></c>', '<c r="H2"><v>0</v></c>'],
      ["", "", "calcChain", "", "<calcChain/>", ""],
    ]);
    rec.visibility = "VeryHidden";
    // The sheet as jyreward portable left it: the native formula in F2, H2 a plain value.
    x.setCell(x.sheet("台账")!, 1, 5, fileToExcelFormula(t.formula), 4800000);
    const report = await new ExcelWorkbook(x.host()).restorePortable();
    expect(report.refused).toEqual([]);
    expect(report.restored).toEqual([{ sheet: "台账", cell: "F2" }, { sheet: "台账", cell: "H2" }]);
    expect(x.formulaAt("台账", 1, 5)).toBe('=JY.REWARD(A2,B2,C2,D2,"元",E2)');
    expect(x.formulaAt("台账", 1, 7)).toBe("");
    expect(x.sheet(RECORD_SHEET)).toBeUndefined();
  });

  test("rows inserted above the register since: each cell found where it moved and restored there, not in the header", async () => {
    const x = workbook();
    await new ExcelWorkbook(x.host()).makePortable();
    const portable = cellsOf(x, "台账");
    x.insertRows("台账", 0, 2);
    const report = await new ExcelWorkbook(x.host()).restorePortable();
    expect(report.refused).toEqual([]);
    expect(report.moved!.map((m) => `${m.cell}→${m.now}`)).toContain("F2→F4");
    // The header row (now row 3) is as it was; every original back two rows down, its references with it.
    expect(FORMULAS[0].map((_, c) => x.formulaAt("台账", 2, c))).toEqual(portable[0]);
    expect(x.formulaAt("台账", 3, 5)).toBe('=JY.REWARD(A4,B4,C4,D4,"元",E4)');
    expect(x.formulaAt("台账", 4, 6)).toBe('=JY.FUNDING(A5,B5,C5,D5,"元",E5)');
    expect(x.formulaAt("台账", 4, 7)).toBe("");
    expect(x.formulaAt("台账", 3, 9)).toBe('=JY.CHECK(A4,B4,C4,D4,"元",E4)');
    expect(x.sheet(RECORD_SHEET)).toBeUndefined();
  });

  test("a cell edited since make-portable is refused: left as it is, listed, and the record rewritten with its entry only", async () => {
    const x = workbook();
    await new ExcelWorkbook(x.host()).makePortable();
    x.setCell(x.sheet("台账")!, 1, 5, 999, 999);
    const report = await new ExcelWorkbook(x.host()).restorePortable();
    expect(report.refused!.map((r) => r.cell)).toEqual(["F2"]);
    expect(x.formulaAt("台账", 1, 5)).toBe(999);
    // The other cells are back.
    expect(x.formulaAt("台账", 2, 5)).toBe(FORMULAS[2][5]);
    expect(x.formulaAt("台账", 1, 6)).toBe(FORMULAS[1][6]);
    // The record keeps F2's entry alone (very hidden, text), no stale row below it; note and names stay.
    const rec = x.sheet(RECORD_SHEET)!;
    expect(rec.visibility).toBe("VeryHidden");
    const rows = rec.cells.map((r) => (r ?? []).map((c) => c?.value ?? ""));
    const entries = rows.slice(2).filter((r) => r.some((v) => v !== ""));
    expect(entries.map((r) => r[1])).toEqual(["F2"]);
    expect(x.sheet(NOTE_SHEET)).toBeDefined();
    for (const n of DEFINED_NAME_SET) expect(x.names.has(n)).toBe(true);
    // Once F2 holds its portable formula again, a second restore finishes and removes the record.
    const f2 = rows[2][5] as string;
    const native = /<f\b[^>]*>([\s\S]*?)<\/f>/.exec(f2)![1].replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
    x.setCell(x.sheet("台账")!, 1, 5, fileToExcelFormula(native), 4800000);
    const again = await new ExcelWorkbook(x.host()).restorePortable();
    expect(again.refused).toEqual([]);
    expect(x.formulaAt("台账", 1, 5)).toBe(FORMULAS[1][5]);
    expect(x.sheet(RECORD_SHEET)).toBeUndefined();
  });

  test("a damaged record (a row emptied) restores nothing and is left exactly as it is", async () => {
    const x = workbook();
    await new ExcelWorkbook(x.host()).makePortable();
    const rec = x.sheet(RECORD_SHEET)!;
    rec.cells[3] = [];
    const before = cellsOf(x, "台账");
    const recordBefore = JSON.stringify(rec.cells);
    const report = await new ExcelWorkbook(x.host()).restorePortable();
    expect(report.damaged!.map((d) => d.zh)).toContain("记录损坏：记录第 4 行被清空");
    expect(report.restored).toEqual([]);
    expect(cellsOf(x, "台账")).toEqual(before);
    expect(JSON.stringify(x.sheet(RECORD_SHEET)!.cells)).toBe(recordBefore);
  });

  test("the pane's Restore says which cells were not restored and why, in the pane's language, and offers no undo then", async () => {
    const x = workbook();
    const wb = new ExcelWorkbook(x.host());
    await wb.makePortable();
    x.setCell(x.sheet("台账")!, 1, 5, 999, 999);
    const state = { status: "idle" as const, scan: null, register: null, error: null, at: null };
    const partly = await restoreAction.run({ port: wb, state, lang: "zh", s: STRINGS.zh, year: 2025 });
    expect(partly.message).toMatch(/^已恢复 \d+ 个单元格的原公式；以下 1 个未恢复，记录仍保留在工作簿中，核对后可再次恢复：台账!F2 \S+/);
    expect(partly.undo).toBeUndefined();
    // Emptying a record row damages it: nothing is changed, and the English pane says so.
    x.sheet(RECORD_SHEET)!.cells[2] = [];
    const damaged = await restoreAction.run({ port: wb, state, lang: "en", s: STRINGS.en, year: 2025 });
    expect(damaged.message).toMatch(/^Not restored: the JY_ORIGINALS record is damaged or incomplete; nothing in the workbook was changed\. /);
    expect(damaged.undo).toBeUndefined();
  });

  test("a small budget splits the same work into more, smaller batches with the same result", async () => {
    const big = workbook();
    await new ExcelWorkbook(big.host()).makePortable();
    const small = workbook();
    await new ExcelWorkbook(small.host(), { batchBytes: 20_000 }).makePortable();
    expect(small.syncs).toBeGreaterThan(big.syncs);
    expect(small.largestRequest).toBeLessThanOrEqual(20_000 + 2_000);
    expect(cellsOf(small, "台账")).toEqual(cellsOf(big, "台账"));
    expect(small.sheet(RECORD_SHEET)!.cells.map((r) => r?.map((c) => c?.value))).toEqual(big.sheet(RECORD_SHEET)!.cells.map((r) => r?.map((c) => c?.value)));
  });
});
