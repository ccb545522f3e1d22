/**
 * The reward scale of one sector (分段累计 slices, floor 补足, cap 封顶), read from src/policy once
 * and evaluated exactly in one place: the amounts (amounts.ts), the breakdown JY.DETAIL shows
 * (breakdown.ts) and the portable formula generator (portable/native.ts) all use what this module
 * gives, for any number of slices.
 *
 * Counting: with both years' sales whole 分, let S = sales1 + sales2 in 分. The base is S/2, so a
 * slice of the base at r% gives r·(slice of S)/200 分; N = 200 × the amount in 分 is an integer.
 * A scale whose N stays below 2^53 for the largest accepted sales (policy MAX_SALES_YUAN) is
 * counted in exact integer doubles; sales finer than 分 with at most 12 digits below it (sales.ts
 * `fine`) add a remainder in 10⁻¹² 分, still integers; anything else takes the same steps in
 * decimal.js. Rounding to 分 (四舍五入) happens once, at the end.
 */
import { BASE_YEARS, MAX_SALES_YUAN, type Parameter, type ScaleSlice, type SectorReward } from "../policy";
import { Decimal } from "./decimal";
import { salesYuan, SUB_PER_FEN, type Sales } from "./sales";

/** How the reward was reached. */
export type Stage = "scale" | "floor" | "cap" | "excluded" | "not-covered";

export interface Scale {
  /** The slices as the policy states them, with the rate this scale applies. */
  readonly slices: readonly ScaleSlice[];
  /** Floor and cap, 元, exact decimal strings. */
  readonly floorYuan: string;
  readonly capYuan: string;
  /** Slice bounds and rates in S-space (sum of both years, 分); the top slice's high is Infinity. */
  readonly lows: readonly number[];
  readonly highs: readonly number[];
  readonly rates: readonly number[];
  /** Floor and cap as N (200 × 分). */
  readonly floorN: number;
  readonly capN: number;
  /** Whether N of the largest accepted sales stays below 2^53, so doubles count it exactly. */
  readonly integral: boolean;
}

/** The scale's amount before floor and cap, N = 200 × 分: n + frac / SUB_PER_FEN, or a Decimal. */
export interface ScaleN {
  n: number;
  frac: number;
  /** Set (and n, frac unused) when the sales have more than 12 digits below the 分. */
  exact: Decimal | null;
}

/** A scale the engine refuses to count with (a policy data error, not a user's). */
export class ScaleError extends Error {}

const MAX_S = Number(MAX_SALES_YUAN) * 100 * 2;

/**
 * Compiles a sector's scale; `rate` replaces every slice's rate (五（二）: 铝加工（深井铸造） 2%).
 * Rates are whole percents, so N is an integer; bounds are whole 元.
 */
export function compileScale(rules: SectorReward, rate?: Parameter<number>): Scale {
  // S-space counts the sum of the years, so N = 200 × 分 holds for a base of two years only.
  if (BASE_YEARS.value !== 2) throw new ScaleError(`the base averages ${BASE_YEARS.value} years; scale.ts counts a two-year base`);
  const slices = rules.scale.map((s) => (rate ? { ...s, ratePercent: rate.value, quoteZh: rate.quoteZh } : s));
  if (slices.length === 0) throw new ScaleError("a scale needs at least one slice");
  slices.forEach((s, i) => {
    if (!Number.isInteger(s.ratePercent) || s.ratePercent < 0 || s.ratePercent > 100) throw new ScaleError(`rate ${s.ratePercent}% is not a whole percent`);
    const expectedFrom = i === 0 ? "0" : slices[i - 1].upTo;
    if (s.from !== expectedFrom) throw new ScaleError(`slice ${i + 1} starts at ${s.from}, not where slice ${i} ends (${expectedFrom})`);
    if ((s.upTo === null) !== (i === slices.length - 1)) throw new ScaleError("only the top slice is open-ended");
    if (s.upTo !== null && !(Number(s.upTo) > Number(s.from))) throw new ScaleError(`slice ${i + 1} is empty`);
    if (!Number.isInteger(Number(s.from))) throw new ScaleError(`slice bound ${s.from} is not whole 元`);
  });
  const lows = slices.map((s) => Number(s.from) * 200);
  const highs = slices.map((s) => (s.upTo === null ? Infinity : Number(s.upTo) * 200));
  const rates = slices.map((s) => s.ratePercent);
  const floorN = Number(rules.floor.value) * 100 * 200;
  const capN = Number(rules.cap.value) * 100 * 200;
  if (!Number.isInteger(floorN) || !Number.isInteger(capN) || floorN > capN) throw new ScaleError("floor and cap must be whole 分, floor ≤ cap");
  const partial = { slices, floorYuan: rules.floor.value, capYuan: rules.cap.value, lows, highs, rates, floorN, capN, integral: true };
  // Largest N, plus the 10⁻¹² 分 remainder's integer part (< rate), must be a safe integer.
  const integral = nOfWholeFen(MAX_S, partial) + 100 < Number.MAX_SAFE_INTEGER;
  return { ...partial, integral };
}

/** N for S whole 分 (exact when the scale is integral). */
export function nOfWholeFen(S: number, scale: Scale): number {
  const { lows, highs, rates } = scale;
  let N = 0;
  for (let i = 0; i < rates.length; i++) {
    if (S > lows[i]) N += rates[i] * ((S < highs[i] ? S : highs[i]) - lows[i]);
  }
  return N;
}

/** The rate of the slice that holds (F, F + 1) for a whole F: the slope of N there. */
function rateAbove(F: number, scale: Scale): number {
  const { lows, highs, rates } = scale;
  for (let i = 0; i < rates.length; i++) if (F >= lows[i] && F < highs[i]) return rates[i];
  return 0;
}

/** N in decimal.js, for any sales. */
function decimalN(s1: Sales, s2: Sales, scale: Scale): Decimal {
  const S = salesYuan(s1).plus(salesYuan(s2)).times(100);
  let N = new Decimal(0);
  scale.rates.forEach((rate, i) => {
    if (S.greaterThan(scale.lows[i])) N = N.plus(Decimal.min(S, scale.highs[i]).minus(scale.lows[i]).times(rate));
  });
  return N;
}

/**
 * The scale's N for both years' sales, exactly. Sales as whole 分 plus 10⁻¹² 分 (sales.ts `fine`):
 * S = F + f / SUB_PER_FEN with F whole; slice bounds are whole 分, so on [F, F + 1] N grows at the
 * rate r of the slice holding it: N = N(F) + r·f / SUB_PER_FEN with r·f < 100·10^12.
 */
export function evaluateN(s1: Sales, s2: Sales, scale: Scale): ScaleN {
  if (scale.integral) {
    const a = s1.fen;
    const b = s2.fen;
    if (a !== null && b !== null) return { n: nOfWholeFen(a + b, scale), frac: 0, exact: null };
    const fine1 = s1.fine;
    const fine2 = s2.fine;
    if ((a !== null || fine1) && (b !== null || fine2)) {
      let F = (a ?? fine1!.fen) + (b ?? fine2!.fen);
      let f = (a === null ? fine1!.sub : 0) + (b === null ? fine2!.sub : 0);
      if (f >= SUB_PER_FEN) {
        F += 1;
        f -= SUB_PER_FEN;
      }
      return { n: nOfWholeFen(F, scale), frac: rateAbove(F, scale) * f, exact: null };
    }
  }
  return { n: 0, frac: 0, exact: decimalN(s1, s2, scale) };
}

/**
 * The sign of (NI + frac / SUB_PER_FEN) − T for integers NI, T < 2^53 and 0 ≤ frac < 100 ×
 * SUB_PER_FEN: exact, because d = NI − T is an exact integer and, when it is small enough to
 * matter, d × SUB_PER_FEN + frac stays below 2^53.
 */
function compareN(v: ScaleN, T: number): number {
  if (v.exact) return v.exact.comparedTo(T);
  const d = v.n - T;
  if (d >= 0) return d > 0 || v.frac > 0 ? 1 : 0;
  if (d < -100) return -1;
  return Math.sign(d * SUB_PER_FEN + v.frac);
}

/** Rounds a non-negative n/d to the nearest integer, halves up (四舍五入), exactly. */
export function roundHalfUp(n: number, d: number): number {
  const shifted = n + d / 2;
  return (shifted - (shifted % d)) / d;
}

/** Where a whole N lies against the floor and cap: the common case (both years whole 分), allocation-free. */
export function stageOfWhole(N: number, scale: Scale): "scale" | "floor" | "cap" {
  return N < scale.floorN ? "floor" : N > scale.capN ? "cap" : "scale";
}

/** The reward in whole 分 for a whole N, once floor and cap apply. */
export function rewardOfWhole(N: number, stage: "scale" | "floor" | "cap", scale: Scale): number {
  return stage === "floor" ? scale.floorN / 200 : stage === "cap" ? scale.capN / 200 : roundHalfUp(N, 200);
}

/** Where N lies against the floor and cap. */
export function stageOf(v: ScaleN, scale: Scale): "scale" | "floor" | "cap" {
  if (!v.exact && v.frac === 0) return stageOfWhole(v.n, scale);
  if (compareN(v, scale.floorN) < 0) return "floor";
  if (compareN(v, scale.capN) > 0) return "cap";
  return "scale";
}

/** The reward in whole 分 once floor and cap apply, for the stage stageOf gave. */
export function rewardFenOf(v: ScaleN, stage: "scale" | "floor" | "cap", scale: Scale): number {
  if (!v.exact && v.frac === 0) return rewardOfWhole(v.n, stage, scale);
  if (stage === "floor") return scale.floorN / 200;
  if (stage === "cap") return scale.capN / 200;
  if (v.exact) return v.exact.div(200).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
  // With N(F) = 200q + rem the reward is q, plus 1 exactly when rem·10^12 + r·f ≥ 100·10^12.
  const rem = v.n % 200;
  return (v.n - rem) / 200 + (rem * SUB_PER_FEN + v.frac >= 100 * SUB_PER_FEN ? 1 : 0);
}

/** N as 元 (N / 20000), exact. */
export function nToYuan(v: ScaleN): Decimal {
  if (v.exact) return v.exact.div(20000);
  return new Decimal(v.frac).div(SUB_PER_FEN).plus(v.n).div(20000);
}

/** One slice of the base, as the breakdown shows it. */
export interface SliceAmount {
  slice: ScaleSlice;
  /** The part of the base inside this slice, 元. */
  part: Decimal;
  /** part × rate, 元, unrounded. */
  amount: Decimal;
}

/** The base cut into the scale's slices, 元, exact: the slices add up to nToYuan(evaluateN(…)). */
export function sliceAmounts(base: Decimal, scale: Scale): SliceAmount[] {
  return scale.slices.map((slice) => {
    const from = new Decimal(slice.from);
    const top = slice.upTo === null ? base : Decimal.min(base, slice.upTo);
    const part = Decimal.max(top.minus(from), 0);
    return { slice, part, amount: part.times(slice.ratePercent).div(100) };
  });
}

/**
 * The scale as straight lines in S-space, for formulas that have no loop: when the rates never
 * rise from one slice to the next (concave), N(S) = min over slices of (rate·S + intercept), and
 * with the floor and cap as two more lines the clamped N is the 2nd smallest of all of them,
 * provided no line after the first falls below the floor. Throws ScaleError, saying which, when
 * the scale is not of that shape.
 */
export function scaleLines(scale: Scale): { slopes: number[]; intercepts: number[] } {
  const slopes: number[] = [];
  const intercepts: number[] = [];
  let nAtLow = 0;
  scale.rates.forEach((rate, i) => {
    if (i > 0 && rate > scale.rates[i - 1]) {
      throw new ScaleError(`rates rise from slice ${i} (${scale.rates[i - 1]}%) to slice ${i + 1} (${rate}%): the scale is not concave`);
    }
    const b = nAtLow - rate * scale.lows[i];
    if (i > 0 && b < scale.floorN) throw new ScaleError(`slice ${i + 1}'s line falls below the floor`);
    slopes.push(rate);
    intercepts.push(b);
    if (scale.highs[i] !== Infinity) nAtLow += rate * (scale.highs[i] - scale.lows[i]);
  });
  return { slopes, intercepts };
}
