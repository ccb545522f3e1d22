/** The pane's amounts: 万元 to two decimals (四舍五入 at 100 元), 元 exact to the 分, never six decimals. */
import fc from "fast-check";
import { Decimal } from "../../src/engine";
import { money, otherUnit, wanToTwoPlaces } from "../../src/taskpane/money";

describe("万元 to two decimals", () => {
  test.each([
    [15_454_000_002, "15,454.00 万元"], // 154,540,000.02 元, the sample register's total
    [3_517_018_750, "3,517.02 万元"], // the 3,517.018750 万元
    [0, "0.00 万元"],
    [4_999, "0.00 万元"], // 49.99 元
    [5_000, "0.01 万元"], // 50.00 元: half-up
    [1_000_000, "1.00 万元"],
    [99_995_000, "100.00 万元"],
  ])("%i 分 → %s", (fen, shown) => {
    expect(wanToTwoPlaces(fen, "zh")).toBe(shown);
  });

  test("the same as decimal.js rounding half-up, for any amount up to 10^15 分", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e15 }), (fen) => {
        const exact = new Decimal(fen).div(1_000_000).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
        const [whole, frac] = exact.split(".");
        expect(wanToTwoPlaces(fen, "zh")).toBe(`${Number(whole).toLocaleString("en-US")}.${frac} 万元`);
      }),
    );
  });

  test("元 stays exact to the 分, and a 万元 figure comes with its exact 元 figure", () => {
    expect(money(15_454_000_002, "元", "zh")).toBe("154,540,000.02 元");
    expect(otherUnit(15_454_000_002, "万元", "zh")).toBe("154,540,000.02 元");
    expect(money(15_454_000_002, "万元", "en")).toBe("15,454.00 10k yuan");
    expect(money(-123_45, "元", "en")).toBe("-123.45 yuan");
  });

  test("never more than two decimals on screen", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e15 }), fc.constantFrom("元" as const, "万元" as const), (fen, unit) => {
        expect(money(fen, unit, "zh")).toMatch(/^\d{1,3}(,\d{3})*\.\d{2} (元|万元)$/);
      }),
    );
  });
});
