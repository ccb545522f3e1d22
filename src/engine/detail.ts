/**
 * A breakdown as labelled lines (label, value, clause) in one language: what JY.DETAIL spills,
 * what the CLI prints and what the pane shows an auditor. Values are in the claim's unit.
 */
import { POLICY, type ClauseId, type Policy } from "../policy";
import type { Breakdown } from "./breakdown";
import { Decimal } from "./decimal";
import { fenToUnitString, yuanToUnit } from "./format";
import { hasFlag } from "./flags";
import type { Lang } from "./lang";

export interface DetailLine {
  key: string;
  label: string;
  /** Exact decimal in the claim's unit, or a text (status, sector). */
  value: Decimal | string;
  clause: ClauseId | null;
}

const T = {
  sector: { zh: "行业", en: "Sector" },
  status: { zh: "状态", en: "Status" },
  base: { zh: "两年销售额平均值（基数）", en: "Base: average of the two years' sales" },
  computed: { zh: "按标准计算金额（补足、封顶前）", en: "Computed by the rates (before floor and cap)" },
  topUp: { zh: "补足至下限", en: "Top-up to the floor" },
  capCut: { zh: "超上限核减", en: "Cut to the cap" },
  exact: { zh: "奖励金额（未舍入）", en: "Reward before rounding" },
  reward: { zh: "奖励金额（四舍五入到分）", en: "Reward (rounded half-up to 0.01 yuan)" },
  city: { zh: "其中：市财政", en: "of which: city finance" },
  town: { zh: "其中：镇（街道）财政", en: "of which: town finance" },
  park: { zh: "其中：园区财政", en: "of which: park finance" },
} as const;

const STATUS = {
  eligible: { zh: "符合奖励条件", en: "eligible" },
  excluded: { zh: "不列入奖补范围", en: "excluded" },
  "not-covered": { zh: "不适用本意见", en: "not covered by this policy" },
} as const;

function sliceLabel(from: string, upTo: string | null, rate: number, lang: Lang): string {
  const wan = (yuan: string) => {
    const y = Number(yuan);
    return y >= 1e8 ? `${y / 1e8}亿元` : `${y / 1e4}万元`;
  };
  if (lang === "zh") {
    if (from === "0" && upTo === null) return `基数 × ${rate}%`;
    if (upTo === null) return `${wan(from)}以上部分 × ${rate}%`;
    return `${from === "0" ? "0" : wan(from)}—${wan(upTo)}（含）部分 × ${rate}%`;
  }
  const m = (yuan: string) => `${Number(yuan) / 1e6}M`;
  if (from === "0" && upTo === null) return `base × ${rate}%`;
  if (upTo === null) return `part above ${m(from)} yuan × ${rate}%`;
  return `part ${from === "0" ? "0" : m(from)}–${m(upTo)} yuan × ${rate}%`;
}

/** The clause the exclusion flags cite (五（五）). */
const EXCLUSION_CLAUSE = (policy: Policy): ClauseId => Object.values(policy.flags).find((f) => f.kind === "exclusion")!.clause;

/** The breakdown as lines, in the claim's unit. */
export function detailLines(b: Breakdown, lang: Lang, policy: Policy = POLICY): DetailLine[] {
  const { claim, amounts } = b;
  const u = claim.unit;
  const inUnit = (yuan: Decimal) => yuanToUnit(yuan, u);
  const fen = (n: number) => new Decimal(fenToUnitString(n, u));
  const sector = policy.sectors[claim.sector];
  const lines: DetailLine[] = [
    { key: "sector", label: T.sector[lang], value: lang === "zh" ? sector.nameZh : sector.nameEn, clause: sector.clause },
    { key: "status", label: T.status[lang], value: STATUS[amounts.status][lang], clause: amounts.status === "eligible" ? b.clause : amounts.status === "excluded" ? EXCLUSION_CLAUSE(policy) : sector.rewardClause ?? sector.clause },
  ];
  if (amounts.status !== "eligible") return lines;
  lines.push({ key: "base", label: T.base[lang], value: inUnit(b.base), clause: b.clause });
  const rateFlag = policy.rateFlags.find((r) => r.sector === claim.sector && hasFlag(claim.flags, r.flag));
  const rateClause = rateFlag ? rateFlag.rate.clause : b.clause;
  b.slices.forEach((s, i) => {
    lines.push({ key: `slice${i + 1}`, label: sliceLabel(s.slice.from, s.slice.upTo, s.slice.ratePercent, lang), value: inUnit(s.amount), clause: rateClause });
  });
  lines.push({ key: "computed", label: T.computed[lang], value: inUnit(b.computed), clause: b.clause });
  if (!b.topUp.isZero()) lines.push({ key: "topUp", label: T.topUp[lang], value: inUnit(b.topUp), clause: b.clause });
  if (!b.capCut.isZero()) lines.push({ key: "capCut", label: T.capCut[lang], value: inUnit(b.capCut).negated(), clause: b.clause });
  lines.push({ key: "reward", label: T.reward[lang], value: fen(amounts.reward), clause: b.clause });
  lines.push({ key: "city", label: T.city[lang], value: fen(amounts.city), clause: b.clause });
  lines.push({ key: "town", label: T.town[lang], value: fen(amounts.town), clause: b.clause });
  lines.push({ key: "park", label: T.park[lang], value: fen(amounts.park), clause: b.clause });
  return lines;
}
