/**
 * The money of one claim, in whole 分: reward, and who pays it (city, town, park).
 *
 * This is the per-cell hot path, so it counts in exact integers wherever that is provably exact:
 * with both years' sales whole 分, let S = sales1 + sales2 in 分. The base is S/2, so a slice of
 * the base at r% gives r·(slice of S)/200 分. With sales ≤ 10万亿元 each (policy MAX_SALES_YUAN),
 * S ≤ 2·10^15 and every sum below stays under 2^53, where doubles count integers exactly.
 * Sales finer than 分 take the same steps in decimal.js. Rounding happens once, at the end.
 */
import type { SectorReward } from "../policy";
import type { Claim } from "./claim";
import { Decimal } from "./decimal";
import { parkPays, rewardRules, scaleOf, statusOf, type Status } from "./reward";
import { salesYuan } from "./sales";

/** How the reward was reached. */
export type Stage = "scale" | "floor" | "cap" | "excluded" | "not-covered";

export interface Amounts {
  status: Status;
  stage: Stage;
  /** Whole 分. city + town + park = reward, always. */
  reward: number;
  city: number;
  town: number;
  park: number;
}

/** Slice bounds in S-space (sum of both years, 分): 元 × 100 × 2. */
interface CompiledScale {
  slices: Array<{ low: number; high: number; rate: number }>;
  floorN: number;
  capN: number;
}
const compiled = new WeakMap<object, CompiledScale>();
function compile(scale: SectorReward["scale"], rules: SectorReward): CompiledScale {
  let c = compiled.get(scale);
  if (!c) {
    c = {
      slices: scale.map((s) => ({
        low: Number(s.from) * 200,
        high: s.upTo === null ? Infinity : Number(s.upTo) * 200,
        rate: s.ratePercent,
      })),
      // The reward in 分 is N/200, so compare N with the floor and cap in 分 × 200.
      floorN: Number(rules.floor.value) * 100 * 200,
      capN: Number(rules.cap.value) * 100 * 200,
    };
    compiled.set(scale, c);
  }
  return c;
}

const ZERO = (status: Status, stage: Stage): Amounts => ({ status, stage, reward: 0, city: 0, town: 0, park: 0 });

/** Rounds a non-negative n/d to the nearest integer, halves up (四舍五入), exactly. */
function roundHalfUp(n: number, d: number): number {
  const shifted = n + d / 2;
  return (shifted - (shifted % d)) / d;
}

/** N = 200 × the scale's amount in 分, an exact integer when both years are whole 分. */
function scaleN(S: number, scale: CompiledScale): number {
  let N = 0;
  for (const s of scale.slices) if (S > s.low) N += s.rate * (Math.min(S, s.high) - s.low);
  return N;
}

/**
 * The amount the scale gives before floor and cap (元, exact, unrounded): what the top-up and
 * cap findings quote. Equal to explain(claim).computed, without building the whole breakdown.
 */
export function scaleAmountYuan(claim: Claim, rules: SectorReward): Decimal {
  const scale = compile(scaleOf(claim, rules), rules);
  const a = claim.sales1.fen;
  const b = claim.sales2.fen;
  // N / 200 分 = N / 20000 元.
  if (a !== null && b !== null) return new Decimal(scaleN(a + b, scale)).div(20000);
  const S = salesYuan(claim.sales1).plus(salesYuan(claim.sales2)).times(100);
  let N = new Decimal(0);
  for (const s of scale.slices) {
    if (S.greaterThan(s.low)) N = N.plus(Decimal.min(S, s.high).minus(s.low).times(s.rate));
  }
  return N.div(20000);
}

function rewardFen(claim: Claim, rules: SectorReward): { fen: number; stage: Stage } {
  const scale = compile(scaleOf(claim, rules), rules);
  const a = claim.sales1.fen;
  const b = claim.sales2.fen;
  if (a !== null && b !== null) {
    const N = scaleN(a + b, scale);
    if (N < scale.floorN) return { fen: scale.floorN / 200, stage: "floor" };
    if (N > scale.capN) return { fen: scale.capN / 200, stage: "cap" };
    return { fen: roundHalfUp(N, 200), stage: "scale" };
  }
  const S = salesYuan(claim.sales1).plus(salesYuan(claim.sales2)).times(100);
  let N = new Decimal(0);
  for (const s of scale.slices) {
    if (S.greaterThan(s.low)) N = N.plus(Decimal.min(S, s.high).minus(s.low).times(s.rate));
  }
  if (N.lessThan(scale.floorN)) return { fen: scale.floorN / 200, stage: "floor" };
  if (N.greaterThan(scale.capN)) return { fen: scale.capN / 200, stage: "cap" };
  return { fen: N.div(200).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber(), stage: "scale" };
}

/** The claim's money. A not-covered or excluded claim has all zeros and says so in `status`. */
export function computeAmounts(claim: Claim): Amounts {
  const status = statusOf(claim);
  const rules = rewardRules(claim);
  if (status === "not-covered" || rules === null) return ZERO("not-covered", "not-covered");
  if (status === "excluded") return ZERO("excluded", "excluded");
  const { fen, stage } = rewardFen(claim, rules);
  if (parkPays(claim, rules)) return { status, stage, reward: fen, city: 0, town: 0, park: fen };
  // RULES.md: city = round(total × city share, 分); town = total − city, so the parts add up.
  const city = roundHalfUp(fen * rules.cityPercent.value, 100);
  return { status, stage, reward: fen, city, town: fen - city, park: 0 };
}
