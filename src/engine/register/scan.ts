/**
 * The register scan: every row of a register read as a claim (the town / park column passed as
 * `place`), assessed, checked as a register row (credit code, duplicates, exit year, conditions,
 * units, deadlines), and totalled by payer. Pure: the pane, the playground and `jyreward audit`
 * hand it cell values.
 *
 * Every row with a readable claim runs through `assess`, the same detectors JY.CHECK runs; the
 * register's own findings are declared beside them (findings.ts FINDINGS).
 */
import { POLICY, type ClauseId, type FlagId, type Policy } from "../../policy";
import { computeAmounts, type Amounts } from "../amounts";
import { assess } from "../assess";
import { parseClaim, type Claim } from "../claim";
import { ClaimError, type ArgumentName } from "../errors";
import type { Finding, FindingCode, FindingValue, Severity } from "../findings";
import { FINDINGS, raise, SEVERITIES } from "../findings";
import { hasFlag } from "../flags";
import { formatMoney } from "../format";
import { rewardRules } from "../reward";
import { matchKey } from "../text";
import type { Unit } from "../unit";
import { a1 } from "./address";
import { COLUMN_INFO, mapColumns, missingColumns, type ColumnKey, type ColumnMapping } from "./columns";
import { deadlinesFor, staffDate, staffDateEn, todayIso, type DeadlineDate } from "./deadlines";
import { flagEffect, noteMentions } from "./notes";
import { normalizeUscc, usccProblem } from "./uscc";
import { readExitWhen, readYesNo } from "./values";

export interface RegisterInput {
  /** The header row's cells. */
  headers: unknown[];
  /** The rows below the header (values as the workbook gives them). */
  rows: unknown[][];
  /** 0-based sheet row and column of the header row's first cell (default A1). */
  origin?: { row: number; col: number };
  /** Column mapping; found from the headers when absent. */
  mapping?: ColumnMapping;
  /** ISO date the deadlines are checked against (default: today). */
  today?: string;
  /** The unit a line above the header states (单位：万元), used when the headers state none. */
  unit?: Unit | null;
  /** The policy the rows are assessed under (default: the one in force). */
  policy?: Policy;
}

/** A finding about one row of a register. */
export interface RegisterFinding extends Finding {
  /** 1-based sheet row. */
  row: number;
  /** A1 addresses (on the register's sheet) of the cells it is about. */
  cells: string[];
  /** The enterprise's name as the register gives it (or its code, or "第 N 行"). */
  enterprise: string;
}

export interface PayerTotal {
  /** Town nameZh, or the park's flag id. */
  key: string;
  nameZh: string;
  nameEn: string;
  /** Whole 分. */
  fen: number;
}

export interface StatusCounts {
  /** Non-blank rows. */
  rows: number;
  eligible: number;
  excluded: number;
  notCovered: number;
  /** Rows whose claim cannot be read (the JY.* cells show #VALUE!). */
  invalid: number;
}

export interface RegisterTotals {
  unit: Unit;
  /** Whole 分; reward = city + towns + townUnknown + parks. */
  reward: number;
  city: number;
  /** Town shares (五（二）: the town's part of a foundry's reward), by town. */
  towns: PayerTotal[];
  /** Town shares of rows that name no town. */
  townUnknown: number;
  townTotal: number;
  /** Park finance (五（二）: 高新区, 临港 pay a foundry's reward in full); both parks always listed. */
  parks: PayerTotal[];
  parkTotal: number;
  counts: StatusCounts;
}

export interface RegisterScan {
  mapping: ColumnMapping;
  /** Required columns not found: without them no row can be read. */
  missing: ColumnKey[];
  /** Most serious first, then by row. */
  findings: RegisterFinding[];
  totals: RegisterTotals;
  /**
   * This year's deadlines (plan, acceptance and payment for exits in the current year), then the
   * payment deadline of last year's exits, which also falls this year; each with its late rows.
   */
  deadlines: DeadlineDate[];
  /** Rows late against any deadline of their own exit year. */
  lateRows: number[];
  today: string;
}

const ARGUMENT_COLUMN: Record<ArgumentName, ColumnKey | null> = {
  sector: "sector",
  sales1: "sales1",
  sales2: "sales2",
  flags: "flags",
  place: "place",
  unit: null,
};

const SEVERITY_RANK = Object.fromEntries(SEVERITIES.map((s, i) => [s, i])) as Record<Severity, number>;

/** Plausible sales of a closing plant: at least 1万元 when entered in 元, below 100亿元 when in 万元. */
const IMPLAUSIBLE_BELOW_YUAN_FEN = 1_000_000; // 10,000 元
const IMPLAUSIBLE_FROM_WAN_FEN = 1_000_000_000_000; // 1,000,000 万元 = 100亿元

const CONDITION_LABELS: Record<string, { zh: string; en: string }> = {
  stopped: { zh: "停产", en: "production stopped" },
  dismantled: { zh: "拆除设备", en: "equipment dismantled" },
  accepted: { zh: "通过验收", en: "acceptance passed" },
};

const PARK_IDS: FlagId[] = ["ZONE_HIGHTECH", "ZONE_LINGANG"];

function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  return String(value).trim();
}

/** Reads a register and keeps its results; `step` lets a caller scan in slices between frames. */
export class RegisterScanner {
  readonly mapping: ColumnMapping;
  readonly today: string;
  readonly policy: Policy;
  private readonly input: RegisterInput;
  private readonly originRow: number;
  private readonly originCol: number;
  private readonly col: Partial<Record<ColumnKey, number>>;
  private next = 0;
  private readonly findings: RegisterFinding[] = [];
  private readonly byUscc = new Map<string, number>();
  private readonly byName = new Map<string, number>();
  private readonly towns = new Map<string, number>();
  private readonly parks = new Map<FlagId, number>(PARK_IDS.map((id) => [id, 0]));
  private readonly counts: StatusCounts = { rows: 0, eligible: 0, excluded: 0, notCovered: 0, invalid: 0 };
  private reward = 0;
  private city = 0;
  private townUnknown = 0;
  private readonly lateRows: number[] = [];
  private readonly thisYear: DeadlineDate[];
  private readonly deadlineCache = new Map<number, DeadlineDate[]>();

  constructor(input: RegisterInput) {
    this.input = input;
    this.policy = input.policy ?? POLICY;
    this.mapping = input.mapping ?? mapColumns(input.headers, null, input.unit);
    this.col = this.mapping.columns;
    this.originRow = input.origin?.row ?? 0;
    this.originCol = input.origin?.col ?? 0;
    this.today = input.today ?? todayIso();
    this.thisYear = deadlinesFor(Number(this.today.slice(0, 4)), this.today, this.policy.deadlines);
    this.deadlineCache.set(this.thisYear[0].exitYear, this.thisYear);
  }

  /** A column's header as the register writes it, else its usual name. */
  private headerOf(key: ColumnKey): string {
    const i = this.col[key];
    return (i !== undefined ? cellText(this.input.headers[i]) : "") || COLUMN_INFO[key].labelZh;
  }

  get done(): boolean {
    return this.next >= this.input.rows.length;
  }

  /** Scans up to `maxRows` more rows; true when the whole register has been read. */
  step(maxRows = Infinity): boolean {
    const rows = this.input.rows;
    const end = Math.min(rows.length, this.next + maxRows);
    const missing = missingColumns(this.mapping).length > 0;
    for (let i = this.next; i < end; i++) {
      const row = rows[i];
      if (!row || row.every((v) => v === null || v === undefined || v === "")) continue;
      this.counts.rows++;
      if (!missing) this.scanRow(row, this.originRow + 1 + i);
    }
    this.next = end;
    return this.done;
  }

  private cell(key: ColumnKey, sheetRow0: number): string | null {
    const c = this.col[key];
    return c === undefined ? null : a1(sheetRow0, this.originCol + c);
  }

  private cells(keys: ColumnKey[], sheetRow0: number): string[] {
    const out: string[] = [];
    for (const k of keys) {
      const c = this.cell(k, sheetRow0);
      if (c) out.push(c);
    }
    return out;
  }

  private value(row: unknown[], key: ColumnKey): unknown {
    const c = this.col[key];
    return c === undefined ? undefined : row[c];
  }

  /** Records a finding about a row; `cells` defaults to the cells its kind declares (FINDINGS). */
  private add(sheetRow0: number, enterprise: string, f: Finding, cells?: string[]): void {
    const at = cells ?? this.cells(FINDINGS[f.code].cells ?? [], sheetRow0);
    this.findings.push({ code: f.code, severity: f.severity, clause: f.clause, messageZh: f.messageZh, messageEn: f.messageEn, row: sheetRow0 + 1, cells: at, enterprise });
  }

  /** Records a register finding of a declared kind. */
  private raise(sheetRow0: number, enterprise: string, code: FindingCode, values: Record<string, FindingValue>, clause?: ClauseId | null, cells?: string[]): void {
    this.add(sheetRow0, enterprise, raise(code, values, clause), cells);
  }

  private scanRow(row: unknown[], sheetRow0: number): void {
    const name = cellText(this.value(row, "name"));
    const code = cellText(this.value(row, "uscc"));
    const enterprise = name || code || `第 ${sheetRow0 + 1} 行`;
    const unit = this.mapping.unit;
    let claim: Claim | null = null;
    try {
      claim = parseClaim({
        sector: this.value(row, "sector"),
        sales1: this.value(row, "sales1"),
        sales2: this.value(row, "sales2"),
        flags: this.value(row, "flags"),
        unit,
        place: this.value(row, "place"),
      }, this.policy);
    } catch (e) {
      if (!(e instanceof ClaimError)) throw e;
      this.counts.invalid++;
      const key = e.argument ? ARGUMENT_COLUMN[e.argument] : null;
      const at = key ? this.cell(key, sheetRow0) : null;
      this.raise(
        sheetRow0,
        enterprise,
        "INVALID_INPUT",
        {
          // The column as the register heads it, not the function's argument name (sales1).
          message: {
            zh: at && key ? `${at} 单元格“${this.headerOf(key)}”：${e.detailZh}` : e.messageZh,
            en: at && key ? `Cell ${at} (${COLUMN_INFO[key].labelEn}): ${e.detailEn}` : e.messageEn,
          },
        },
        undefined,
        at ? [at] : this.cells(["sector", "sales1", "sales2"], sheetRow0),
      );
    }
    let amounts: Amounts | null = null;
    if (claim) {
      amounts = computeAmounts(claim, this.policy);
      this.total(claim, amounts, sheetRow0, enterprise);
      // assess reports zero sales year by year, in order; zero is always read as fen 0 (sales.ts).
      const zeroYears = (["sales1", "sales2"] as const).filter((k) => claim![k].fen === 0);
      for (const f of assess(claim, amounts, this.policy).findings) {
        this.add(sheetRow0, enterprise, f, f.code === "ZERO_SALES" ? this.cells([zeroYears.shift() ?? "sales1"], sheetRow0) : undefined);
      }
      this.checkUnit(claim, sheetRow0, enterprise);
    }
    this.checkNote(row, sheetRow0, enterprise, claim);
    const normalized = code ? normalizeUscc(code) : "";
    this.checkUscc(normalized, sheetRow0, enterprise);
    this.checkDuplicate(name, normalized, sheetRow0, enterprise);
    const exitYear = this.checkExit(row, sheetRow0, enterprise);
    const eligible = amounts?.status === "eligible";
    const conditions = this.checkConditions(row, sheetRow0, enterprise, eligible ? claim : null);
    if (exitYear !== null) this.checkDeadlines(row, sheetRow0, enterprise, exitYear, eligible, conditions);
  }

  private total(claim: Claim, a: Amounts, sheetRow0: number, enterprise: string): void {
    if (a.status === "eligible") this.counts.eligible++;
    else if (a.status === "excluded") this.counts.excluded++;
    else this.counts.notCovered++;
    this.reward += a.reward;
    this.city += a.city;
    if (claim.town) this.towns.set(claim.town.nameZh, (this.towns.get(claim.town.nameZh) ?? 0) + a.town);
    if (a.town > 0 && !claim.town) {
      this.townUnknown += a.town;
      const rules = rewardRules(claim, this.policy)!;
      this.raise(
        sheetRow0,
        enterprise,
        "PLACE_MISSING",
        { amount: { zh: formatMoney(a.town, claim.unit), en: formatMoney(a.town, claim.unit, "en") }, share: 100 - rules.cityPercent.value },
        rules.cityPercent.clause,
      );
    }
    if (a.park > 0) {
      const id: FlagId = hasFlag(claim.flags, "ZONE_HIGHTECH") ? "ZONE_HIGHTECH" : "ZONE_LINGANG";
      this.parks.set(id, (this.parks.get(id) ?? 0) + a.park);
    }
  }

  /** 五: a note naming a flag the 标记 column does not carry; the amount is left as it is. */
  private checkNote(row: unknown[], sheetRow0: number, enterprise: string, claim: Claim | null): void {
    if (this.col.note === undefined) return;
    const note = cellText(this.value(row, "note"));
    if (note === "") return;
    const flagsBlank = cellText(this.value(row, "flags")) === "";
    for (const m of noteMentions(note)) {
      // An unreadable claim's flags are unknown: the mention is reported all the same.
      if (claim && hasFlag(claim.flags, m.flag)) continue;
      const flag = this.policy.flags[m.flag];
      const effect = flagEffect(flag, m.words[0]);
      const words = m.words.map((w) => `‘${w}’`).join("、");
      this.raise(
        sheetRow0,
        enterprise,
        "NOTE_MENTIONS_FLAG",
        {
          words: { zh: words, en: m.words.map((w) => `"${w}"`).join(", ") },
          flags: { zh: flagsBlank ? "未填" : "未含此项", en: flagsBlank ? "are blank" : "do not say so" },
          effect,
          clause: flag.clause,
        },
        flag.clause,
      );
    }
  }

  private checkUnit(claim: Claim, sheetRow0: number, enterprise: string): void {
    const odd: ColumnKey[] = [];
    (["sales1", "sales2"] as const).forEach((k) => {
      const fen = claim[k].fen;
      if (fen === null) return;
      if (claim.unit === "元" && fen > 0 && fen < IMPLAUSIBLE_BELOW_YUAN_FEN) odd.push(k);
      if (claim.unit === "万元" && fen >= IMPLAUSIBLE_FROM_WAN_FEN) odd.push(k);
    });
    if (odd.length === 0) return;
    const [zh, en] =
      claim.unit === "元"
        ? ["销售额不足 1 万元，按“元”计明显偏小，请核实是否以“万元”填报", "sales below 10,000 yuan are clearly too small in yuan: check whether they were entered in 10k yuan (万元)"]
        : ["销售额达 100 亿元以上，按“万元”计似乎过大，是否按“元”填写？请核实单位", "sales of 10 billion yuan or more look too large for the unit 万元; were they entered in 元? Check the unit"];
    this.raise(sheetRow0, enterprise, "SALES_IMPLAUSIBLE_FOR_UNIT", { problem: { zh, en } }, undefined, this.cells(odd, sheetRow0));
  }

  /** `code`: the cell's code, normalized (normalizeUscc). */
  private checkUscc(code: string, sheetRow0: number, enterprise: string): void {
    if (code === "") return;
    const p = usccProblem(code);
    if (!p) return;
    const at = this.cells(["uscc"], sheetRow0);
    const [zh, en] =
      p.kind === "length"
        ? [`统一社会信用代码应为 18 位，此处为 ${p.length} 位`, `a unified social credit code has 18 characters; this one has ${p.length}`]
        : p.kind === "character"
          ? [`统一社会信用代码第 ${p.position} 位“${p.character}”不是允许的字符（0-9 及除 I、O、Z、S、V 外的大写字母）`, `character ${p.position} ("${p.character}") is not allowed (0-9 and capital letters except I, O, Z, S, V)`]
          : [`统一社会信用代码校验位错误：应为“${p.expected}”，填写的是“${p.found}”`, `wrong check character: it should be "${p.expected}", the register has "${p.found}"`];
    this.raise(sheetRow0, enterprise, "USCC_INVALID", { problem: { zh, en } }, undefined, at);
  }

  /** `code`: normalized (normalizeUscc). */
  private checkDuplicate(name: string, code: string, sheetRow0: number, enterprise: string): void {
    const c = code;
    const n = name ? matchKey(name) : "";
    const firstByCode = c ? this.byUscc.get(c) : undefined;
    const firstByName = n ? this.byName.get(n) : undefined;
    const first = firstByCode ?? firstByName;
    if (first !== undefined) {
      const byCode = firstByCode !== undefined;
      const key: ColumnKey = byCode ? "uscc" : "name";
      const here = this.cell(key, sheetRow0);
      const there = this.cell(key, first);
      this.raise(
        sheetRow0,
        enterprise,
        "DUPLICATE_ENTERPRISE",
        { first: first + 1, same: byCode ? { zh: "统一社会信用代码", en: "unified social credit code" } : { zh: "企业名称", en: "name" } },
        undefined,
        [here, there].filter((x): x is string => x !== null),
      );
    }
    if (c && !this.byUscc.has(c)) this.byUscc.set(c, sheetRow0);
    if (n && !this.byName.has(n)) this.byName.set(n, sheetRow0);
  }

  /** The exit year, after checking it against the document's period (七). */
  private checkExit(row: unknown[], sheetRow0: number, enterprise: string): number | null {
    if (this.col.exitYear === undefined) return null;
    const at = this.cells(["exitYear"], sheetRow0);
    const when = readExitWhen(this.value(row, "exitYear"));
    if (when === "blank") {
      this.raise(sheetRow0, enterprise, "EXIT_YEAR_MISSING", {}, this.policy.validFrom.clause, at);
      return null;
    }
    if (when === "unreadable") {
      this.raise(sheetRow0, enterprise, "INVALID_INPUT", { message: { zh: `${at[0]} 单元格：退出年度无法识别，应为年份（如 2024）或日期`, en: `Cell ${at[0]}: the exit year cannot be read; expected a year (e.g. 2024) or a date` } }, undefined, at);
      return null;
    }
    const from = this.policy.validFrom.value;
    const until = this.policy.validUntil.value;
    const outside = when.date !== null ? when.date < from || when.date > until : when.year < Number(from.slice(0, 4)) || when.year > Number(until.slice(0, 4));
    if (outside) {
      const before = (when.date ?? String(when.year)) < from;
      const previous = this.policy.previousDocumentZh;
      this.raise(
        sheetRow0,
        enterprise,
        "EXIT_YEAR_OUTSIDE",
        {
          when: { zh: when.date ? `日期${staffDate(when.date)}` : `年度${when.year}年`, en: when.date ? staffDateEn(when.date) : String(when.year) },
          from: { zh: staffDate(from), en: staffDateEn(from) },
          until: { zh: staffDate(until), en: staffDateEn(until) },
          before: { zh: before ? `，应按${previous}执行` : "", en: before ? `; the previous document (${previous}) governed it` : "" },
        },
        this.policy.validFrom.clause,
        at,
      );
    }
    return when.year;
  }

  /** 五（一）（二）: the reward is due once production stopped, equipment is gone and acceptance passed. */
  private checkConditions(row: unknown[], sheetRow0: number, enterprise: string, claim: Claim | null): { accepted: boolean | null } {
    const notMet: Array<{ key: ColumnKey; blank: boolean }> = [];
    let accepted: boolean | null = null;
    for (const key of ["stopped", "dismantled", "accepted"] as const) {
      if (this.col[key] === undefined) continue;
      const v = readYesNo(this.value(row, key));
      if (v === "unreadable") {
        const at = this.cells([key], sheetRow0);
        const info = COLUMN_INFO[key];
        this.raise(sheetRow0, enterprise, "INVALID_INPUT", { message: { zh: `${at[0]} 单元格：“${info.labelZh}”无法识别，应为 是 / 否 或完成日期`, en: `Cell ${at[0]}: "${info.labelEn}" cannot be read; expected yes / no or the date it was done` } }, undefined, at);
        continue;
      }
      if (key === "accepted") accepted = v === "yes";
      if (v !== "yes") notMet.push({ key, blank: v === "blank" });
    }
    if (claim && notMet.length > 0) {
      const rules = rewardRules(claim, this.policy)!;
      const zh = notMet.map((n) => `${CONDITION_LABELS[n.key].zh}${n.blank ? "（未填写）" : ""}`).join("、");
      const en = notMet.map((n) => `${CONDITION_LABELS[n.key].en}${n.blank ? " (blank)" : ""}`).join(", ");
      this.raise(sheetRow0, enterprise, "CONDITION_NOT_MET", { missing: { zh, en } }, rules.clause, this.cells(notMet.map((n) => n.key), sheetRow0));
    }
    return { accepted };
  }

  private deadlinesOf(year: number): DeadlineDate[] {
    let d = this.deadlineCache.get(year);
    if (!d) {
      d = deadlinesFor(year, this.today, this.policy.deadlines);
      this.deadlineCache.set(year, d);
    }
    return d;
  }

  /** 四（一）（三）, 五（六）: the plan, acceptance and payment deadlines of the exit year. */
  private checkDeadlines(row: unknown[], sheetRow0: number, enterprise: string, exitYear: number, eligible: boolean, conditions: { accepted: boolean | null }): void {
    const [plan, acceptance, payment] = this.deadlinesOf(exitYear);
    const late: Array<{ d: DeadlineDate; key: ColumnKey }> = [];
    if (plan.passed && this.col.plan !== undefined && readYesNo(this.value(row, "plan")) !== "yes") late.push({ d: plan, key: "plan" });
    if (acceptance.passed && conditions.accepted === false) late.push({ d: acceptance, key: "accepted" });
    if (payment.passed && eligible && conditions.accepted !== false && this.col.paid !== undefined && readYesNo(this.value(row, "paid")) !== "yes") {
      late.push({ d: payment, key: "paid" });
    }
    if (late.length === 0) return;
    for (const { d, key } of late) {
      d.lateRows.push(sheetRow0 + 1);
      this.raise(
        sheetRow0,
        enterprise,
        "DEADLINE_LATE",
        {
          task: { zh: d.labelZh, en: d.labelEn },
          date: { zh: staffDate(d.date), en: staffDateEn(d.date) },
          year: exitYear,
          credit: key === "accepted" ? { zh: "；未按期完成关闭退出的，记入企业信用记录（五（六））", en: "; an exit not finished in time goes into the credit record (Art. 5(6))" } : "",
        },
        d.clause,
        this.cells([key], sheetRow0),
      );
    }
    this.lateRows.push(sheetRow0 + 1);
  }

  result(): RegisterScan {
    const findings = [...this.findings].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.row - b.row);
    const towns: PayerTotal[] = this.policy.towns.filter((t) => this.towns.has(t.nameZh)).map((t) => ({ key: t.nameZh, nameZh: t.nameZh, nameEn: t.nameEn, fen: this.towns.get(t.nameZh) as number }));
    const parks: PayerTotal[] = PARK_IDS.map((id) => ({ key: id, nameZh: this.policy.flags[id].labelZh, nameEn: this.policy.flags[id].labelEn, fen: this.parks.get(id) as number }));
    const townTotal = towns.reduce((s, t) => s + t.fen, 0) + this.townUnknown;
    const parkTotal = parks.reduce((s, p) => s + p.fen, 0);
    return {
      mapping: this.mapping,
      missing: missingColumns(this.mapping),
      findings,
      totals: {
        unit: this.mapping.unit,
        reward: this.reward,
        city: this.city,
        towns,
        townUnknown: this.townUnknown,
        townTotal,
        parks,
        parkTotal,
        counts: { ...this.counts },
      },
      deadlines: [...this.thisYear, this.deadlinesOf(this.thisYear[0].exitYear - 1)[2]],
      lateRows: this.lateRows,
      today: this.today,
    };
  }
}

/** Scans a whole register at once. */
export function scanRegister(input: RegisterInput): RegisterScan {
  const s = new RegisterScanner(input);
  s.step();
  return s.result();
}

/** Findings of one severity, or all. */
export function findingsOf(scan: RegisterScan, severity: Severity | "all"): RegisterFinding[] {
  return severity === "all" ? scan.findings : scan.findings.filter((f) => f.severity === severity);
}
