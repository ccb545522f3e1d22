/**
 * Which reward rules apply to a claim: the sector's scale (五（一） or 五（二）), with the
 * aluminium deep-well rate (五（二）) in place of the foundry rate; and who pays (五（一）（二）).
 */
import { ALUMINIUM_DEEP_WELL_RATE, CHEMICAL, FOUNDRY, type ScaleSlice, type SectorReward } from "../policy";
import type { Claim } from "./claim";
import { EXCLUSION_BITS, hasFlag, ZONE_BITS } from "./flags";

export type Status = "eligible" | "excluded" | "not-covered";

/** The rules a claim falls under, or null for a sector this document does not compute. */
export function rewardRules(claim: Claim): SectorReward | null {
  if (claim.sector === "chemical") return CHEMICAL;
  if (claim.sector === "foundry") return FOUNDRY;
  return null;
}

const FOUNDRY_ALUMINIUM_SCALE: ScaleSlice[] = [
  { ...FOUNDRY.scale[0], ratePercent: ALUMINIUM_DEEP_WELL_RATE.value, quoteZh: ALUMINIUM_DEEP_WELL_RATE.quoteZh },
];

/** The scale for this claim: the sector's, or the deep-well casting rate for such a foundry. */
export function scaleOf(claim: Claim, rules: SectorReward): ScaleSlice[] {
  return rules === FOUNDRY && hasFlag(claim.flags, "ALUMINIUM_DEEP_WELL") ? FOUNDRY_ALUMINIUM_SCALE : rules.scale;
}

/** 五（五）: any exclusion flag takes the claim out of the reward scope. */
export const isExcluded = (claim: Claim): boolean => (claim.flags & EXCLUSION_BITS) !== 0;

/** Status before any amount: not covered by this document, excluded, or eligible. */
export function statusOf(claim: Claim): Status {
  if (rewardRules(claim) === null) return "not-covered";
  return isExcluded(claim) ? "excluded" : "eligible";
}

/** 五（二）: a foundry in 高新区 or 临港 is paid wholly by the park. */
export const parkPays = (claim: Claim, rules: SectorReward): boolean =>
  rules.parkPaysInZones.value && (claim.flags & ZONE_BITS) !== 0;
