/**
 * One vocabulary for everything the product reports (JY.CHECK, the pane, the CLI): a stable code,
 * a severity, the clause, and a message in Chinese and English. Register findings (about a row of
 * a register) also carry the row and the cells they are about, so the pane can select them.
 */
import { clauseRef, type ClauseId } from "../policy";
import type { Lang } from "./lang";

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

export const finding = (
  code: FindingCode,
  severity: Severity,
  clause: ClauseId | null,
  messageZh: string,
  messageEn: string,
): Finding => ({ code, severity, clause, messageZh, messageEn });

/** A finding's message in one language, with its clause (五（一） / Art. 5(1)), as JY.CHECK and the CLI print it. */
export function findingText(f: Finding, lang: Lang): string {
  if (lang === "zh") return f.clause ? `${f.messageZh}（${f.clause}）` : f.messageZh;
  return f.clause ? `${f.messageEn} (${clauseRef(f.clause, "en")})` : f.messageEn;
}
