/**
 * The JY.* functions as plain functions of cell values: what Excel's custom-function runtime, the
 * playground's HyperFormula plugin and the tests all call. They return values or throw ClaimError
 * (#VALUE! bad input, #N/A sector not covered); the hosts map that to their own error values.
 * Hot path (one call per cell): REWARD and FUNDING read the claim and count integer 分, nothing else.
 */
import {
  assess,
  computeAmounts,
  detailLines,
  explain,
  fenToUnitNumber,
  findingText,
  notCoveredError,
  parseClaim,
  type Claim,
  type Lang,
} from "../engine";
import { clauseRef, POLICY, type Policy } from "../policy";

/** The four functions under one policy (POLICY for the add-in; an amended one in the change drills). */
export function jyFunctions(policy: Policy = POLICY) {
  const readClaim = (sector: unknown, sales1: unknown, sales2: unknown, flags: unknown, unit: unknown, place: unknown): Claim =>
    parseClaim({ sector, sales1, sales2, flags, unit, place }, policy);

  /** JY.REWARD: the reward in the claim's unit. */
  function reward(sector: unknown, sales1: unknown, sales2: unknown, flags?: unknown, unit?: unknown, place?: unknown): number {
    const claim = readClaim(sector, sales1, sales2, flags, unit, place);
    const a = computeAmounts(claim, policy);
    if (a.status === "not-covered") throw notCoveredError(claim.sector, policy);
    return fenToUnitNumber(a.reward, claim.unit);
  }

  /** JY.FUNDING: one row — city, town, park — in the claim's unit. */
  function funding(sector: unknown, sales1: unknown, sales2: unknown, flags?: unknown, unit?: unknown, place?: unknown): number[][] {
    const claim = readClaim(sector, sales1, sales2, flags, unit, place);
    const a = computeAmounts(claim, policy);
    if (a.status === "not-covered") throw notCoveredError(claim.sector, policy);
    return [[fenToUnitNumber(a.city, claim.unit), fenToUnitNumber(a.town, claim.unit), fenToUnitNumber(a.park, claim.unit)]];
  }

  /** JY.DETAIL: two columns, label (with its clause) and value, in the display language. */
  function detail(lang: Lang, sector: unknown, sales1: unknown, sales2: unknown, flags?: unknown, unit?: unknown, place?: unknown): (string | number)[][] {
    const claim = readClaim(sector, sales1, sales2, flags, unit, place);
    const b = explain(claim, policy);
    if (b.amounts.status === "not-covered") throw notCoveredError(claim.sector, policy);
    return detailLines(b, lang, policy).map((line) => [
      line.clause ? (lang === "zh" ? `${line.label}【${line.clause}】` : `${line.label} [${clauseRef(line.clause, "en")}]`) : line.label,
      typeof line.value === "string" ? line.value : line.value.toNumber(),
    ]);
  }

  /** JY.CHECK: the findings as one text, or 无异常 / OK when there are none. */
  function check(lang: Lang, sector: unknown, sales1: unknown, sales2: unknown, flags?: unknown, unit?: unknown, place?: unknown): string {
    const claim = readClaim(sector, sales1, sales2, flags, unit, place);
    const a = assess(claim, computeAmounts(claim, policy), policy);
    if (a.findings.length === 0) return lang === "zh" ? "无异常" : "OK";
    return a.findings.map((f) => findingText(f, lang)).join(lang === "zh" ? "；" : "; ");
  }

  return { reward, funding, detail, check };
}

export const { reward, funding, detail, check } = jyFunctions(POLICY);
