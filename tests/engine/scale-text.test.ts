/**
 * The floor top-up and cap findings quote the scale's amount, the floor or cap, and the
 * difference. They are counted in integers (scaleAmountParts, formatScaleN) when the sales are
 * whole 分 or have at most 12 digits below it; the text must be the decimal.js text to the digit.
 */
import fc from "fast-check";
import { assess, Decimal, formatDecimal, formatMoney, formatScaleN, parseClaim, rewardRules, scaleAmountParts, scaleAmountYuan, subtractScaleN, yuanToUnit, type Unit } from "../../src/engine";

const RUNS = { numRuns: 3000 };
const unit = fc.constantFrom<Unit>("元", "万元");
const lang = fc.constantFrom<"zh" | "en">("zh", "en");
// N-values as amounts.ts makes them: at most 8% of 2 × 10^15 分 × 200 / 200 (sales ≤ 10万亿元 a
// year) is below 8 × 10^15 < 2^53; frac (10⁻¹² of N) up to 100 × 10¹².
const n = fc.oneof(fc.integer({ min: 0, max: 2_000_000 }), fc.integer({ min: 0, max: 8e15 }));
const frac = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 999_999_999_999 }), fc.integer({ min: 0, max: 100 * 1e12 - 1 }));

const decimalOf = (nv: number, f: number) => new Decimal(f).div(1e12).plus(nv).div(20000);

describe("scale amounts as text, counted in integers", () => {
  test("formatScaleN is formatDecimal of (n + frac/10¹²)/20000 元 in the unit", () => {
    fc.assert(
      fc.property(n, frac, unit, lang, (nv, f, u, l) => {
        expect(formatScaleN(nv, f, u, l)).toBe(formatDecimal(yuanToUnit(decimalOf(nv, f), u), u, l));
      }),
      RUNS,
    );
  });

  test("edges: zero, whole 元, one N, the largest N", () => {
    for (const [nv, f] of [[0, 0], [20000, 0], [1, 0], [0, 1], [19999, 999_999_999_999], [8e15, 99_999_999_999_999]]) {
      for (const u of ["元", "万元"] as const) expect(formatScaleN(nv, f, u)).toBe(formatDecimal(yuanToUnit(decimalOf(nv, f), u), u));
    }
    expect(formatScaleN(20000 * 1234567, 0, "元")).toBe("1,234,567.00 元");
    expect(formatScaleN(1, 0, "万元", "en")).toBe("0.000000005 ×10k yuan");
  });

  test("subtractScaleN is the exact difference", () => {
    fc.assert(
      fc.property(n, frac, n, frac, (an, af, bn, bf) => {
        const a = decimalOf(an, af);
        const b = decimalOf(bn, bf);
        const [big, small] = a.greaterThanOrEqualTo(b) ? [[an, af], [bn, bf]] : [[bn, bf], [an, af]];
        const [dn, df] = subtractScaleN(big[0], big[1], small[0], small[1]);
        expect(Number.isInteger(dn) && dn >= 0 && df >= 0 && df < 1e12).toBe(true);
        expect(decimalOf(dn, df).toFixed()).toBe(decimalOf(big[0], big[1]).minus(decimalOf(small[0], small[1])).toFixed());
      }),
      RUNS,
    );
  });

  test("formatMoney groups thousands, negatives included", () => {
    for (const fen of [0, 5, 123, 1234, 99999, 100000, 123456789, -123, -1234, -100000000]) {
      const plain = (fen < 0 ? "-" : "") + (Math.abs(fen) / 100).toFixed(2);
      expect(formatMoney(fen, "元")).toBe(`${plain.replace(/\B(?=(\d{3})+(?!\d))/g, ",")} 元`);
    }
  });

  test("floor and cap findings: the same text as decimal.js gives, whole 分 and sub-分 sales", () => {
    const digits = (max: number) => fc.integer({ min: 0, max }).map(String);
    const sales = fc.oneof(
      fc.tuple(digits(3_000_000), digits(99)).map(([w, f]) => `${w}.${f.padStart(2, "0")}`),
      fc.tuple(digits(30_000_000_000), fc.integer({ min: 1, max: 14 }), fc.bigInt({ min: 0n, max: 10n ** 14n - 1n })).map(([w, k, f]) => `${w}.${f.toString().padStart(14, "0").slice(0, k)}`),
      fc.tuple(digits(3_000_000), fc.bigInt({ min: 1n, max: 10n ** 20n })).map(([w, f]) => `${w}.${f.toString().padStart(20, "0")}`),
    );
    const sector = fc.constantFrom("化工", "铸造");
    const flags = fc.constantFrom("", "铝加工", "高新区", "临港");
    fc.assert(
      fc.property(sector, sales, sales, flags, unit, (s, a, b, fl, u) => {
        let claim;
        try {
          claim = parseClaim({ sector: s, sales1: a, sales2: b, flags: fl, unit: u });
        } catch {
          return; // beyond 10万亿元 in 万元: refused, nothing to quote
        }
        const rules = rewardRules(claim);
        if (!rules) return;
        const found = assess(claim).findings.filter((f) => f.code === "FLOOR_TOP_UP" || f.code === "CAP_APPLIED");
        if (found.length === 0) return;
        const computed = scaleAmountYuan(claim, rules);
        const floor = found[0].code === "FLOOR_TOP_UP";
        const limit = new Decimal(floor ? rules.floor.value : rules.cap.value);
        const diff = floor ? limit.minus(computed) : computed.minus(limit);
        for (const l of ["zh", "en"] as const) {
          const text = l === "zh" ? found[0].messageZh : found[0].messageEn;
          for (const d of [computed, limit, diff]) expect(text).toContain(formatDecimal(yuanToUnit(d, u), u, l));
        }
        // Whole 分 and up to 12 digits below it take the integer path.
        const fine = [a, b].every((x) => (x.split(".")[1] ?? "").length <= (u === "元" ? 14 : 18));
        if (fine) expect(scaleAmountParts(claim, rules)).not.toBeNull();
      }),
      RUNS,
    );
  });
});
