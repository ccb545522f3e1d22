/**
 * The decimal.js reference: the rules of RULES.md written the straightforward way, from what a
 * claim means (its truth), with none of the engine's code. Every amount is an exact decimal until
 * the one rounding to 分 (四舍五入); the split rounds the city's share and gives the town the rest.
 */
import DecimalBase from "decimal.js";
import type { Truth } from "./corpus";

const D = DecimalBase.clone({ precision: 60, rounding: DecimalBase.ROUND_HALF_UP, toExpNeg: -40, toExpPos: 40 });
type D = InstanceType<typeof D>;

/** An outcome as both sides report it: amounts as exact strings in the claim's unit, or an error code. */
export interface Outcome {
  error?: "#VALUE!" | "#N/A";
  status?: "eligible" | "excluded";
  reward?: string;
  city?: string;
  town?: string;
  park?: string;
}

const YI = new D("100000000");
const FIVE_YI = new D("500000000");
const FLOOR = new D("50000");
const CHEMICAL_CAP = new D("50000000");
const FOUNDRY_CAP = new D("2000000");

export function referenceOutcome(t: Truth): Outcome {
  if (t.invalid) return { error: "#VALUE!" };
  if (t.sector !== "chemical" && t.sector !== "foundry") return { error: "#N/A" };
  const places = t.unit === "元" ? 2 : 6;
  const show = (yuan: D) => (t.unit === "元" ? yuan : yuan.div(10000)).toFixed(places);
  const zero = show(new D(0));
  // 五（五）: any exclusion → 0.
  if (t.flags.some((f) => f.startsWith("EXCL_"))) return { status: "excluded", reward: zero, city: zero, town: zero, park: zero };

  const toYuan = (s: string) => (t.unit === "元" ? new D(s) : new D(s).times(10000));
  const base = toYuan(t.sales1).plus(toYuan(t.sales2)).div(2);

  let reward: D;
  let cap: D;
  if (t.sector === "chemical") {
    // 五（一）: 8% up to 1亿, 5% from 1亿 to 5亿, 3% above, cumulative.
    reward = D.min(base, YI).times("0.08");
    if (base.greaterThan(YI)) reward = reward.plus(D.min(base, FIVE_YI).minus(YI).times("0.05"));
    if (base.greaterThan(FIVE_YI)) reward = reward.plus(base.minus(FIVE_YI).times("0.03"));
    cap = CHEMICAL_CAP;
  } else {
    // 五（二）: 3%, or 2% for aluminium deep-well casting.
    reward = base.times(t.flags.includes("ALUMINIUM_DEEP_WELL") ? "0.02" : "0.03");
    cap = FOUNDRY_CAP;
  }
  if (reward.lessThan(FLOOR)) reward = FLOOR;
  if (reward.greaterThan(cap)) reward = cap;
  reward = reward.toDecimalPlaces(2, D.ROUND_HALF_UP);

  const zone = t.flags.includes("ZONE_HIGHTECH") || t.flags.includes("ZONE_LINGANG");
  if (t.sector === "chemical") return { status: "eligible", reward: show(reward), city: show(reward), town: zero, park: zero };
  if (zone) return { status: "eligible", reward: show(reward), city: zero, town: zero, park: show(reward) };
  const city = reward.times("0.7").toDecimalPlaces(2, D.ROUND_HALF_UP);
  return { status: "eligible", reward: show(reward), city: show(city), town: show(reward.minus(city)), park: zero };
}

export function sameOutcome(a: Outcome, b: Outcome): boolean {
  return a.error === b.error && a.status === b.status && a.reward === b.reward && a.city === b.city && a.town === b.town && a.park === b.park;
}
