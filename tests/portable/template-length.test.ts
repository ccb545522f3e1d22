/**
 * The register template's formulas (src/workbook/template.ts: structured references) stay within
 * Excel's 8,192 characters once made portable — in the form the pane reads them ([@[行业]]) and in
 * the form a saved file holds them (JY登记表[[#This Row],[行业]], much longer) — and a file made
 * from the template goes through make-portable with every formula converted.
 */
import JSZip from "jszip";
import { translate } from "../../src/portable/formula";
import { MAX_FORMULA_CHARS } from "../../src/portable/native";
import { makePortable } from "../../src/portable/xlsx";
import { rowFormula, TEMPLATE_COLUMNS, TEMPLATE_TABLE } from "../../src/workbook/template";
import type { Unit } from "../../src/engine";
import { fileForm, templateFile } from "./template-file";

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
    const { bytes, rows } = await templateFile(unit);
    const { report } = await makePortable(bytes, JSZip);
    expect(report.skipped).toEqual([]);
    const formulaColumns = TEMPLATE_COLUMNS.filter((c) => c.formula && c.formula !== "check").length;
    expect(report.converted.filter((c) => c.kind === "native")).toHaveLength(formulaColumns * rows);
    expect(report.converted.filter((c) => c.kind === "frozen")).toHaveLength(rows);
    for (const c of report.converted) {
      expect(c.formula).toContain(`${TEMPLATE_TABLE}[[#This Row],`);
      expect(c.portable.length).toBeLessThanOrEqual(MAX_FORMULA_CHARS);
    }
  });
});
