/**
 * The native formulas evaluated in HyperFormula (fast, in-process) against the engine: every case
 * of cases.json and random claims over every spelling the functions accept. Equal to the 分 where
 * the engine gives a number; an error value wherever the engine throws. The same formulas run in
 * real LibreOffice in tests/libreoffice/.
 *
 * HyperFormula mis-evaluates named array constants inside array arithmetic (a cached value of a
 * named expression leaks between formulas), so here the _JY_* names are written out in place;
 * LibreOffice reads them as defined names, as shipped.
 */
import { definedNames, MAX_FORMULA_CHARS, nativeFormula, type Output } from "../../src/portable/native";
import { claimsInUnit, policyClaims, randomClaims, unitCellClaims, type TestClaim } from "./claims";
import { nativeHost } from "./hyperformula-host";
import { engineOutputs } from "./engine-outputs";

const names = definedNames();
const inline = (f: string) => f.replace(/_JY_[A-Z0-9]+/g, (n) => names.find((d) => d.name === n)!.formula);

const OUTPUTS: Output[] = ["reward", "city", "town", "park"];
const cell = (text: string) => ({ kind: "expr" as const, text });

/** The four formulas of a row; the unit written in them, or read from column J ("cell"). */
export function formulasFor(row: number, unit: TestClaim["unit"] | "cell"): string[] {
  const r = row + 1;
  const unitArg = unit === "cell" ? cell(`J${r}`) : { kind: "text" as const, value: unit };
  return OUTPUTS.map((o) =>
    nativeFormula({ sector: cell(`A${r}`), sales1: cell(`B${r}`), sales2: cell(`C${r}`), flags: cell(`D${r}`), unit: unitArg, place: cell(`E${r}`) }, o),
  );
}

function evaluate(claims: TestClaim[]): Array<Array<unknown>> {
  const { hf, sheet } = nativeHost(claims.length);
  hf.batch(() => {
    claims.forEach((c, i) => {
      // A leading apostrophe keeps a text a text (HyperFormula would read "1e8" as a number).
      const blank = (v: string | number) => (v === "" ? null : typeof v === "string" ? `'${v}` : v);
      const fromCell = c.unitText !== undefined;
      const formulas = formulasFor(i, fromCell ? "cell" : c.unit).map((f) => `=${inline(f)}`);
      hf.setCellContents({ sheet, row: i, col: 0 }, [[c.sector, blank(c.sales1), blank(c.sales2), blank(c.flags), blank(c.place), ...formulas, fromCell ? blank(c.unitText!) : null]]);
    });
  });
  return claims.map((_, i) => OUTPUTS.map((_, k) => hf.getCellValue({ sheet, row: i, col: 5 + k })));
}

function compare(claims: TestClaim[]) {
  const got = evaluate(claims);
  const mismatches: string[] = [];
  claims.forEach((c, i) => {
    const want = engineOutputs(c);
    want.forEach((w, k) => {
      const g = got[i][k];
      const ok = w === "error" ? typeof g === "object" && g !== null : g === w;
      if (!ok) mismatches.push(`${JSON.stringify(c)} ${OUTPUTS[k]}: engine ${w}, native ${JSON.stringify(g)}`);
    });
  });
  return mismatches;
}

jest.setTimeout(240_000);

describe("native formulas in HyperFormula", () => {
  test("every case of cases.json: reward, city, town, park equal to the 分", () => {
    expect(compare(policyClaims())).toEqual([]);
  });

  test("random claims over every spelling, unit and place, ties included", () => {
    const claims = randomClaims(200, 7);
    // The corpus does exercise refusals and numbers both.
    const outcomes = claims.map((c) => engineOutputs(c)[0]);
    expect(outcomes.filter((o) => o === "error").length).toBeGreaterThan(20);
    expect(outcomes.filter((o) => typeof o === "number" && o > 0).length).toBeGreaterThan(70);
    expect(compare(claims)).toEqual([]);
  });

  test("sales finer than 分, text in scientific notation: an error value, never another number", () => {
    const claims: TestClaim[] = [
      { sector: "化工", sales1: 100000000.004, sales2: 100000000.1, flags: "", place: "", unit: "元" },
      { sector: "化工", sales1: "1e8", sales2: 1, flags: "", place: "", unit: "元" },
      { sector: "铸造", sales1: "12.3456789", sales2: 1, flags: "", place: "", unit: "万元" },
    ];
    for (const row of evaluate(claims)) for (const v of row) expect(typeof v).toBe("object");
  });

  test("the unit read from a cell: every accepted spelling, blank as 元, refused contents an error value", () => {
    const claims = unitCellClaims(300, 11);
    const outcomes = claims.map((c) => engineOutputs(c)[0]);
    expect(outcomes.filter((o) => o === "error").length).toBeGreaterThan(15);
    expect(claims.filter((c) => c.unit === "万元" && typeof engineOutputs(c)[0] === "number").length).toBeGreaterThan(60);
    expect(compare(claims)).toEqual([]);
  });

  test("unit and place from one cell for the sheet ($K$1, $L$1): the engine's results", () => {
    const place = "高新区";
    // Past the first rows, which go through every sector spelling in turn (chemical ones first).
    const claims = claimsInUnit(300, 23, "元").slice(-80).map((c) => ({ ...c, place, unitText: "元" }));
    const { hf, sheet } = nativeHost(claims.length + 2);
    hf.batch(() => {
      hf.setCellContents({ sheet, row: 0, col: 10 }, [[place, "yuan"]]);
      claims.forEach((c, i) => {
        const r = i + 2;
        const blank = (v: string | number) => (v === "" ? null : typeof v === "string" ? `'${v}` : v);
        const formulas = OUTPUTS.map((o) =>
          nativeFormula({ sector: cell(`A${r}`), sales1: cell(`B${r}`), sales2: cell(`C${r}`), flags: cell(`D${r}`), unit: cell("$L$1"), place: cell("$K$1") }, o),
        );
        hf.setCellContents({ sheet, row: i + 1, col: 0 }, [[c.sector, blank(c.sales1), blank(c.sales2), blank(c.flags), null, ...formulas.map((f) => `=${inline(f)}`)]]);
      });
    });
    const mismatches: string[] = [];
    claims.forEach((c, i) => {
      engineOutputs(c).forEach((w, k) => {
        const g = hf.getCellValue({ sheet, row: i + 1, col: 5 + k });
        if (!(w === "error" ? typeof g === "object" && g !== null : g === w)) mismatches.push(`${JSON.stringify(c)} ${OUTPUTS[k]}: engine ${w}, native ${JSON.stringify(g)}`);
      });
    });
    expect(mismatches).toEqual([]);
    expect(claims.filter((c) => typeof engineOutputs(c)[3] === "number" && (engineOutputs(c)[3] as number) > 0).length).toBeGreaterThan(5);
  });

  test("formulas stay within Excel's 8,192 characters with cell arguments", () => {
    for (const f of [...formulasFor(1999, "万元"), ...formulasFor(1999, "cell")]) expect(f.length).toBeLessThanOrEqual(MAX_FORMULA_CHARS);
  });
});
