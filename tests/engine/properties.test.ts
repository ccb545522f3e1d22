/**
 * The policy's arithmetic as properties (fast-check), over claims of every size: 五（一） tiers are
 * cumulative and continuous, floor and cap bound the reward, the split adds up and follows 70:30,
 * an exclusion (五（五）) gives 0, the unit and the form of the input do not change the money, and
 * the integer 分 hot path equals the decimal breakdown rounded half-up once.
 */
import fc from "fast-check";
import { assess, computeAmounts, Decimal, explain, fenToUnitString, parseClaim, scaleAmountYuan, type ClaimInput } from "../../src/engine";
import { CHEMICAL, FOUNDRY } from "../../src/policy";
import { reward } from "../../src/functions/jy";

const RUNS = { numRuns: 400 };

/** Sales in whole 分, spread over every slice: small (floor), near 1亿 and 5亿, and huge (cap). */
const fen = fc.oneof(
  fc.bigInt({ min: 0n, max: 200_000_000n }).map(Number), // up to 200万元
  fc.bigInt({ min: 0n, max: 120_000_000_000n }).map(Number), // up to 12亿元
  fc.bigInt({ min: 9_999_990_000n, max: 10_000_010_000n }).map(Number), // 1亿 ± 100元
  fc.bigInt({ min: 49_999_990_000n, max: 50_000_010_000n }).map(Number), // 5亿 ± 100元
  fc.bigInt({ min: 0n, max: 1_000_000_000_000_000n }).map(Number), // up to 10万亿元
);
const yuan = (f: number) => fenToUnitString(f, "元");

/** Sales text with digits below the 分 (up to 6 places). */
const subFenText = fc.tuple(fen.filter((f) => f < 1_000_000_000_000_000), fc.integer({ min: 0, max: 9999 })).map(([f, extra]) => `${yuan(f)}${String(extra).padStart(4, "0")}`);

const sector = fc.constantFrom("化工", "铸造");
const rateAndZone = fc.tuple(fc.constantFrom("", "铝加工"), fc.constantFrom("", "高新区", "临港"), fc.constantFrom("", "沿江", "华士镇"));
const flagsText = rateAndZone.map((parts) => parts.filter(Boolean).join("、"));
const claimInput = fc.record({ sector, sales1: fen.map(yuan), sales2: fen.map(yuan), flags: flagsText });

const amountsOf = (input: ClaimInput) => computeAmounts(parseClaim(input));

describe("五（一）（二）: the scale", () => {
  test("reward never decreases when either year's sales grow", () => {
    fc.assert(
      fc.property(claimInput, fen, fc.boolean(), (input, more, second) => {
        const key = second ? "sales2" : "sales1";
        const grown = { ...input, [key]: new Decimal(input[key] as string).plus(new Decimal(more).div(100)).toFixed(2) };
        if (new Decimal(grown[key]).greaterThan("10000000000000")) return;
        expect(amountsOf(grown).reward).toBeGreaterThanOrEqual(amountsOf(input).reward);
      }),
      RUNS,
    );
  });

  test.each([
    ["1亿", "100000000", 8, 5],
    ["5亿", "500000000", 5, 3],
  ])("chemical scale is continuous at %s: one 分 of base either side moves the reward by that slice's rate × 1分", (_name, threshold, below, above) => {
    const at = (base: Decimal) => parseClaim({ sector: "化工", sales1: base.toFixed(2), sales2: base.toFixed(2) });
    const t = new Decimal(threshold);
    const cent = new Decimal("0.01");
    const [lo, mid, hi] = [t.minus(cent), t, t.plus(cent)].map(at);
    expect(explain(mid).exact.minus(explain(lo).exact).toFixed()).toBe(cent.times(below).div(100).toFixed());
    expect(explain(hi).exact.minus(explain(mid).exact).toFixed()).toBe(cent.times(above).div(100).toFixed());
    // Rounded to 分, each step moves the reward by at most 1分 (rate × 1分 < 1分, rounding included).
    const r = [lo, mid, hi].map((c) => computeAmounts(c).reward);
    expect(r[1] - r[0]).toBeGreaterThanOrEqual(0);
    expect(r[1] - r[0]).toBeLessThanOrEqual(1);
    expect(r[2] - r[1]).toBeGreaterThanOrEqual(0);
    expect(r[2] - r[1]).toBeLessThanOrEqual(1);
  });

  test("continuity everywhere: one more 分 of base adds at most the top rate × 1分 before rounding", () => {
    fc.assert(
      fc.property(sector, fen, (s, f) => {
        const base = new Decimal(f).div(100);
        if (base.plus("0.01").greaterThan("10000000000000")) return;
        const a = explain(parseClaim({ sector: s, sales1: base.toFixed(2), sales2: base.toFixed(2) })).computed;
        const b = explain(parseClaim({ sector: s, sales1: base.plus("0.01").toFixed(2), sales2: base.plus("0.01").toFixed(2) })).computed;
        const step = b.minus(a);
        expect(step.greaterThanOrEqualTo(0)).toBe(true);
        expect(step.lessThanOrEqualTo("0.0008")).toBe(true);
      }),
      RUNS,
    );
  });

  test("an eligible reward lies within [floor, cap] of its sector", () => {
    fc.assert(
      fc.property(claimInput, (input) => {
        const a = amountsOf(input);
        const rules = input.sector === "化工" ? CHEMICAL : FOUNDRY;
        expect(a.status).toBe("eligible");
        expect(a.reward).toBeGreaterThanOrEqual(Number(rules.floor.value) * 100);
        expect(a.reward).toBeLessThanOrEqual(Number(rules.cap.value) * 100);
      }),
      RUNS,
    );
  });
});

describe("who pays", () => {
  test("city + town + park = reward, exactly", () => {
    fc.assert(
      fc.property(claimInput, (input) => {
        const a = amountsOf(input);
        expect(a.city + a.town + a.park).toBe(a.reward);
        expect(Math.min(a.city, a.town, a.park)).toBeGreaterThanOrEqual(0);
      }),
      RUNS,
    );
  });

  test("a foundry outside the parks: city 70% / town 30% to within 1分; in a park the park pays all", () => {
    fc.assert(
      fc.property(fen, fen, rateAndZone, (s1, s2, [rate, zone, other]) => {
        const a = amountsOf({ sector: "铸造", sales1: yuan(s1), sales2: yuan(s2), flags: [rate, zone, other].filter(Boolean).join(" ") });
        if (zone) {
          expect([a.city, a.town, a.park]).toEqual([0, 0, a.reward]);
        } else {
          expect(a.park).toBe(0);
          expect(Math.abs(a.city * 100 - 70 * a.reward)).toBeLessThanOrEqual(100);
          expect(Math.abs(a.town * 100 - 30 * a.reward)).toBeLessThanOrEqual(100);
        }
      }),
      RUNS,
    );
  });

  test("a chemical enterprise is paid by the city wherever it is (五（一）)", () => {
    fc.assert(
      fc.property(fen, fen, rateAndZone, (s1, s2, [, zone, other]) => {
        const a = amountsOf({ sector: "化工", sales1: yuan(s1), sales2: yuan(s2), flags: [zone, other].filter(Boolean).join("，") });
        expect([a.city, a.town, a.park]).toEqual([a.reward, 0, 0]);
      }),
      RUNS,
    );
  });
});

describe("五（五）: exclusions", () => {
  test("any exclusion gives 0 to everyone, with a finding citing 五（五）", () => {
    const exclusion = fc.subarray(["违规新增", "地条钢", "产能置换", "搬迁入园"], { minLength: 1 });
    fc.assert(
      fc.property(claimInput, exclusion, (input, excl) => {
        const a = assess(parseClaim({ ...input, flags: [input.flags, ...excl].filter(Boolean).join("、") }));
        expect(a.status).toBe("excluded");
        expect([a.amounts.reward, a.amounts.city, a.amounts.town, a.amounts.park]).toEqual([0, 0, 0, 0]);
        expect(a.findings.filter((f) => f.severity === "excluded" && f.clause === "五（五）")).toHaveLength(excl.length);
      }),
      RUNS,
    );
  });
});

describe("exactness", () => {
  test("the same claim in 元 and in 万元 gives the same money", () => {
    fc.assert(
      fc.property(claimInput, (input) => {
        const inWan = {
          ...input,
          sales1: fenToUnitString(Math.round(Number(new Decimal(input.sales1 as string).times(100))), "万元"),
          sales2: fenToUnitString(Math.round(Number(new Decimal(input.sales2 as string).times(100))), "万元"),
          unit: "万元",
        };
        const a = amountsOf(input);
        const b = amountsOf(inWan);
        expect(b).toEqual(a);
        expect(fenToUnitString(b.reward, "万元")).toBe(new Decimal(fenToUnitString(a.reward, "元")).div(10000).toFixed(6));
      }),
      RUNS,
    );
  });

  test("the integer 分 path equals the decimal breakdown rounded half-up, with and without sub-分 digits", () => {
    const sales = fc.oneof(fen.map(yuan), subFenText);
    fc.assert(
      fc.property(sector, sales, sales, flagsText, (s, a, b, flags) => {
        const claim = parseClaim({ sector: s, sales1: a, sales2: b, flags });
        const fast = computeAmounts(claim);
        const slow = explain(claim);
        expect(fast.reward).toBe(slow.exact.times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber());
        // The top-up and cap findings quote the scale amount; it is the breakdown's.
        expect(scaleAmountYuan(claim, s === "化工" ? CHEMICAL : FOUNDRY).toFixed()).toBe(slow.computed.toFixed());
      }),
      RUNS,
    );
  });

  test("text and number inputs give the same result", () => {
    const number = fc.oneof(
      fen.map((f) => f / 100),
      fc.double({ min: 0, max: 1e13, noNaN: true, noDefaultInfinity: true }),
    );
    fc.assert(
      fc.property(sector, number, number, flagsText, (s, a, b, flags) => {
        const fromNumbers = amountsOf({ sector: s, sales1: a, sales2: b, flags });
        const fromText = amountsOf({ sector: s, sales1: String(a), sales2: String(b), flags });
        expect(fromNumbers).toEqual(fromText);
        expect(reward(s, a, b, flags)).toBe(reward(s, String(a), String(b), flags));
      }),
      RUNS,
    );
  });
});
