/**
 * The money of one claim, in whole 分: reward, and who pays it (city, town, park). The scale is
 * evaluated by scale.ts; this module applies exclusion (五（五）), coverage and the split
 * (五（一）（二）). Per-cell hot path: no decimal.js unless the sales are finer than scale.ts counts
 * in integers.
 */
import { POLICY, type Policy, type SectorReward } from "../policy";
import type { Claim } from "./claim";
import type { Decimal } from "./decimal";
import { claimRules, claimScale, isExcluded, parkPays, type Status } from "./reward";
import { evaluateN, nOfWholeFen, nToYuan, rewardFenOf, rewardOfWhole, roundHalfUp, stageOf, stageOfWhole, type Stage } from "./scale";

export type { Stage } from "./scale";

export interface Amounts {
  status: Status;
  stage: Stage;
  /** Whole 分. city + town + park = reward, always. */
  reward: number;
  city: number;
  town: number;
  park: number;
}

const ZERO = (status: Status, stage: Stage): Amounts => ({ status, stage, reward: 0, city: 0, town: 0, park: 0 });

/**
 * The amount the scale gives before floor and cap (元, exact, unrounded): what the top-up and
 * cap findings quote. Equal to explain(claim).computed, without building the whole breakdown.
 */
export function scaleAmountYuan(claim: Claim, _rules?: SectorReward, policy: Policy = POLICY): Decimal {
  const scale = claimScale(claim, policy);
  if (!scale) throw new Error(`${claim.sector} has no scale`);
  return nToYuan(evaluateN(claim.sales1, claim.sales2, scale));
}

/**
 * The scale's amount before floor and cap in exact integers, for findings that quote it without
 * decimal.js: (n + frac / 10¹²) / 20000 元, with the floor and cap as N-values (scale.ts).
 * Null when the sales are finer than scale.ts counts in integers (scaleAmountYuan then).
 */
export function scaleAmountParts(claim: Claim, _rules?: SectorReward, policy: Policy = POLICY): { n: number; frac: number; floorN: number; capN: number } | null {
  const scale = claimScale(claim, policy);
  if (!scale) return null;
  const v = evaluateN(claim.sales1, claim.sales2, scale);
  return v.exact ? null : { n: v.n, frac: v.frac, floorN: scale.floorN, capN: scale.capN };
}

/** The claim's money. A not-covered or excluded claim has all zeros and says so in `status`. */
export function computeAmounts(claim: Claim, policy: Policy = POLICY): Amounts {
  const r = claimRules(claim, policy);
  if (r === null) return ZERO("not-covered", "not-covered");
  if (isExcluded(claim)) return ZERO("excluded", "excluded");
  const { rules, scale } = r;
  const a = claim.sales1.fen;
  const b = claim.sales2.fen;
  let stage: Stage;
  let fen: number;
  if (scale.integral && a !== null && b !== null) {
    // Both years whole 分: the per-cell common case, counted without building a ScaleN.
    const N = nOfWholeFen(a + b, scale);
    stage = stageOfWhole(N, scale);
    fen = rewardOfWhole(N, stage, scale);
  } else {
    const v = evaluateN(claim.sales1, claim.sales2, scale);
    stage = stageOf(v, scale);
    fen = rewardFenOf(v, stage, scale);
  }
  if (parkPays(claim, rules)) return { status: "eligible", stage, reward: fen, city: 0, town: 0, park: fen };
  // RULES.md: city = round(total × city share, 分); town = total − city, so the parts add up.
  const city = roundHalfUp(fen * rules.cityPercent.value, 100);
  return { status: "eligible", stage, reward: fen, city, town: fen - city, park: 0 };
}
