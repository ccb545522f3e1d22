/**
 * The scale (engine/scale.ts) for any scale a policy may state: random slices and whole-percent
 * rates, checked against the clause's own arithmetic in decimal.js (each slice of the base times
 * its rate, summed; floor, cap, 四舍五入 to 分), and its straight lines (what the portable formulas
 * use) against the scale itself wherever the scale is concave.
 */
import fc from "fast-check";
import { compileScale, Decimal, evaluateN, nOfWholeFen, parseSales, rewardFenOf, ScaleError, scaleLines, stageOf } from "../../src/engine";
import { CHEMICAL, type SectorReward } from "../../src/policy";

/** A scale of 1–5 slices with bounds in whole 万元 and rates 0–12%, floor ≤ cap. */
const anyScale = fc
  .record({
    bounds: fc.uniqueArray(fc.integer({ min: 1, max: 200_000 }), { minLength: 0, maxLength: 4 }),
    rates: fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 5, maxLength: 5 }),
    floor: fc.integer({ min: 0, max: 100_000 }),
    capOver: fc.integer({ min: 0, max: 100_000_000 }),
  })
  .map(({ bounds, rates, floor, capOver }): SectorReward => {
    const ups = [...bounds].sort((a, b) => a - b).map((b) => String(b * 10_000));
    const scale = [...ups, null].map((upTo, i) => ({ from: i === 0 ? "0" : ups[i - 1], upTo, ratePercent: rates[i], quoteZh: "" }));
    return { ...CHEMICAL, scale, floor: { ...CHEMICAL.floor, value: String(floor) }, cap: { ...CHEMICAL.cap, value: String(floor + capOver) } };
  });

/** The clause read literally, in decimal.js: slices of the base × rate, then floor, cap, 四舍五入. */
function byTheClause(rules: SectorReward, s1: string, s2: string): number {
  const base = new Decimal(s1).plus(s2).div(2);
  let sum = new Decimal(0);
  for (const s of rules.scale) {
    const top = s.upTo === null ? base : Decimal.min(base, s.upTo);
    sum = sum.plus(Decimal.max(top.minus(s.from), 0).times(s.ratePercent).div(100));
  }
  const clamped = Decimal.min(Decimal.max(sum, rules.floor.value), rules.cap.value);
  return clamped.times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
}

const sales = fc.oneof(
  fc.integer({ min: 0, max: 5_000_000_000_00 }).map((fen) => (fen / 100).toFixed(2)),
  fc.tuple(fc.integer({ min: 0, max: 5_000_000_000 }), fc.integer({ min: 0, max: 99_999 })).map(([y, f]) => `${y}.${String(f).padStart(5, "0")}`),
);

test("any scale: the exact evaluation gives what the clause's arithmetic gives, to the 分", () => {
  fc.assert(
    fc.property(anyScale, sales, sales, (rules, s1, s2) => {
      const scale = compileScale(rules);
      const v = evaluateN(parseSales(s1, "sales1", "元"), parseSales(s2, "sales2", "元"), scale);
      expect(rewardFenOf(v, stageOf(v, scale), scale)).toBe(byTheClause(rules, s1, s2));
    }),
    { numRuns: 2000 },
  );
});

test("a concave scale's lines: the smallest line is the scale, at every bound and between", () => {
  let checked = 0;
  fc.assert(
    fc.property(anyScale, fc.array(fc.integer({ min: 0, max: 2 * 5_000_000_000_00 }), { minLength: 1, maxLength: 20 }), (rules, sums) => {
      // Rates that never rise from one slice to the next.
      const rates = rules.scale.map((x) => x.ratePercent).sort((a, b) => b - a);
      const concave = { ...rules, scale: rules.scale.map((x, i) => ({ ...x, ratePercent: rates[i] })) };
      const scale = compileScale(concave);
      let lines: { slopes: number[]; intercepts: number[] };
      try {
        lines = scaleLines(scale);
      } catch (e) {
        // A line after the first below the floor is refused, never used.
        expect(e).toBeInstanceOf(ScaleError);
        return;
      }
      const points = [...sums, ...scale.lows, ...scale.highs.filter((h) => h !== Infinity)];
      for (const S of points) {
        const min = Math.min(...lines.slopes.map((r, i) => r * S + lines.intercepts[i]));
        expect(min).toBe(nOfWholeFen(S, scale));
      }
      checked++;
    }),
    { numRuns: 300 },
  );
  // Most random scales are of the shape the lines need; the refusals are the exception.
  expect(checked).toBeGreaterThan(150);
});

test("a rising scale, a gap between slices, a fractional rate: refused with the reason", () => {
  const rising = compileScale({ ...CHEMICAL, scale: [CHEMICAL.scale[0], { ...CHEMICAL.scale[1], ratePercent: 9 }, CHEMICAL.scale[2]] });
  expect(() => scaleLines(rising)).toThrow(/not concave/);
  expect(() => compileScale({ ...CHEMICAL, scale: [CHEMICAL.scale[0], CHEMICAL.scale[2]] })).toThrow(/starts at 500000000/);
  expect(() => compileScale({ ...CHEMICAL, scale: [{ ...CHEMICAL.scale[0], ratePercent: 7.5 }, ...CHEMICAL.scale.slice(1)] })).toThrow(/whole percent/);
});
