/**
 * The city office's consolidation (四（二）: 奖补项目及奖励资金统计): every town's register in one,
 * checked across registers and against past years, and totalled by payer and payment deadline.
 *
 * - The same enterprise in two registers (same valid credit code; else the same name where either
 *   row has no valid code, unless rows of that name carry different codes) is 需核实 on each row,
 *   naming the other sources: one closure, one claim.
 * - An enterprise a past year's consolidated register already rewarded is a 不列入奖补 candidate
 *   (四（三）: the reward is for the closure, paid once), naming that year and source.
 * Within one register the scan already reports duplicates (DUPLICATE_ENTERPRISE); they are not
 * reported again here.
 */
import { FLAGS, TOWNS } from "../../policy";
import { raise, type Finding } from "../findings";
import { hasFlag } from "../flags";
import { paymentDeadline } from "../register/deadlines";
import { recordsOf, type CityRecord, type SourceRef, type SourceRegister } from "./records";

export interface CityFinding extends Finding {
  source: SourceRef;
  enterprise: string;
  uscc: string;
  /** The other rows it is about (the other registers' rows, or the past year's). */
  others: SourceRef[];
}

export interface PayerLine {
  /** Town nameZh, or the park's flag id, or "city". */
  key: string;
  nameZh: string;
  nameEn: string;
  fen: number;
}

export interface DeadlineLine {
  exitYear: number | null;
  /** ISO payment deadline (DEADLINES "payment"); null when the exit year is not given. */
  deadline: string | null;
  reward: number;
  city: number;
  town: number;
  park: number;
  enterprises: number;
}

export interface CityTotals {
  /** Whole 分; reward = city + town + park. */
  reward: number;
  city: number;
  town: number;
  park: number;
  /** Town shares by town (towns with a share only, in the policy's order). */
  towns: PayerLine[];
  /** Town shares of rows naming no town. */
  townUnknown: number;
  /** Both parks, always listed. */
  parks: PayerLine[];
  byDeadline: DeadlineLine[];
  counts: { enterprises: number; eligible: number; excluded: number; notCovered: number; invalid: number };
  /** Rows flagged across registers, and the rewards of rows already rewarded in a past year. */
  duplicates: number;
  rewardedBefore: number;
  rewardedBeforeFen: number;
}

export interface CityConsolidation {
  records: CityRecord[];
  findings: CityFinding[];
  totals: CityTotals;
}

const registerOf = (s: SourceRef) => `${s.file}\u0000${s.sheet}`;

/** "华士镇.xlsx「登记表」第 5 行" / `华士镇.xlsx "登记表" row 5`. */
export function sourceText(s: SourceRef, lang: "zh" | "en"): string {
  return lang === "zh" ? `${s.file}「${s.sheet}」第 ${s.row} 行` : `${s.file} "${s.sheet}" row ${s.row}`;
}

/** Groups of records that are one enterprise: same valid code, or same name where a code is missing. */
function sameEnterprise(records: CityRecord[]): number[][] {
  const parent = records.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const union = (a: number, b: number) => {
    parent[find(a)] = find(b);
  };
  const byCode = new Map<string, number>();
  const byName = new Map<string, number[]>();
  records.forEach((r, i) => {
    if (r.usccKey) {
      const first = byCode.get(r.usccKey);
      if (first === undefined) byCode.set(r.usccKey, i);
      else union(i, first);
    }
    if (r.nameKey) byName.set(r.nameKey, [...(byName.get(r.nameKey) ?? []), i]);
  });
  for (const same of byName.values()) {
    // A name shared by enterprises with different codes says nothing about a row without one.
    if (new Set(same.map((i) => records[i].usccKey).filter(Boolean)).size > 1) continue;
    for (const i of same) {
      if (records[i].usccKey) continue;
      for (const j of same) if (j !== i) union(i, j);
    }
  }
  const groups = new Map<number, number[]>();
  records.forEach((_, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), i]));
  return [...groups.values()].filter((g) => g.length > 1);
}

/** Whether a past-year row and a row now are one enterprise (the same rule as across registers). */
function matches(past: CityRecord, now: CityRecord): boolean {
  if (past.usccKey && now.usccKey) return past.usccKey === now.usccKey;
  return past.nameKey !== "" && past.nameKey === now.nameKey;
}

function enterpriseOf(r: CityRecord): string {
  return r.name || r.uscc || `第 ${r.source.row} 行`;
}

/** A year named in a file name (2024年度汇总.xlsx), for past rows whose exit year is blank. */
function yearInName(file: string): number | null {
  const m = /(?:^|\D)(20\d{2})(?!\d)/.exec(file);
  return m ? Number(m[1]) : null;
}

function crossFindings(records: CityRecord[]): CityFinding[] {
  const out: CityFinding[] = [];
  for (const group of sameEnterprise(records)) {
    if (new Set(group.map((i) => registerOf(records[i].source))).size < 2) continue;
    for (const i of group) {
      const r = records[i];
      const others = group.filter((j) => registerOf(records[j].source) !== registerOf(r.source)).map((j) => records[j].source);
      const byCode = others.every((o) => records.find((x) => x.source === o)!.usccKey === r.usccKey && r.usccKey !== "");
      out.push({
        ...raise("DUPLICATE_ACROSS_REGISTERS", {
          others: { zh: others.map((o) => sourceText(o, "zh")).join("、"), en: others.map((o) => sourceText(o, "en")).join(", ") },
          same: byCode ? { zh: "统一社会信用代码", en: "unified social credit code" } : { zh: "企业名称", en: "name" },
        }),
        source: r.source,
        enterprise: enterpriseOf(r),
        uscc: r.uscc,
        others,
      });
    }
  }
  return out;
}

function historyFindings(records: CityRecord[], past: CityRecord[]): CityFinding[] {
  const rewarded = past.filter((p) => (p.amounts?.reward ?? 0) > 0);
  const byCode = new Map<string, CityRecord[]>();
  const byName = new Map<string, CityRecord[]>();
  for (const p of rewarded) {
    if (p.usccKey) byCode.set(p.usccKey, [...(byCode.get(p.usccKey) ?? []), p]);
    if (p.nameKey) byName.set(p.nameKey, [...(byName.get(p.nameKey) ?? []), p]);
  }
  const out: CityFinding[] = [];
  for (const r of records) {
    const candidates = [...(r.usccKey ? byCode.get(r.usccKey) ?? [] : []), ...(r.nameKey ? byName.get(r.nameKey) ?? [] : [])];
    const hits = [...new Set(candidates)].filter((p) => matches(p, r));
    if (hits.length === 0) continue;
    const when = (p: CityRecord) => p.exitYear ?? yearInName(p.source.file);
    const zh = hits.map((p) => `${when(p) ?? "往"}年度（${sourceText(p.source, "zh")}）`).join("、");
    const en = hits.map((p) => `${when(p) ?? "a past year"} (${sourceText(p.source, "en")})`).join(", ");
    out.push({
      ...raise("REWARDED_BEFORE", { when: { zh, en } }),
      source: r.source,
      enterprise: enterpriseOf(r),
      uscc: r.uscc,
      others: hits.map((p) => p.source),
    });
  }
  return out;
}

function totalsOf(records: CityRecord[], findings: CityFinding[]): CityTotals {
  const towns = new Map<string, number>();
  const parks = new Map<string, number>([["ZONE_HIGHTECH", 0], ["ZONE_LINGANG", 0]]);
  const years = new Map<number | null, DeadlineLine>();
  const t: CityTotals = {
    reward: 0,
    city: 0,
    town: 0,
    park: 0,
    towns: [],
    townUnknown: 0,
    parks: [],
    byDeadline: [],
    counts: { enterprises: records.length, eligible: 0, excluded: 0, notCovered: 0, invalid: 0 },
    duplicates: new Set(findings.filter((f) => f.code === "DUPLICATE_ACROSS_REGISTERS").map((f) => f.source)).size,
    rewardedBefore: 0,
    rewardedBeforeFen: 0,
  };
  for (const r of records) {
    const a = r.amounts;
    if (!a || !r.claim) {
      t.counts.invalid++;
      continue;
    }
    t.counts[a.status === "eligible" ? "eligible" : a.status === "excluded" ? "excluded" : "notCovered"]++;
    t.reward += a.reward;
    t.city += a.city;
    t.town += a.town;
    t.park += a.park;
    if (r.claim.town) towns.set(r.claim.town.nameZh, (towns.get(r.claim.town.nameZh) ?? 0) + a.town);
    else t.townUnknown += a.town;
    if (a.park > 0) {
      const id = hasFlag(r.claim.flags, "ZONE_HIGHTECH") ? "ZONE_HIGHTECH" : "ZONE_LINGANG";
      parks.set(id, (parks.get(id) ?? 0) + a.park);
    }
    const y = years.get(r.exitYear) ?? { exitYear: r.exitYear, deadline: r.exitYear === null ? null : paymentDeadline(r.exitYear), reward: 0, city: 0, town: 0, park: 0, enterprises: 0 };
    y.reward += a.reward;
    y.city += a.city;
    y.town += a.town;
    y.park += a.park;
    y.enterprises++;
    years.set(r.exitYear, y);
  }
  t.towns = TOWNS.filter((x) => (towns.get(x.nameZh) ?? 0) !== 0).map((x) => ({ key: x.nameZh, nameZh: x.nameZh, nameEn: x.nameEn, fen: towns.get(x.nameZh)! }));
  t.parks = (["ZONE_HIGHTECH", "ZONE_LINGANG"] as const).map((id) => ({ key: id, nameZh: FLAGS[id].labelZh, nameEn: FLAGS[id].labelEn, fen: parks.get(id)! }));
  t.byDeadline = [...years.values()].sort((a, b) => (a.exitYear ?? 99999) - (b.exitYear ?? 99999));
  const before = new Set(findings.filter((f) => f.code === "REWARDED_BEFORE").map((f) => f.source));
  for (const r of records) {
    if (!before.has(r.source)) continue;
    t.rewardedBefore++;
    t.rewardedBeforeFen += r.amounts?.reward ?? 0;
  }
  return t;
}

/** The registers of this year (and past years' consolidated registers) as one city register. */
export function consolidate(registers: SourceRegister[], history: SourceRegister[] = []): CityConsolidation {
  const records = registers.flatMap(recordsOf);
  const past = history.flatMap(recordsOf);
  const findings = [...historyFindings(records, past), ...crossFindings(records)];
  return { records, findings, totals: totalsOf(records, findings) };
}
