/**
 * Issue 4, checked in a real spreadsheet engine: a register of ≥ 2,000 claims (every case of
 * cases.json, then random claims over every sector spelling, flag alias, place name and both
 * units, half-分 ties on purpose) with JY formulas as Excel saves them, made portable, opened and
 * recalculated by LibreOffice (forced), every value compared with the engine's; then restored
 * from LibreOffice's own save, every original formula back.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { cachedValues, makePortable, restore } from "../../src/portable/xlsx";
import { DEFAULT_LIMITS } from "../../src/portable/zip-guard";
import { policyClaims, randomClaims } from "../portable/claims";
import { engineError, engineOutputs } from "../portable/engine-outputs";
import { registerWorkbook } from "../portable/fixture";
import { describeWithLibreOffice, recalcInLibreOffice } from "./soffice";

jest.setTimeout(900_000);


describeWithLibreOffice("portable workbook recalculated by LibreOffice", (soffice) => {
  const claims = [...policyClaims(), ...randomClaims(1700, 4242)];

  test(`${claims.length} claims: every reward, city, town and park equals the engine's`, async () => {
    expect(claims.length).toBeGreaterThanOrEqual(2000);
    const { bytes } = await registerWorkbook(claims);
    const { bytes: portable, report } = await makePortable(bytes, JSZip);
    expect(report.skipped).toEqual([]);
    // A generous limit: on a shared, busy machine LibreOffice takes minutes over these formulas.
    const saved = recalcInLibreOffice(soffice, portable, "register.xlsx", 540_000);

    // LibreOffice's save stays within the default limits restore reads with.
    const values = await cachedValues(saved, "台账", JSZip, DEFAULT_LIMITS);
    const mismatches: string[] = [];
    let compared = 0;
    let numbers = 0;
    claims.forEach((c, i) => {
      const r = i + 2;
      const want = engineOutputs(c);
      const spilled = want[0] !== "error";
      ["F", "G", "H", "I"].forEach((col, k) => {
        if (!spilled && (col === "H" || col === "I")) return; // an error result never spilled: no cell to check
        const got = values.get(`${col}${r}`);
        const isError = got !== null && typeof got === "object";
        compared++;
        if (want[k] === "error") {
          if (!isError) mismatches.push(`${col}${r} ${JSON.stringify(c)}: engine error, LibreOffice ${JSON.stringify(got)}`);
          // A sector the policy does not cover: #N/A, as JY.REWARD gives (never Err:502 / #VALUE!).
          else if (engineError(c) === "#N/A" && (got as { error: string }).error !== "#N/A") {
            mismatches.push(`${col}${r} ${JSON.stringify(c)}: engine #N/A, LibreOffice ${JSON.stringify(got)}`);
          }
        } else {
          numbers++;
          if (got !== want[k]) mismatches.push(`${col}${r} ${JSON.stringify(c)}: engine ${want[k]}, LibreOffice ${JSON.stringify(got)}`);
        }
      });
    });
    // eslint-disable-next-line no-console
    console.log(`LibreOffice: ${claims.length} claims, ${compared} cells compared (${numbers} amounts), ${mismatches.length} mismatches`);
    expect(mismatches.slice(0, 20)).toEqual([]);
    expect(numbers).toBeGreaterThan(4000);

    // Restore from LibreOffice's save: every original JY formula is back, in every cell.
    const { bytes: back, report: r2 } = await restore(saved, JSZip, DEFAULT_LIMITS);
    expect(r2.damaged).toEqual([]);
    expect(r2.refused).toEqual([]);
    expect(r2.missing).toEqual([]);
    const zip = await JSZip.loadAsync(back);
    const names = Object.keys(zip.files);
    const restored = new ExcelJS.Workbook();
    await restored.xlsx.load(back as unknown as ArrayBuffer);
    expect(restored.worksheets.map((w) => w.name)).toEqual(["台账", "说明"]);
    const rws = restored.getWorksheet("台账")!;
    for (const c of report.converted.filter((x) => x.sheet === "台账")) {
      const v = rws.getCell(c.cell).value as ExcelJS.CellFormulaValue;
      if (c.cell.startsWith("H") || c.cell.startsWith("I")) continue; // spill cells hold values
      expect([c.cell, v?.formula ?? (v as unknown as { sharedFormula?: string })?.sharedFormula]).toEqual([c.cell, c.formula]);
    }
    expect(names.filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))).toHaveLength(2);
    const workbookXml = await zip.file("xl/workbook.xml")!.async("string");
    expect(workbookXml).not.toMatch(/_JY_|JY_ORIGINALS/);
  });
});
