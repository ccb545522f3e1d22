/**
 * The playground loads a large register without waiting for HyperFormula (loadSheetDeferred): the
 * pane reads and scans it at once, and HyperFormula computes the formulas behind it
 * (computeInBackground). What the port gives meanwhile must be what the fully built workbook gives,
 * formula cells aside (blank until computed), and the scan must be the same.
 */
import { scanRegister } from "../../src/engine/register";
import type { RegisterRead } from "../../src/workbook";
import { PlaygroundWorkbook } from "../../src/playground/workbook";
import { generatedSheet, SAMPLE_SHEET, SAMPLE_TABLE, SAMPLE_TODAY, sampleSheet } from "../../src/playground/sample";
import { TEMPLATE_COLUMNS } from "../../src/workbook/template";
import type { SpecCell } from "../../src/workbook/sheets";

const FORMULA_COLUMNS = TEMPLATE_COLUMNS.flatMap((c, i) => (c.formula ? [i] : []));

function both(rows: SpecCell[][], table: string | null = SAMPLE_TABLE) {
  const full = new PlaygroundWorkbook();
  full.loadSheet(SAMPLE_SHEET, rows, {}, table);
  const deferred = new PlaygroundWorkbook();
  deferred.loadSheetDeferred(SAMPLE_SHEET, rows, {}, table);
  return { full, deferred };
}

const scanOf = (r: RegisterRead) => scanRegister({ headers: r.headers, rows: r.rows, origin: { row: r.top, col: r.left }, today: SAMPLE_TODAY });
const withoutFormulas = (r: RegisterRead, formulaCols: number[]) => ({ ...r, rows: r.rows.map((row) => row.map((v, c) => (formulaCols.includes(c) ? null : v))) });

describe("a register loaded before HyperFormula has it", () => {
  test.each([
    ["the sample register", () => sampleSheet()],
    ["2,000 generated rows", () => generatedSheet(2000)],
  ])("%s: the same read (formula cells blank until computed) and the same scan; then the same workbook", async (_, make) => {
    const rows = make();
    const { full, deferred } = both(rows);
    expect(deferred.computing).toBe(true);
    const a = (await full.readRegister(null)) as RegisterRead;
    const b = (await deferred.readRegister(null)) as RegisterRead;
    expect(b.rows.length).toBe(rows.length - 1);
    expect(b.rows.every((r) => FORMULA_COLUMNS.every((c) => r[c] === null))).toBe(true);
    expect(b).toEqual(withoutFormulas(a, FORMULA_COLUMNS));
    expect(scanOf(b)).toEqual(scanOf(a));
    expect(deferred.sheetSize(SAMPLE_SHEET)).toEqual(full.sheetSize(SAMPLE_SHEET));
    for (const [r, c] of [[0, 0], [1, 1], [2, 5], [rows.length - 1, 6], [rows.length - 1, 12]]) {
      expect(deferred.cell(SAMPLE_SHEET, r, c)).toEqual(full.cell(SAMPLE_SHEET, r, c));
      expect(deferred.cellInput(SAMPLE_SHEET, r, c)).toBe(full.cellInput(SAMPLE_SHEET, r, c));
    }
    expect(deferred.cellInput(SAMPLE_SHEET, 1, FORMULA_COLUMNS[0])).toBe(full.cellInput(SAMPLE_SHEET, 1, FORMULA_COLUMNS[0]));

    const { ms } = await deferred.computeInBackground(300);
    expect(ms).toBeGreaterThan(0);
    expect(deferred.computing).toBe(false);
    expect(await deferred.readRegister(null)).toEqual(a);
    expect(deferred.hf.getSheetSerialized(0)).toEqual(full.hf.getSheetSerialized(0));
  });

  test("numbers read as HyperFormula rounds them; text stays text; a region without a table too", async () => {
    const rows: SpecCell[][] = [
      ["企业名称", "行业", "第一年销售额", "第二年销售额", "备注"],
      ["甲", "化工", 0.1 + 0.2, 123456789.123456789, "TRUE"],
      ["乙", "铸造", -1e-7 / 3, 1e21, "#N/A"],
      ["丙", "2614", 5e-324, 0, " 12 "],
      ["丁", "化工", 60000000, 60000000.005, "=1+1"],
      [null, null, null, null, null],
      ["戊", "化工", 1, 2, ""],
    ];
    const { full, deferred } = both(rows, null);
    const a = await full.readRegister(null);
    const b = await deferred.readRegister(null);
    expect(b).toEqual(a);
    expect(b?.rows[0][2]).toBe(0.3);
    expect(b?.rows[0][4]).toBe("TRUE");
    expect(b?.rows[1][4]).toBe("#N/A");
  });

  test("an edit while rows are deferred moves them all over first, and lands", async () => {
    const { full, deferred } = both(generatedSheet(500));
    deferred.setCellInput(SAMPLE_SHEET, 400, 5, "12345678");
    full.setCellInput(SAMPLE_SHEET, 400, 5, "12345678");
    expect(deferred.computing).toBe(false);
    expect(await deferred.readRegister(null)).toEqual(await full.readRegister(null));
    const computed = deferred.cell(SAMPLE_SHEET, 400, FORMULA_COLUMNS[0]);
    expect(computed.value !== null || computed.error !== null).toBe(true);
    expect(computed).toEqual(full.cell(SAMPLE_SHEET, 400, FORMULA_COLUMNS[0]));
  });

  test("content HyperFormula would change (a non-finite number) is loaded at once", () => {
    const wb = new PlaygroundWorkbook();
    wb.loadSheetDeferred("S", [["a", "b"], [1, Infinity]]);
    expect(wb.computing).toBe(false);
    expect(wb.cell("S", 1, 1).error?.code).toBe("#NUM!");
  });
});
