/**
 * The explanation of one claim's amount, for auditors (JY.DETAIL, the pane, the CLI): base, each
 * slice of the scale and its amount, top-up, cap cut, rounding and the split, each with its
 * clause. Computed in decimal.js step by step as the clauses read; tests hold it equal to the
 * integer hot path in amounts.ts.
 */
import { BASE_YEARS, POLICY, type ClauseId, type Policy } from "../policy";
import { computeAmounts, type Amounts } from "./amounts";
import type { Claim } from "./claim";
import { Decimal } from "./decimal";
import { claimScale, parkPays, rewardRules } from "./reward";
import { salesYuan } from "./sales";
import { sliceAmounts, type SliceAmount } from "./scale";

export type { SliceAmount } from "./scale";

export interface Breakdown {
  claim: Claim;
  amounts: Amounts;
  /** (sales1 + sales2) / 2, 元, exact. */
  base: Decimal;
  slices: SliceAmount[];
  /** Sum of the slices, 元, unrounded. */
  computed: Decimal;
  /** Added to reach the floor (补足), 元; 0 when none. */
  topUp: Decimal;
  /** Cut to stay within the cap, 元; 0 when none. */
  capCut: Decimal;
  /** computed + topUp − capCut, before rounding to 分. */
  exact: Decimal;
  /** Clause of the sector's reward; null when not covered. */
  clause: ClauseId | null;
  parkPays: boolean;
}

export function explain(claim: Claim, policy: Policy = POLICY): Breakdown {
  const amounts = computeAmounts(claim, policy);
  const rules = rewardRules(claim, policy);
  const base = salesYuan(claim.sales1).plus(salesYuan(claim.sales2)).div(BASE_YEARS.value);
  const zero = new Decimal(0);
  const empty = { claim, amounts, base, slices: [], computed: zero, topUp: zero, capCut: zero, exact: zero };
  if (rules === null) return { ...empty, clause: null, parkPays: false };
  if (amounts.status === "excluded") return { ...empty, clause: rules.clause, parkPays: false };
  const slices = sliceAmounts(base, claimScale(claim, policy)!);
  const computed = slices.reduce((sum, s) => sum.plus(s.amount), zero);
  const topUp = Decimal.max(new Decimal(rules.floor.value).minus(computed), 0);
  const capCut = Decimal.max(computed.minus(rules.cap.value), 0);
  return {
    claim,
    amounts,
    base,
    slices,
    computed,
    topUp,
    capCut,
    exact: computed.plus(topUp).minus(capCut),
    clause: rules.clause,
    parkPays: parkPays(claim, rules),
  };
}
