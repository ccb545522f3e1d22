/**
 * Every case of shared/policy/cases.json through the engine: read with assessInput (amounts as
 * strings in the case's unit), status, reward and the split by payer exactly, and the findings
 * that must come with an exclusion or a not-covered sector.
 */
import { SECTORS } from "../../src/policy";
import { assessInput, computeAmounts, explain, fenToUnitString, notCoveredError, parseClaim } from "../../src/engine";
import { caseName, isNotCovered, loadCases, type Expected } from "./policy-cases";

const cases = loadCases();

test("the contract holds all 332 cases", () => {
  expect(cases).toHaveLength(332);
});

describe.each(cases.map((c, i) => [caseName(c, i), c] as const))("%s", (_name, c) => {
  const input = { sector: c.sector, sales1: c.sales1, sales2: c.sales2, flags: c.flags, unit: c.unit };

  if (isNotCovered(c)) {
    test("is not covered by this policy: no amount, a finding naming the governing document", () => {
      const r = assessInput(input);
      if (!r.ok) throw r.error;
      expect(r.assessment.status).toBe("not-covered");
      const sector = SECTORS[r.assessment.claim.sector];
      expect(sector.governedByZh).toBeTruthy();
      expect(r.assessment.findings[0]).toMatchObject({ severity: "not-covered" });
      expect(r.assessment.findings[0].messageZh).toContain(sector.governedByZh as string);
      const err = notCoveredError(r.assessment.claim.sector);
      expect(err.code).toBe("#N/A");
      expect(err.messageZh).toContain(sector.governedByZh as string);
      expect(err.messageEn).toContain(sector.governedByEn as string);
    });
    return;
  }

  const e = c.expect as Expected;
  test(`${e.status}: reward ${e.reward}, city ${e.city}, town ${e.town}, park ${e.park} ${c.unit}`, () => {
    const r = assessInput(input);
    if (!r.ok) throw r.error;
    const { status, amounts, claim, findings } = r.assessment;
    expect(status).toBe(e.status);
    expect({
      reward: fenToUnitString(amounts.reward, claim.unit),
      city: fenToUnitString(amounts.city, claim.unit),
      town: fenToUnitString(amounts.town, claim.unit),
      park: fenToUnitString(amounts.park, claim.unit),
    }).toEqual({ reward: e.reward, city: e.city, town: e.town, park: e.park });
    if (status === "excluded") {
      expect(findings.filter((f) => f.severity === "excluded").length).toBeGreaterThan(0);
      for (const f of findings.filter((f) => f.severity === "excluded")) expect(f.clause).toBe("五（五）");
    }
  });

  test("the decimal breakdown, rounded half-up, gives the same reward", () => {
    const claim = parseClaim(input);
    const b = explain(claim);
    const amounts = computeAmounts(claim);
    expect(b.amounts).toEqual(amounts);
    if (e.status === "eligible") expect(b.exact.toDecimalPlaces(2).times(100).toNumber()).toBe(amounts.reward);
  });
});
