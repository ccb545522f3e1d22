/**
 * One vocabulary for everything the product reports (JY.CHECK, the pane, the CLI): a stable code,
 * a severity, the clause, and a message in Chinese and English. Register findings (about a row of
 * a register) also carry the row and the cells they are about, so the pane can select them.
 */
import { clauseRef, type ClauseId } from "../policy";
import type { Lang } from "./lang";
import type { ColumnKey } from "./register/columns";

export type Severity = "excluded" | "not-covered" | "error" | "warning" | "info";

/** Most serious first; the pane sorts and filters by it. */
export const SEVERITIES: Severity[] = ["excluded", "not-covered", "error", "warning", "info"];

export const SEVERITY_LABELS: Record<Severity, { zh: string; en: string }> = {
  excluded: { zh: "不列入奖补", en: "Excluded" },
  "not-covered": { zh: "不适用本意见", en: "Not covered" },
  error: { zh: "输入错误", en: "Invalid input" },
  warning: { zh: "需核实", en: "Check" },
  info: { zh: "提示", en: "Note" },
};

export type FindingCode =
  // About one claim (engine)
  | "EXCLUDED_ILLEGAL_NEW"
  | "EXCLUDED_STEEL_CUT"
  | "EXCLUDED_CAPACITY_SWAP"
  | "EXCLUDED_RELOCATED"
  | "NOT_COVERED_THERMAL_POWER"
  | "NOT_COVERED_PRINTING_DYEING"
  | "NOT_COVERED_OTHER"
  | "FLOOR_TOP_UP"
  | "CAP_APPLIED"
  | "ZERO_SALES"
  | "RIVERSIDE_PENDING"
  | "FLAG_NO_EFFECT"
  | "PARK_PAYS"
  | "TOWN_AND_PARK"
  | "ZONE_CITY_PAYS_CHEMICAL"
  // About a row of a register (engine/register)
  | "INVALID_INPUT"
  | "EXIT_YEAR_OUTSIDE"
  | "EXIT_YEAR_MISSING"
  | "CONDITION_NOT_MET"
  | "USCC_INVALID"
  | "DUPLICATE_ENTERPRISE"
  | "SALES_IMPLAUSIBLE_FOR_UNIT"
  | "DEADLINE_LATE"
  | "PLACE_MISSING"
  | "NOTE_MENTIONS_FLAG"
  // Across the towns' registers and past years (engine/city)
  | "DUPLICATE_ACROSS_REGISTERS"
  | "REWARDED_BEFORE";

export interface Finding {
  code: FindingCode;
  severity: Severity;
  clause: ClauseId | null;
  messageZh: string;
  messageEn: string;
  /** For register findings: 1-based sheet row of the enterprise. */
  row?: number;
  /** For register findings: A1 addresses of the cells the finding is about. */
  cells?: string[];
}


/**
 * One kind of finding: its severity, the clause it usually cites (a detector may cite the claim's
 * own sector clause instead), the register cells it points at (null: the detector names them),
 * and its message with {placeholders} the detector fills, in each language.
 */
export interface FindingSpec {
  /** The kind's short name, as the pane heads a group of findings. */
  label: { zh: string; en: string };
  /** Who raises it: a claim detector (assess.ts), the register scan (about a row as a whole), or the city consolidation (engine/city, across registers and years). */
  raisedBy: "claim" | "register" | "city";
  severity: Severity;
  clause: ClauseId | null;
  cells: ColumnKey[] | null;
  zh: string;
  en: string;
}

/**
 * Every finding the product raises, with the short name the pane heads its group with. Claim
 * findings are raised by the detectors in assess.ts (JY.CHECK, the pane, the CLI and the register
 * scan all run them); register findings by the scan (engine/register/scan.ts). A new finding is
 * one row here, one detector and its test.
 */
export const FINDINGS: Record<FindingCode, FindingSpec> = {
  EXCLUDED_ILLEGAL_NEW: { label: { zh: "违规新增产能", en: "Illegally added capacity" }, raisedBy: "claim", severity: "excluded", clause: "五（五）", cells: ["flags"], zh: "不列入奖补范围：{flag}（{quote}），奖励为 0", en: "Excluded from the reward: {flag}; reward 0" },
  EXCLUDED_STEEL_CUT: { label: { zh: "地条钢、感应炉", en: "Substandard steel, induction furnaces" }, raisedBy: "claim", severity: "excluded", clause: "五（五）", cells: ["flags"], zh: "不列入奖补范围：{flag}（{quote}），奖励为 0", en: "Excluded from the reward: {flag}; reward 0" },
  EXCLUDED_CAPACITY_SWAP: { label: { zh: "产能置换", en: "Capacity swap" }, raisedBy: "claim", severity: "excluded", clause: "五（五）", cells: ["flags"], zh: "不列入奖补范围：{flag}（{quote}），奖励为 0", en: "Excluded from the reward: {flag}; reward 0" },
  EXCLUDED_RELOCATED: { label: { zh: "搬迁入园", en: "Relocated into a park" }, raisedBy: "claim", severity: "excluded", clause: "五（五）", cells: ["flags"], zh: "不列入奖补范围：{flag}（{quote}），奖励为 0", en: "Excluded from the reward: {flag}; reward 0" },
  NOT_COVERED_THERMAL_POWER: { label: { zh: "热电行业", en: "Thermal power" }, raisedBy: "claim", severity: "not-covered", clause: "五（三）", cells: ["sector"], zh: "{sector}企业不适用本意见的奖励标准，按{governedBy}执行", en: "{sector} is not rewarded under this policy; governed by {governedBy}" },
  NOT_COVERED_PRINTING_DYEING: { label: { zh: "印染行业", en: "Printing and dyeing" }, raisedBy: "claim", severity: "not-covered", clause: "三（一）4", cells: ["sector"], zh: "{sector}企业不适用本意见的奖励标准，按{governedBy}执行", en: "{sector} is not rewarded under this policy; governed by {governedBy}" },
  NOT_COVERED_OTHER: { label: { zh: "其他行业", en: "Other sectors" }, raisedBy: "claim", severity: "not-covered", clause: "三（一）5", cells: ["sector"], zh: "{sector}企业不适用本意见的奖励标准，按{governedBy}执行", en: "{sector} is not rewarded under this policy; governed by {governedBy}" },
  FLOOR_TOP_UP: { label: { zh: "补足至下限", en: "Raised to the floor" }, raisedBy: "claim", severity: "info", clause: null, cells: ["sales1", "sales2", "reward"], zh: "计算金额 {computed} 不足 {limit}，补足 {difference}（{payer}）", en: "Computed {computed} is below the floor {limit}; topped up by {difference}" },
  CAP_APPLIED: { label: { zh: "达到奖励上限", en: "Capped" }, raisedBy: "claim", severity: "info", clause: null, cells: ["sales1", "sales2", "reward"], zh: "计算金额 {computed} 超过每家企业上限 {limit}，按上限奖励（核减 {difference}）", en: "Computed {computed} exceeds the cap {limit} per enterprise; capped (cut {difference})" },
  ZERO_SALES: { label: { zh: "销售额为0", en: "Zero sales" }, raisedBy: "claim", severity: "warning", clause: null, cells: null, zh: "第{year}年销售额为 0，按 0 计入两年平均值，请核实", en: "{argument} is 0 and counts as 0 in the two-year average; please check" },
  RIVERSIDE_PENDING: {
    label: { zh: "沿江一事一议待定", en: "Riverside: case-by-case decision pending" },
    raisedBy: "claim", severity: "warning",
    clause: "五（一）",
    cells: ["flags"],
    zh: "{flag}{sector}企业：可由市政府“一事一议”另行补偿，待决定，未计入本金额；补偿不超过上级定向拨付的专项资金",
    en: "Riverside {sector} enterprise: extra compensation may be decided case by case (一事一议) by the city, not included here; at most the superior's earmarked fund",
  },
  FLAG_NO_EFFECT: { label: { zh: "标记不起作用", en: "Flag without effect" }, raisedBy: "claim", severity: "warning", clause: null, cells: ["sector", "flags"], zh: "{what}只对{forSector}企业适用{effect}，对{sector}企业不起作用{advice}", en: "{what} {effect} {forSector} enterprises only; it has no effect on a {sector} enterprise" },
  PARK_PAYS: { label: { zh: "园区财政全额承担", en: "Paid in full by the park" }, raisedBy: "claim", severity: "info", clause: "五（二）", cells: ["place", "flags", "park"], zh: "位于{zone}的{sector}企业，奖励 {amount} 由园区财政全额承担", en: "{sector} in the {zone}: the reward {amount} is paid wholly by the park" },
  TOWN_AND_PARK: {
    label: { zh: "同时填写了镇（街道）和园区", en: "Both a town and a park given" },
    raisedBy: "claim", severity: "warning",
    clause: "五（二）",
    cells: ["place", "flags"],
    zh: "同时写了镇街（{town}）和园区（{zone}）：按园区全额承担计算，{town}不出资；请核实企业是否位于{zone}内，若不在园区请删去园区标记",
    en: "Both a town ({town}) and a park ({zone}) are given: the park pays all and {town} pays nothing; check that the enterprise is inside the park, and remove the park flag if it is not",
  },
  ZONE_CITY_PAYS_CHEMICAL: {
    label: { zh: "园区内化工企业由市财政承担", en: "Chemical enterprise in a park: the city pays" },
    raisedBy: "claim", severity: "info",
    clause: null,
    cells: ["place", "flags", "city"],
    zh: "{sector}企业位于{zone}：园区全额承担的规定在{parkClause}{parkSector}条款内，按解释口径仍由市财政全额承担",
    en: "{sector} enterprise in the {zone}: the park-pays rule sits in the {parkSector} clause {parkClause}, so by the adopted interpretation the city pays",
  },
  INVALID_INPUT: { label: { zh: "单元格内容无法识别", en: "Cells that cannot be read" }, raisedBy: "register", severity: "error", clause: null, cells: null, zh: "{message}", en: "{message}" },
  EXIT_YEAR_OUTSIDE: { label: { zh: "退出时间不在执行期内", en: "Exit outside the policy period" }, raisedBy: "register", severity: "warning", clause: "七", cells: ["exitYear"], zh: "退出{when}不在本意见执行期（{from}至{until}）内{before}", en: "Exit {when} is outside this policy's period ({from} to {until}){before}" },
  EXIT_YEAR_MISSING: { label: { zh: "未填写退出年度", en: "Exit year missing" }, raisedBy: "register", severity: "warning", clause: "七", cells: ["exitYear"], zh: "未填写退出年度，无法核对是否在本意见执行期内及各项时限", en: "The exit year is blank: the period of this policy and the deadlines cannot be checked" },
  CONDITION_NOT_MET: {
    label: { zh: "条件未满足", en: "Conditions not met" },
    raisedBy: "register", severity: "warning",
    clause: null,
    cells: null,
    zh: "奖励须在当年停产、拆除设备并通过验收后兑现，尚未满足：{missing}",
    en: "The reward is due only after production stopped, equipment was dismantled and acceptance passed; not yet: {missing}",
  },
  USCC_INVALID: { label: { zh: "统一社会信用代码有误", en: "Credit code wrong" }, raisedBy: "register", severity: "warning", clause: null, cells: ["uscc"], zh: "{problem}（GB 32100-2015）", en: "Unified social credit code: {problem} (GB 32100-2015)" },
  DUPLICATE_ENTERPRISE: { label: { zh: "企业重复登记", en: "Entered twice" }, raisedBy: "register", severity: "warning", clause: null, cells: null, zh: "与第 {first} 行为同一企业（{same}相同），请勿重复申报", en: "Same enterprise as row {first} (same {same}); a claim must not be made twice" },
  SALES_IMPLAUSIBLE_FOR_UNIT: { label: { zh: "销售额与单位不符", en: "Sales do not fit the unit" }, raisedBy: "register", severity: "warning", clause: null, cells: null, zh: "{problem}", en: "{problem}" },
  DEADLINE_LATE: { label: { zh: "逾期", en: "Late" }, raisedBy: "register", severity: "warning", clause: null, cells: null, zh: "逾期：{task}应于{date}前完成（{year}年退出）{credit}", en: "Late: {task} was due by {date} (exit in {year}){credit}" },
  PLACE_MISSING: {
    label: { zh: "未填写所属镇（街道）", en: "No town given" },
    raisedBy: "register", severity: "warning",
    clause: null,
    cells: ["place"],
    zh: "镇级财政承担 {amount}（{share}%），但未填写所在镇街，无法归入镇财政合计",
    en: "The town pays {amount} ({share}%), but no town is given, so it cannot be put under a town's total",
  },
  NOTE_MENTIONS_FLAG: { label: { zh: "备注提及未标记的情况", en: "Notes mention an unmarked flag" }, raisedBy: "register", severity: "warning", clause: null, cells: ["note", "flags"], zh: "备注提及{words}，标记{flags}：{effect}", en: "The note mentions {words}, but the flags {flags}: {effect}" },
  DUPLICATE_ACROSS_REGISTERS: {
    label: { zh: "多个台账重复申报", en: "Claimed in two registers" },
    raisedBy: "city", severity: "warning",
    clause: "四（二）",
    cells: ["name", "uscc"],
    zh: "与 {others} 为同一企业（{same}相同），同一关闭退出只能申报一次，请核实由哪个镇街园区申报",
    en: "Same enterprise as {others} (same {same}); one closure is claimed once: check which town or park claims it",
  },
  REWARDED_BEFORE: {
    label: { zh: "往年已获奖补", en: "Rewarded in an earlier year" },
    raisedBy: "city", severity: "excluded",
    clause: "四（三）",
    cells: ["name", "uscc"],
    zh: "已于{when}获得奖励；奖励针对关闭退出一次性兑现，本次应不列入奖补，请核实",
    en: "Already rewarded in {when}; the reward is paid once per closure, so this claim should be excluded: check it",
  },
};

/** The short name of every kind of finding, in one language. */
export function findingLabels(lang: Lang): Record<FindingCode, string> {
  return Object.fromEntries((Object.keys(FINDINGS) as FindingCode[]).map((code) => [code, FINDINGS[code].label[lang]])) as Record<FindingCode, string>;
}

/** A placeholder's value: the same text in both languages, or one per language. */
export type FindingValue = string | number | { zh: string; en: string };

function fill(template: string, values: Record<string, FindingValue>, lang: "zh" | "en", code: FindingCode): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const v = values[key];
    if (v === undefined) throw new Error(`${code}: no value for {${key}}`);
    return typeof v === "object" ? v[lang] : String(v);
  });
}

/** A finding of a declared kind, its message filled in; `clause` replaces the declared one when given. */
export function raise(code: FindingCode, values: Record<string, FindingValue> = {}, clause?: ClauseId | null): Finding {
  const spec = FINDINGS[code];
  return {
    code,
    severity: spec.severity,
    clause: clause === undefined ? spec.clause : clause,
    messageZh: fill(spec.zh, values, "zh", code),
    messageEn: fill(spec.en, values, "en", code),
  };
}

/** A finding worded by its caller; the product's own findings are raised from FINDINGS (raise). */
export const finding = (code: FindingCode, severity: Severity, clause: ClauseId | null, messageZh: string, messageEn: string): Finding => ({ code, severity, clause, messageZh, messageEn });

/** A finding's message in one language, with its clause (五（一） / Art. 5(1)), as JY.CHECK and the CLI print it. */
export function findingText(f: Finding, lang: Lang): string {
  if (lang === "zh") return f.clause ? `${f.messageZh}（${f.clause}）` : f.messageZh;
  return f.clause ? `${f.messageEn} (${clauseRef(f.clause, "en")})` : f.messageEn;
}
