/**
 * The bench's correctness half, in the test suite: the engine's fast integer paths against the
 * bench's independent decimal.js reference, on a few thousand generated claims of every kind
 * (whole 分, sub-分, half-分 ties, tier bounds, floor, caps, exclusions, not covered, bad input).
 * The reference itself is first held to the policy's 332 cases. No timings here: npm run bench.
 */
import { ClaimError } from "../../src/engine";
import { reward } from "../../src/functions/jy";
import { generateCorpus, MIX, type Kind, type TruthFlag, type TruthSector } from "../../bench/lib/corpus";
import { referenceOutcome, sameOutcome } from "../../bench/lib/reference";
import { compareWithReference, engineOutcome } from "../../bench/parts/engine";
import { isNotCovered, loadCases } from "../engine/policy-cases";
import DecimalBase from "decimal.js";

const SECTOR: Record<string, TruthSector> = { 化工: "chemical", 铸造: "foundry", 热电: "thermal-power", 印染: "printing-dyeing", 其它: "other" };

describe("the decimal.js reference", () => {
  it.each(loadCases().map((c, i) => [i, c] as const))("agrees with policy case #%i", (_, c) => {
    const got = referenceOutcome({ sector: SECTOR[c.sector], sales1: c.sales1, sales2: c.sales2, flags: c.flags as TruthFlag[], unit: c.unit });
    if (isNotCovered(c)) expect(got).toEqual({ error: "#N/A" });
    else expect(got).toEqual(c.expect);
  });
});

describe("engine vs reference on generated claims", () => {
  const claims = generateCorpus(4000, 7);
  const expected = claims.map((c) => referenceOutcome(c.truth));

  it("the corpus holds every kind, sub-分 sales, both units and real half-分 ties", () => {
    const kinds = new Set(claims.map((c) => c.kind));
    expect([...kinds].sort()).toEqual((Object.keys(MIX) as Kind[]).sort());
    expect(claims.some((c) => c.truth.unit === "万元")).toBe(true);
    expect(claims.some((c) => /\.\d{3,}/.test(c.truth.unit === "元" ? c.truth.sales1 : "0"))).toBe(true);
    // A tie: the unrounded reward (元) ends in exactly half a 分.
    const D = DecimalBase.clone({ precision: 60 });
    const ties = claims.filter((c) => {
      if (c.kind !== "tie") return false;
      const base = new D(c.truth.sales1).plus(c.truth.sales2).times(c.truth.unit === "元" ? 1 : 10000).div(2);
      const r = c.truth.sector === "foundry" ? base.times(c.truth.flags.includes("ALUMINIUM_DEEP_WELL") ? "0.02" : "0.03") : null;
      return r !== null && r.times(1000).isInteger() && r.times(1000).mod(10).eq(5);
    });
    expect(ties.length).toBeGreaterThan(20);
  });

  it("parseClaim + computeAmounts give the reference's outcome for every claim", () => {
    const check = compareWithReference(claims, expected);
    expect(check.examples).toEqual([]);
    expect(check.differences).toBe(0);
  });

  it("JY.REWARD shows the reference's amount or error for every claim", () => {
    const wrong = claims.filter((c, i) => {
      let got: string;
      try {
        got = String(reward(c.input.sector, c.input.sales1, c.input.sales2, c.input.flags, c.input.unit, c.input.place));
      } catch (e) {
        if (!(e instanceof ClaimError)) throw e;
        got = e.code;
      }
      return got !== (expected[i].error ?? String(Number(expected[i].reward)));
    });
    expect(wrong.map((c) => c.input)).toEqual([]);
  });

  it("a wrong engine answer would be caught", () => {
    // The comparison is not vacuous: a 分 off in one amount is a difference.
    const i = expected.findIndex((e) => e.reward && e.reward !== "0.00");
    const got = engineOutcome(claims[i]);
    const off = { ...got, city: got.city === "0.00" ? "0.01" : "0.00" };
    expect(sameOutcome(got, expected[i])).toBe(true);
    expect(sameOutcome(off, expected[i])).toBe(false);
  });
});
