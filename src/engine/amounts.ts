/**
 * The money of one claim, in whole 分: reward, and who pays it (city, town, park).
 *
 * This is the per-cell hot path, so it counts in exact integers wherever that is provably exact:
 * with both years' sales whole 分, let S = sales1 + sales2 in 分. The base is S/2, so a slice of
 * the base at r% gives r·(slice of S)/200 分. With sales ≤ 10万亿元 each (policy MAX_SALES_YUAN),
 * S ≤ 2·10^15 and every sum below stays under 2^53, where doubles count integers exactly.
 * Sales finer than 分 with at most 12 digits below it (sales.ts: `fine`) are counted as whole 分
 * plus a remainder in 10⁻¹² 分, still in exact integers (fineRewardFen); anything finer takes the
 * same steps in decimal.js. Rounding happens once, at the end.
 */
import type { SectorReward } from "../policy";
import type { Claim } from "./claim";
import { Decimal } from "./decimal";
import { isExcluded, parkPays, rewardRules, scaleOf, type Status } from "./reward";
import { salesYuan, SUB_PER_FEN, type Sales } from "./sales";

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
  floorFen: number;
  capFen: number;
}
// The policy has a handful of scales: a claim finds its compiled one by identity, faster per cell
// than a WeakMap lookup.
const compiledScales: Array<SectorReward["scale"]> = [];
const compiledValues: CompiledScale[] = [];
function compile(scale: SectorReward["scale"], rules: SectorReward): CompiledScale {
  for (let i = 0; i < compiledScales.length; i++) if (compiledScales[i] === scale) return compiledValues[i];
  let c: CompiledScale;
  {
    // The integer steps below need whole-percent rates of at most 100 (fineRewardFen's bounds).
    for (const s of scale) {
      if (!Number.isInteger(s.ratePercent) || s.ratePercent < 0 || s.ratePercent > 100) throw new Error(`rate ${s.ratePercent}% is not a whole percent`);
    }
    const floorN = Number(rules.floor.value) * 100 * 200;
    const capN = Number(rules.cap.value) * 100 * 200;
    c = {
      slices: scale.map((s) => ({
        low: Number(s.from) * 200,
        high: s.upTo === null ? Infinity : Number(s.upTo) * 200,
        rate: s.ratePercent,
      })),
      // The reward in 分 is N/200, so compare N with the floor and cap in 分 × 200.
      floorN,
      capN,
      floorFen: floorN / 200,
      capFen: capN / 200,
    };
    if (compiledScales.length < 16) {
      compiledScales.push(scale);
      compiledValues.push(c);
    }
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
  const slices = scale.slices;
  let N = 0;
  for (let i = 0; i < slices.length; i++) {
    const s = slices[i];
    if (S > s.low) N += s.rate * ((S < s.high ? S : s.high) - s.low);
  }
  return N;
}

/** The rate of the slice that holds (F, F + 1) for a whole F: the slope of N there. */
function rateAbove(F: number, scale: CompiledScale): number {
  const slices = scale.slices;
  for (let i = 0; i < slices.length; i++) if (F >= slices[i].low && F < slices[i].high) return slices[i].rate;
  return 0;
}

/**
 * The sign of (NI + frac / SUB_PER_FEN) − T for integers NI, T < 2^53 and 0 ≤ frac < 100 ×
 * SUB_PER_FEN: exact, because d = NI − T is an exact integer and, when it is small enough to
 * matter, d × SUB_PER_FEN + frac stays below 2^53.
 */
function compareN(NI: number, frac: number, T: number): number {
  const d = NI - T;
  if (d >= 0) return d > 0 || frac > 0 ? 1 : 0;
  if (d < -100) return -1;
  return Math.sign(d * SUB_PER_FEN + frac);
}

// Results of fineN and the stage of rewardFen: module scratch, so no object is made per cell.
let fineNI = 0;
let fineFrac = 0;
let stageOut: Stage = "scale";

/** Sets N = fineNI + fineFrac / SUB_PER_FEN for sales held as whole 分 plus 10⁻¹² 分 (see fineRewardFen); false if they are not. */
function fineN(s1: Sales, s2: Sales, scale: CompiledScale): boolean {
  const fine1 = s1.fine;
  const fine2 = s2.fine;
  if ((s1.fen === null && !fine1) || (s2.fen === null && !fine2)) return false;
  let F = (s1.fen ?? fine1!.fen) + (s2.fen ?? fine2!.fen);
  let f = (s1.fen === null ? fine1!.sub : 0) + (s2.fen === null ? fine2!.sub : 0);
  if (f >= SUB_PER_FEN) {
    F += 1;
    f -= SUB_PER_FEN;
  }
  fineNI = scaleN(F, scale);
  fineFrac = rateAbove(F, scale) * f;
  return true;
}

/**
 * The reward in 分 for sales given as whole 分 plus 10⁻¹² 分 (sales.ts `fine`), in integers.
 * S = F + f / SUB_PER_FEN with F whole. The slice bounds are whole 分, so on [F, F + 1] N grows
 * linearly at the rate r of the slice holding that interval: N = N(F) + r·f / SUB_PER_FEN, where
 * N(F) is the whole-分 sum and r·f < 100·10^12. The reward is N / 200 rounded half up:
 * with N(F) = 200q + rem, it is q plus 1 exactly when rem·10^12 + r·f ≥ 100·10^12 (< 3·10^14).
 * Returns −1 when a year's sales have more digits below the 分 than that (decimal.js then).
 */
function fineRewardFen(s1: Sales, s2: Sales, scale: CompiledScale): number {
  if (!fineN(s1, s2, scale)) return -1;
  const NI = fineNI;
  const frac = fineFrac;
  if (compareN(NI, frac, scale.floorN) < 0) {
    stageOut = "floor";
    return scale.floorFen;
  }
  if (compareN(NI, frac, scale.capN) > 0) {
    stageOut = "cap";
    return scale.capFen;
  }
  stageOut = "scale";
  const rem = NI % 200;
  return (NI - rem) / 200 + (rem * SUB_PER_FEN + frac >= 100 * SUB_PER_FEN ? 1 : 0);
}

/** N as scaleN counts it, in decimal.js: for sales with more than 12 digits below the 分. */
function decimalN(claim: Claim, scale: CompiledScale): Decimal {
  const S = salesYuan(claim.sales1).plus(salesYuan(claim.sales2)).times(100);
  let N = new Decimal(0);
  for (const s of scale.slices) {
    if (S.greaterThan(s.low)) N = N.plus(Decimal.min(S, s.high).minus(s.low).times(s.rate));
  }
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
  if (fineN(claim.sales1, claim.sales2, scale)) return new Decimal(fineFrac).div(SUB_PER_FEN).plus(fineNI).div(20000);
  return decimalN(claim, scale).div(20000);
}

/**
 * The scale's amount before floor and cap in exact integers, for findings that quote it without
 * decimal.js: (n + frac / SUB_PER_FEN) / 20000 元, with the floor and cap as N-values (see scaleN).
 * Null when a year's sales have more than 12 digits below the 分 (scaleAmountYuan then).
 */
export function scaleAmountParts(claim: Claim, rules: SectorReward): { n: number; frac: number; floorN: number; capN: number } | null {
  const scale = compile(scaleOf(claim, rules), rules);
  const a = claim.sales1.fen;
  const b = claim.sales2.fen;
  if (a !== null && b !== null) return { n: scaleN(a + b, scale), frac: 0, floorN: scale.floorN, capN: scale.capN };
  if (fineN(claim.sales1, claim.sales2, scale)) return { n: fineNI, frac: fineFrac, floorN: scale.floorN, capN: scale.capN };
  return null;
}

/** The reward in whole 分; sets stageOut to how it was reached. */
function rewardFen(claim: Claim, rules: SectorReward): number {
  const scale = compile(scaleOf(claim, rules), rules);
  const a = claim.sales1.fen;
  const b = claim.sales2.fen;
  if (a !== null && b !== null) {
    const N = scaleN(a + b, scale);
    if (N < scale.floorN) {
      stageOut = "floor";
      return scale.floorFen;
    }
    if (N > scale.capN) {
      stageOut = "cap";
      return scale.capFen;
    }
    stageOut = "scale";
    return roundHalfUp(N, 200);
  }
  const fine = fineRewardFen(claim.sales1, claim.sales2, scale);
  if (fine >= 0) return fine;
  const N = decimalN(claim, scale);
  if (N.lessThan(scale.floorN)) {
    stageOut = "floor";
    return scale.floorN / 200;
  }
  if (N.greaterThan(scale.capN)) {
    stageOut = "cap";
    return scale.capN / 200;
  }
  stageOut = "scale";
  return N.div(200).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
}

/** The claim's money. A not-covered or excluded claim has all zeros and says so in `status`. */
export function computeAmounts(claim: Claim): Amounts {
  const rules = rewardRules(claim);
  if (rules === null) return ZERO("not-covered", "not-covered");
  if (isExcluded(claim)) return ZERO("excluded", "excluded");
  const fen = rewardFen(claim, rules);
  const stage = stageOut;
  if (parkPays(claim, rules)) return { status: "eligible", stage, reward: fen, city: 0, town: 0, park: fen };
  // RULES.md: city = round(total × city share, 分); town = total − city, so the parts add up.
  const city = roundHalfUp(fen * rules.cityPercent.value, 100);
  return { status: "eligible", stage, reward: fen, city, town: fen - city, park: 0 };
}
