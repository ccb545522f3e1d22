/**
 * Which reward rules apply to a claim under a policy: the sector's scale (五（一） or 五（二）), with
 * a rate flag's rate in its place (五（二）: 铝加工（深井铸造）); and who pays (五（一）（二）).
 */
import { POLICY, type Policy, type ScaleSlice, type SectorId, type SectorReward } from "../policy";
import type { Claim } from "./claim";
import { EXCLUSION_BITS, FLAG_BIT, ZONE_BITS } from "./flags";
import { compileScale, type Scale } from "./scale";

export type Status = "eligible" | "excluded" | "not-covered";

/** A sector's rules and its compiled scales: the plain one, and one per rate flag (by flag bit). */
interface SectorScales {
  rules: SectorReward;
  scale: Scale;
  byFlag: Array<{ bit: number; scale: Scale }>;
}

// Compiled once per policy value; the policy is data, never changed in place. The last one is
// kept in front of the WeakMap: a register is read under one policy, one lookup per cell.
const compiled = new WeakMap<Policy, Partial<Record<SectorId, SectorScales>>>();
let lastPolicy: Policy | null = null;
let lastScales: Partial<Record<SectorId, SectorScales>> = {};

function scalesOf(policy: Policy): Partial<Record<SectorId, SectorScales>> {
  if (policy === lastPolicy) return lastScales;
  let c = compiled.get(policy);
  if (!c) {
    c = {};
    for (const [sector, rules] of Object.entries(policy.rewards) as Array<[SectorId, SectorReward]>) {
      const byFlag = policy.rateFlags.filter((r) => r.sector === sector).map((r) => ({ bit: FLAG_BIT[r.flag], scale: compileScale(rules, r.rate) }));
      c[sector] = { rules, scale: compileScale(rules), byFlag };
    }
    compiled.set(policy, c);
  }
  lastPolicy = policy;
  lastScales = c;
  return c;
}

/** The rules and the scale a claim falls under (a rate flag's scale where it has one), or null when not covered. */
export function claimRules(claim: Claim, policy: Policy = POLICY): { rules: SectorReward; scale: Scale } | null {
  const s = scalesOf(policy)[claim.sector];
  if (!s) return null;
  for (const f of s.byFlag) if ((claim.flags & f.bit) !== 0) return { rules: s.rules, scale: f.scale };
  return s;
}

/** The rules a claim falls under, or null for a sector this document does not compute. */
export function rewardRules(claim: Claim, policy: Policy = POLICY): SectorReward | null {
  return policy.rewards[claim.sector] ?? null;
}

/** The compiled scale for this claim (a rate flag's rate where it has one), or null when not covered. */
export function claimScale(claim: Claim, policy: Policy = POLICY): Scale | null {
  return claimRules(claim, policy)?.scale ?? null;
}

/** The slices for this claim: the sector's, or with a rate flag's rate. */
export function scaleOf(claim: Claim, _rules?: SectorReward, policy: Policy = POLICY): readonly ScaleSlice[] {
  return claimScale(claim, policy)?.slices ?? [];
}

/** The compiled scales of every covered sector and rate flag, for generators (portable formulas). */
export function policyScales(policy: Policy = POLICY): Array<{ sector: SectorId; rules: SectorReward; scale: Scale; rateFlagBit: number | null }> {
  return Object.entries(scalesOf(policy)).flatMap(([sector, s]) => [
    { sector: sector as SectorId, rules: s!.rules, scale: s!.scale, rateFlagBit: null },
    ...s!.byFlag.map((f) => ({ sector: sector as SectorId, rules: s!.rules, scale: f.scale, rateFlagBit: f.bit })),
  ]);
}

/** 五（五）: any exclusion flag takes the claim out of the reward scope. */
export const isExcluded = (claim: Claim): boolean => (claim.flags & EXCLUSION_BITS) !== 0;

/** Status before any amount: not covered by this document, excluded, or eligible. */
export function statusOf(claim: Claim, policy: Policy = POLICY): Status {
  if (rewardRules(claim, policy) === null) return "not-covered";
  return isExcluded(claim) ? "excluded" : "eligible";
}

/** 五（二）: a foundry in 高新区 or 临港 is paid wholly by the park. */
export const parkPays = (claim: Claim, rules: SectorReward): boolean =>
  rules.parkPaysInZones.value && (claim.flags & ZONE_BITS) !== 0;
