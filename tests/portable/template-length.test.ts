/**
 * The register template's formulas (src/workbook/template.ts: structured references) stay within
 * Excel's 8,192 characters once made portable — in the form the pane reads them ([@[行业]]) and in
 * the form a saved file holds them (JY登记表[[#This Row],[行业]], much longer) — and a file made
 * from the template goes through make-portable with every formula converted.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { translate } from "../../src/portable/formula";
import { MAX_FORMULA_CHARS } from "../../src/portable/native";
import { makePortable } from "../../src/portable/xlsx";
import { registerTemplate, rowFormula, TEMPLATE_COLUMNS, TEMPLATE_TABLE } from "../../src/workbook/template";
import type { Unit } from "../../src/engine";

/** A template formula as a saved file holds it: no "=", [@[x]] spelled out, JY calls as Excel saves them. */
export function fileForm(excel: string, table = TEMPLATE_TABLE): string {
  return excel
    .slice(1)
    .replace(/\[@\[((?:[^\]']|'.)*)\]\]/g, (_, h: string) => `${table}[[#This Row],[${h}]]`)
    .replace(/JY\.(REWARD|FUNDING|CHECK|DETAIL)\(/g, "_xldudf_JY_$1(");
}

const UNITS: Unit[] = ["元", "万元"];
const KINDS = ["reward", "city", "town", "park"] as const;

describe("the register template made portable", () => {
  test.each(UNITS)("every formula within 8,192 characters, structured and as saved (%s)", (unit) => {
    const lengths: number[] = [];
    for (const kind of KINDS) {
      const f = rowFormula(kind, unit, 2);
      for (const text of [f.excel.slice(1), fileForm(f.excel), f.a1.slice(1)]) {
        const t = translate(text);
        if (t.kind !== "native") throw new Error(`${kind}: ${t.kind}`);
        lengths.push(t.formula.length);
      }
    }
    expect(Math.max(...lengths)).toBeLessThanOrEqual(MAX_FORMULA_CHARS);
    // The saved (longest) form keeps a margin for a longer table name.
    expect(Math.max(...lengths)).toBeLessThan(MAX_FORMULA_CHARS - 400);
  });

  test.each(UNITS)("a file made from the template: every JY formula converted (%s)", async (unit) => {
    const spec = registerTemplate(unit, 2025);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(spec.name);
    const headers = spec.cells[0] as string[];
    const rows = spec.cells.slice(1).map((r) =>
      r.map((c) => (c !== null && typeof c === "object" ? ({ formula: fileForm(c.formula.excel) } as ExcelJS.CellFormulaValue) : c)),
    );
    ws.addTable({ name: TEMPLATE_TABLE, ref: "A1", headerRow: true, columns: headers.map((name) => ({ name })), rows });
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const { report } = await makePortable(bytes, JSZip);
    expect(report.skipped).toEqual([]);
    const formulaColumns = TEMPLATE_COLUMNS.filter((c) => c.formula && c.formula !== "check").length;
    expect(report.converted.filter((c) => c.kind === "native")).toHaveLength(formulaColumns * rows.length);
    expect(report.converted.filter((c) => c.kind === "frozen")).toHaveLength(rows.length);
    for (const c of report.converted) {
      expect(c.formula).toContain(`${TEMPLATE_TABLE}[[#This Row],`);
      expect(c.portable.length).toBeLessThanOrEqual(MAX_FORMULA_CHARS);
    }
  });
});
