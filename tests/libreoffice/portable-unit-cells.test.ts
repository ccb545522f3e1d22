/**
 * Registers as staff lay them out: the unit in a column of its own (元 / 万元 per row, in every
 * spelling the functions accept, blank for 元), one unit cell for the sheet ($N$1), or a defined
 * name; the place in a column. Made portable with no cell refused, recalculated by LibreOffice
 * (forced), every amount equal to the engine's to the 分; a unit cell the functions refuse gives an
 * error value, never a number; a sector the policy does not cover gives #N/A.
 */
import JSZip from "jszip";
import { cachedValues, makePortable } from "../../src/portable/xlsx";
import { DEFAULT_LIMITS } from "../../src/portable/zip-guard";

// 3,600 claims of 5,000-character native formulas pass the 200 MB default: raised as --max-mb would.
const LARGE = { ...DEFAULT_LIMITS, maxBytes: 1024 * 1024 * 1024 };
import { claimsInUnit, REFUSED_UNITS, unitCellClaims } from "../portable/claims";
import { engineError, engineOutputs } from "../portable/engine-outputs";
import { registerWorkbook } from "../portable/fixture";
import { describeWithLibreOffice, recalcInLibreOffice } from "./soffice";

jest.setTimeout(900_000);

const COLUMN_ROWS = 3000;
const SHEET_UNIT = "万元" as const;
const NAME_UNIT = "元" as const;

describeWithLibreOffice("portable workbook with the unit in cells, recalculated by LibreOffice", (soffice) => {
  // Rows 2…: the unit column ($M); then a block reading $N$1; then a block reading a defined name.
  const column = unitCellClaims(COLUMN_ROWS, 9090);
  const absolute = claimsInUnit(300, 31, SHEET_UNIT);
  const named = claimsInUnit(300, 32, NAME_UNIT);
  const claims = [...column, ...absolute, ...named];
  const firstAbsolute = 2 + column.length;
  const firstNamed = firstAbsolute + absolute.length;
  const unitRef = (r: number) => (r < firstAbsolute ? `$M${r}` : r < firstNamed ? "$N$1" : "销售额单位");

  test(`${claims.length} claims: no cell refused, every amount the engine's, refusals error values, not covered #N/A`, async () => {
    const { bytes } = await registerWorkbook(claims, { unitRef, cells: { N1: SHEET_UNIT, N2: NAME_UNIT }, names: { 销售额单位: "台账!$N$2" } });
    const { bytes: portable, report } = await makePortable(bytes, JSZip, LARGE);
    expect(report.skipped).toEqual([]);
    expect(report.converted.filter((c) => c.kind === "native").length).toBeGreaterThanOrEqual(claims.length * 2);
    const saved = recalcInLibreOffice(soffice, portable, "unit-cells.xlsx", 540_000);
    const values = await cachedValues(saved, "台账", JSZip, LARGE);

    const mismatches: string[] = [];
    const counts = { amounts: 0, errors: 0, notCovered: 0, refusedUnits: 0 };
    claims.forEach((c, i) => {
      const r = i + 2;
      const want = engineOutputs(c);
      const code = engineError(c);
      ["F", "G", "H", "I"].forEach((col, k) => {
        if (code && (col === "H" || col === "I")) return; // an error never spilled
        const got = values.get(`${col}${r}`);
        const isError = got !== null && typeof got === "object";
        const where = `${col}${r} ${JSON.stringify(c)} via ${unitRef(r)}`;
        if (code) {
          counts.errors++;
          if (!isError) mismatches.push(`${where}: engine ${code}, LibreOffice ${JSON.stringify(got)}`);
          else if (code === "#N/A") {
            counts.notCovered++;
            if ((got as { error: string }).error !== "#N/A") mismatches.push(`${where}: engine #N/A, LibreOffice ${JSON.stringify(got)}`);
          }
        } else {
          counts.amounts++;
          if (got !== want[k]) mismatches.push(`${where}: engine ${want[k]}, LibreOffice ${JSON.stringify(got)}`);
        }
      });
    });
    counts.refusedUnits = column.filter((c) => REFUSED_UNITS.includes(c.unitText!)).length;
    // eslint-disable-next-line no-console
    console.log(`LibreOffice, unit in cells: ${claims.length} claims, ${JSON.stringify(counts)}, ${mismatches.length} mismatches`);
    expect(mismatches.slice(0, 20)).toEqual([]);
    expect(counts.amounts).toBeGreaterThan(10000);
    expect(counts.notCovered).toBeGreaterThan(50);
    expect(counts.refusedUnits).toBe(REFUSED_UNITS.length);
  });
});
