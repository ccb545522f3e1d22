/**
 * Assesses one claim: status, money, and the findings that explain or question it, each with its
 * clause. Used by JY.CHECK, the pane, the CLI and the register scan; JY.REWARD / JY.FUNDING use
 * computeAmounts alone. Each finding is declared in findings.ts (FINDINGS) and raised here by one
 * detector; assess runs every detector on every claim.
 */
import { clauseRef, POLICY, type FlagId, type Policy, type SectorId, type SectorReward } from "../policy";
import { computeAmounts, scaleAmountParts, scaleAmountYuan, type Amounts } from "./amounts";
import { parseClaim, type Claim, type ClaimInput } from "./claim";
import { ClaimError } from "./errors";
import { raise, type Finding, type FindingCode } from "./findings";
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

/** What a detector sees: the claim, its money, the rules it falls under and the policy. */
export interface ClaimContext {
  claim: Claim;
  amounts: Amounts;
  rules: SectorReward | null;
  policy: Policy;
}

type Detector = (c: ClaimContext) => Finding[];

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

const capitalized = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const sectorName = (policy: Policy, id: SectorId) => ({ zh: policy.sectors[id].nameZh, en: policy.sectors[id].nameEn });

/** The covered sector whose reward clause is `clause` (RIVERSIDE sits in 五（一）: chemical). */
function sectorOfClause(policy: Policy, clause: string): SectorId | null {
  return (Object.keys(policy.rewards) as SectorId[]).find((id) => policy.rewards[id]!.clause === clause) ?? null;
}

/** The finding for a sector this document does not compute; also the text of its #N/A. */
export function notCoveredFinding(sector: SectorId, policy: Policy = POLICY): Finding {
  const s = policy.sectors[sector];
  return raise(
    NOT_COVERED_CODES[sector] ?? "NOT_COVERED_OTHER",
    { sector: { zh: s.nameZh, en: s.nameEn }, governedBy: { zh: s.governedByZh ?? "", en: s.governedByEn ?? "" } },
    s.rewardClause ?? s.clause,
  );
}

const notCovered: Detector = ({ claim, amounts, policy }) => (amounts.status === "not-covered" ? [notCoveredFinding(claim.sector, policy)] : []);

/** 五（五）: one finding per exclusion flag. */
const exclusions: Detector = ({ claim, amounts, policy }) =>
  amounts.status === "not-covered"
    ? []
    : flagIds(claim.flags)
        .filter((id) => policy.flags[id].kind === "exclusion")
        .map((id) => {
          const f = policy.flags[id];
          return raise(EXCLUSION_CODES[id] as FindingCode, { flag: { zh: f.labelZh, en: f.labelEn }, quote: f.quoteZh });
        });

/** The scale's amount, the limit and their difference, as texts in the claim's unit. */
function floorOrCapTexts(claim: Claim, amounts: Amounts, rules: SectorReward, policy: Policy) {
  const u = claim.unit;
  const both = (f: (lang: "zh" | "en") => string) => ({ zh: f("zh"), en: f("en") });
  // In integers when the sales allow (scaleAmountParts), else decimal.js: the same text either way.
  const parts = scaleAmountParts(claim, rules, policy);
  if (parts) {
    const { n, frac } = parts;
    const limitN = amounts.stage === "floor" ? parts.floorN : parts.capN;
    const [dn, dfrac] = amounts.stage === "floor" ? subtractScaleN(limitN, 0, n, frac) : subtractScaleN(n, frac, limitN, 0);
    return {
      computed: both((lang) => formatScaleN(n, frac, u, lang)),
      limit: both((lang) => formatScaleN(limitN, 0, u, lang)),
      difference: both((lang) => formatScaleN(dn, dfrac, u, lang)),
    };
  }
  const yuan = scaleAmountYuan(claim, rules, policy);
  const limitYuan = new Decimal(amounts.stage === "floor" ? rules.floor.value : rules.cap.value);
  const diff = amounts.stage === "floor" ? Decimal.max(limitYuan.minus(yuan), 0) : Decimal.max(yuan.minus(limitYuan), 0);
  const money = (d: Decimal) => both((lang) => formatDecimal(yuanToUnit(d, u), u, lang));
  return { computed: money(yuan), limit: money(limitYuan), difference: money(diff) };
}

/** 五（一）（二）: the floor (补足) or the cap was applied; who tops up. */
const floorOrCap: Detector = ({ claim, amounts, rules, policy }) => {
  if (!rules || amounts.status !== "eligible" || (amounts.stage !== "floor" && amounts.stage !== "cap")) return [];
  const texts = floorOrCapTexts(claim, amounts, rules, policy);
  if (amounts.stage === "cap") return [raise("CAP_APPLIED", texts, rules.clause)];
  const city = rules.cityPercent.value;
  const payer = amounts.park > 0 ? "由园区财政补足" : city === 100 ? "由市财政补足" : `由市、镇财政按 ${city}%、${100 - city}% 补足`;
  return [raise("FLOOR_TOP_UP", { ...texts, payer }, rules.clause)];
};

/** 五（一）: a riverside enterprise of the sector the clause names may get 一事一议 compensation. */
const riversidePending: Detector = ({ claim, amounts, policy }) => {
  const flag = policy.flags.RIVERSIDE;
  if (amounts.status !== "eligible" || !hasFlag(claim.flags, "RIVERSIDE") || claim.sector !== sectorOfClause(policy, flag.clause)) return [];
  return [raise("RIVERSIDE_PENDING", { flag: flag.labelZh, sector: sectorName(policy, claim.sector) }, flag.clause)];
};

/** 五（一）（二）: who pays when the enterprise is in a park. */
const payer: Detector = ({ claim, amounts, rules, policy }) => {
  if (!rules || amounts.status !== "eligible") return [];
  const zoneId = (["ZONE_HIGHTECH", "ZONE_LINGANG"] as const).find((id) => hasFlag(claim.flags, id));
  if (!zoneId) return [];
  const zone = { zh: policy.flags[zoneId].labelZh, en: policy.flags[zoneId].labelEn };
  const sector = sectorName(policy, claim.sector);
  if (amounts.park > 0) {
    const out = [raise("PARK_PAYS", { zone, sector: { zh: sector.zh, en: capitalized(sector.en) }, amount: { zh: formatMoney(amounts.reward, claim.unit), en: formatMoney(amounts.reward, claim.unit, "en") } })];
    // Decision: a park flag means the enterprise is in the park, so the park pays even when a town
    // is named too (towns lie around the parks); never silently: the town's share is not asked for.
    if (claim.town) out.push(raise("TOWN_AND_PARK", { zone, town: { zh: claim.town.nameZh, en: claim.town.nameEn } }));
    return out;
  }
  if (rules.parkPaysInZones.value) return [];
  // Decision (RULES.md): the park rule sits in the clause of the sector whose rules let the park pay.
  const parkSector = (Object.keys(policy.rewards) as SectorId[]).find((id) => policy.rewards[id]!.parkPaysInZones.value);
  if (!parkSector) return [];
  const parkClause = policy.rewards[parkSector]!.clause;
  return [
    raise(
      "ZONE_CITY_PAYS_CHEMICAL",
      { zone, sector: { zh: sector.zh, en: capitalized(sector.en) }, parkSector: sectorName(policy, parkSector), parkClause: { zh: parkClause, en: clauseRef(parkClause, "en") } },
      rules.clause,
    ),
  ];
};

/** A year's sales of 0: allowed (RULES.md), but worth a look. */
const zeroSales: Detector = ({ claim, amounts, rules, policy }) => {
  if (amounts.status === "not-covered") return [];
  const clause = rules?.clause ?? Object.values(policy.rewards)[0]!.clause;
  const out: Finding[] = [];
  (["sales1", "sales2"] as const).forEach((argument, i) => {
    // Zero is always read as fen 0 (sales.ts), so the decimal need not be built to tell.
    if (claim[argument].fen === 0) out.push(raise("ZERO_SALES", { year: i + 1, argument }, clause));
  });
  return out;
};

/** A rate flag on another sector, or RIVERSIDE outside its sector: the flag changes nothing. */
const flagNoEffect: Detector = ({ claim, policy }) => {
  const out: Finding[] = [];
  const sector = sectorName(policy, claim.sector);
  for (const r of policy.rateFlags) {
    if (r.sector === claim.sector || !hasFlag(claim.flags, r.flag)) continue;
    const f = policy.flags[r.flag];
    out.push(
      raise(
        "FLAG_NO_EFFECT",
        {
          what: { zh: `“${f.labelZh}”`, en: `"${f.labelEn}"` },
          effect: { zh: ` ${r.rate.value}% 比例`, en: `sets the ${r.rate.value}% rate for` },
          forSector: sectorName(policy, r.sector),
          sector,
          advice: { zh: "，请核实行业或标记", en: "" },
        },
        r.rate.clause,
      ),
    );
  }
  const riverside = policy.flags.RIVERSIDE;
  const riversideSector = sectorOfClause(policy, riverside.clause);
  if (riversideSector && claim.sector !== riversideSector && hasFlag(claim.flags, "RIVERSIDE")) {
    out.push(
      raise(
        "FLAG_NO_EFFECT",
        { what: { zh: "“沿江环境敏感区”", en: '"riverside"' }, effect: { zh: "“一事一议”另行补偿", en: "extra compensation applies to" }, forSector: sectorName(policy, riversideSector), sector, advice: "" },
        riverside.clause,
      ),
    );
  }
  return out;
};

/** Every claim detector, in the order the findings are listed. */
export const CLAIM_DETECTORS: readonly Detector[] = [notCovered, exclusions, floorOrCap, riversidePending, payer, zeroSales, flagNoEffect];

/** Assesses a claim that has been read; a caller that already has its amounts passes them. */
export function assess(claim: Claim, amounts: Amounts = computeAmounts(claim), policy: Policy = POLICY): Assessment {
  const context: ClaimContext = { claim, amounts, rules: rewardRules(claim, policy), policy };
  const findings: Finding[] = [];
  for (const detect of CLAIM_DETECTORS) findings.push(...detect(context));
  return { claim, status: amounts.status, amounts, findings };
}

export type AssessResult = { ok: true; assessment: Assessment } | { ok: false; error: ClaimError };

/** Reads and assesses a claim; an input error comes back as a value, never thrown. */
export function assessInput(input: ClaimInput, policy: Policy = POLICY): AssessResult {
  try {
    const claim = parseClaim(input, policy);
    return { ok: true, assessment: assess(claim, computeAmounts(claim, policy), policy) };
  } catch (e) {
    if (e instanceof ClaimError) return { ok: false, error: e };
    throw e;
  }
}

/** The #N/A a custom function raises for a not-covered claim. */
export function notCoveredError(sector: SectorId, policy: Policy = POLICY): ClaimError {
  const f = notCoveredFinding(sector, policy);
  return new ClaimError("#N/A", null, f.messageZh, f.messageEn);
}
