/**
 * Assesses one claim: status, money, and the findings that explain or question it, each with its
 * clause. Used by JY.CHECK, the pane, the CLI; JY.REWARD / JY.FUNDING use computeAmounts alone.
 */
import { FLAGS, SECTORS, type FlagId, type SectorId } from "../policy";
import { computeAmounts, scaleAmountParts, scaleAmountYuan, type Amounts } from "./amounts";
import { parseClaim, type Claim, type ClaimInput } from "./claim";
import { ClaimError } from "./errors";
import { finding, type Finding, type FindingCode } from "./findings";
import { flagIds, hasFlag } from "./flags";
import { formatDecimal, formatMoney, formatScaleN, subtractScaleN, yuanToUnit } from "./format";
import { Decimal } from "./decimal";
import { rewardRules, type Status } from "./reward";

export interface Assessment {
  claim: Claim;
  status: Status;
  amounts: Amounts;
  findings: Finding[];
}

const EXCLUSION_CODES: Partial<Record<FlagId, FindingCode>> = {
  EXCL_ILLEGAL_NEW: "EXCLUDED_ILLEGAL_NEW",
  EXCL_STEEL_CUT: "EXCLUDED_STEEL_CUT",
  EXCL_CAPACITY_SWAP: "EXCLUDED_CAPACITY_SWAP",
  EXCL_RELOCATED: "EXCLUDED_RELOCATED",
};

const NOT_COVERED_CODES: Partial<Record<SectorId, FindingCode>> = {
  "thermal-power": "NOT_COVERED_THERMAL_POWER",
  "printing-dyeing": "NOT_COVERED_PRINTING_DYEING",
  other: "NOT_COVERED_OTHER",
};

/** The finding for a sector this document does not compute; also the text of its #N/A. */
export function notCoveredFinding(sector: SectorId): Finding {
  const s = SECTORS[sector];
  return finding(
    NOT_COVERED_CODES[sector] ?? "NOT_COVERED_OTHER",
    "not-covered",
    s.rewardClause ?? s.clause,
    `${s.nameZh}企业不适用本意见的奖励标准，按${s.governedByZh}执行`,
    `${s.nameEn} is not rewarded under this policy; governed by ${s.governedByEn}`,
  );
}

function exclusionFindings(claim: Claim): Finding[] {
  return flagIds(claim.flags)
    .filter((id) => FLAGS[id].kind === "exclusion")
    .map((id) => {
      const f = FLAGS[id];
      return finding(
        EXCLUSION_CODES[id] as FindingCode,
        "excluded",
        "五（五）",
        `不列入奖补范围：${f.labelZh}（${f.quoteZh}），奖励为 0`,
        `Excluded from the reward: ${f.labelEn}; reward 0`,
      );
    });
}

function flagEffectFindings(claim: Claim): Finding[] {
  const out: Finding[] = [];
  const sector = SECTORS[claim.sector];
  if (claim.sector !== "foundry" && hasFlag(claim.flags, "ALUMINIUM_DEEP_WELL")) {
    out.push(
      finding(
        "FLAG_NO_EFFECT",
        "warning",
        "五（二）",
        `“铝加工（深井铸造）”只对铸造企业适用 2% 比例，对${sector.nameZh}企业不起作用，请核实行业或标记`,
        `"aluminium deep-well casting" sets the 2% rate for foundries only; it has no effect on a ${sector.nameEn} enterprise`,
      ),
    );
  }
  if (claim.sector !== "chemical" && hasFlag(claim.flags, "RIVERSIDE")) {
    out.push(
      finding(
        "FLAG_NO_EFFECT",
        "warning",
        "五（一）",
        `“沿江环境敏感区”另行补偿只适用于化工企业，对${sector.nameZh}企业不起作用`,
        `"riverside" extra compensation applies to chemical enterprises only; no effect on a ${sector.nameEn} enterprise`,
      ),
    );
  }
  return out;
}

function zeroSalesFindings(claim: Claim): Finding[] {
  const out: Finding[] = [];
  const clause = rewardRules(claim)?.clause ?? "五（一）";
  (["sales1", "sales2"] as const).forEach((arg, i) => {
    const sales = claim[arg];
    // Zero is always read as fen 0 (sales.ts), so the decimal need not be built to tell.
    if (sales.fen === 0) {
      out.push(
        finding(
          "ZERO_SALES",
          "warning",
          clause,
          `第${i + 1}年销售额为 0，按 0 计入两年平均值，请核实`,
          `${arg} is 0 and counts as 0 in the two-year average; please check`,
        ),
      );
    }
  });
  return out;
}

function amountFindings(claim: Claim, amounts: Amounts): Finding[] {
  const rules = rewardRules(claim);
  if (!rules) return [];
  const out: Finding[] = [];
  const u = claim.unit;
  if (amounts.stage === "floor" || amounts.stage === "cap") {
    // Only the scale's amount is quoted here, so the full breakdown (explain) is not built; in
    // integers when the sales allow (scaleAmountParts), else decimal.js: the same text either way.
    let computed: (lang: "zh" | "en") => string;
    let limit: (lang: "zh" | "en") => string;
    let difference: (lang: "zh" | "en") => string;
    const parts = scaleAmountParts(claim, rules);
    if (parts) {
      const { n, frac } = parts;
      const limitN = amounts.stage === "floor" ? parts.floorN : parts.capN;
      const [dn, dfrac] = amounts.stage === "floor" ? subtractScaleN(limitN, 0, n, frac) : subtractScaleN(n, frac, limitN, 0);
      computed = (lang) => formatScaleN(n, frac, u, lang);
      limit = (lang) => formatScaleN(limitN, 0, u, lang);
      difference = (lang) => formatScaleN(dn, dfrac, u, lang);
    } else {
      const yuan = scaleAmountYuan(claim, rules);
      const limitYuan = new Decimal(amounts.stage === "floor" ? rules.floor.value : rules.cap.value);
      const diff = amounts.stage === "floor" ? Decimal.max(limitYuan.minus(yuan), 0) : Decimal.max(yuan.minus(limitYuan), 0);
      const money = (d: Decimal, lang: "zh" | "en") => formatDecimal(yuanToUnit(d, u), u, lang);
      computed = (lang) => money(yuan, lang);
      limit = (lang) => money(limitYuan, lang);
      difference = (lang) => money(diff, lang);
    }
    if (amounts.stage === "floor") {
      const split = amounts.park > 0 ? "由园区财政补足" : rules.cityPercent.value === 100 ? "由市财政补足" : "由市、镇财政按 70%、30% 补足";
      out.push(
        finding(
          "FLOOR_TOP_UP",
          "info",
          rules.clause,
          `计算金额 ${computed("zh")} 不足 ${limit("zh")}，补足 ${difference("zh")}（${split}）`,
          `Computed ${computed("en")} is below the floor ${limit("en")}; topped up by ${difference("en")}`,
        ),
      );
    } else {
      out.push(
        finding(
          "CAP_APPLIED",
          "info",
          rules.clause,
          `计算金额 ${computed("zh")} 超过每家企业上限 ${limit("zh")}，按上限奖励（核减 ${difference("zh")}）`,
          `Computed ${computed("en")} exceeds the cap ${limit("en")} per enterprise; capped (cut ${difference("en")})`,
        ),
      );
    }
  }
  if (claim.sector === "chemical" && hasFlag(claim.flags, "RIVERSIDE")) {
    out.push(
      finding(
        "RIVERSIDE_PENDING",
        "warning",
        "五（一）",
        "沿长江1公里环境敏感区化工企业：可由市政府“一事一议”另行补偿，待决定，未计入本金额；补偿不超过上级定向拨付的专项资金",
        "Riverside chemical enterprise: extra compensation may be decided case by case (一事一议) by the city, not included here; at most the superior's earmarked fund",
      ),
    );
  }
  const zone = hasFlag(claim.flags, "ZONE_HIGHTECH") ? FLAGS.ZONE_HIGHTECH : hasFlag(claim.flags, "ZONE_LINGANG") ? FLAGS.ZONE_LINGANG : null;
  if (zone && amounts.park > 0) {
    out.push(
      finding(
        "PARK_PAYS",
        "info",
        "五（二）",
        `位于${zone.labelZh}的铸造企业，奖励 ${formatMoney(amounts.reward, u)} 由园区财政全额承担`,
        `Foundry in the ${zone.labelEn}: the reward ${formatMoney(amounts.reward, u, "en")} is paid wholly by the park`,
      ),
    );
    // Decision: a park flag means the enterprise is in the park, so the park pays even when a town
    // is named too (towns lie around the parks); never silently: the town's share is not asked for.
    if (claim.town) {
      out.push(
        finding(
          "TOWN_AND_PARK",
          "warning",
          "五（二）",
          `同时写了镇街（${claim.town.nameZh}）和园区（${zone.labelZh}）：按园区全额承担计算，${claim.town.nameZh}不出资；请核实企业是否位于${zone.labelZh}内，若不在园区请删去园区标记`,
          `Both a town (${claim.town.nameEn}) and a park (${zone.labelEn}) are given: the park pays all and ${claim.town.nameEn} pays nothing; check that the enterprise is inside the park, and remove the park flag if it is not`,
        ),
      );
    }
  } else if (zone && claim.sector === "chemical") {
    out.push(
      finding(
        "ZONE_CITY_PAYS_CHEMICAL",
        "info",
        "五（一）",
        `化工企业位于${zone.labelZh}：园区全额承担的规定在五（二）铸造条款内，按解释口径仍由市财政全额承担`,
        `Chemical enterprise in the ${zone.labelEn}: the park-pays rule sits in the foundry clause 五（二）, so by the adopted interpretation the city pays`,
      ),
    );
  }
  return out;
}

/** Assesses a claim that has been read; a caller that already has its amounts passes them. */
export function assess(claim: Claim, amounts: Amounts = computeAmounts(claim)): Assessment {
  const findings: Finding[] = [];
  if (amounts.status === "not-covered") {
    findings.push(notCoveredFinding(claim.sector));
  } else {
    findings.push(...exclusionFindings(claim));
    if (amounts.status === "eligible") findings.push(...amountFindings(claim, amounts));
    findings.push(...zeroSalesFindings(claim));
  }
  findings.push(...flagEffectFindings(claim));
  return { claim, status: amounts.status, amounts, findings };
}

export type AssessResult = { ok: true; assessment: Assessment } | { ok: false; error: ClaimError };

/** Reads and assesses a claim; an input error comes back as a value, never thrown. */
export function assessInput(input: ClaimInput): AssessResult {
  try {
    return { ok: true, assessment: assess(parseClaim(input)) };
  } catch (e) {
    if (e instanceof ClaimError) return { ok: false, error: e };
    throw e;
  }
}

/** The #N/A a custom function raises for a not-covered claim. */
export function notCoveredError(sector: SectorId): ClaimError {
  const f = notCoveredFinding(sector);
  return new ClaimError("#N/A", null, f.messageZh, f.messageEn);
}
