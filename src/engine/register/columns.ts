/**
 * Which column of a register holds what: mapped by the header's words, Chinese or English, as the
 * towns write them. A user can correct the mapping; it is kept as header texts (not positions), so
 * inserting a column does not shift it.
 */
import { matchKey } from "../text";
import type { Unit } from "../unit";

export type ColumnKey =
  | "name"
  | "uscc"
  | "place"
  | "sector"
  | "exitYear"
  | "sales1"
  | "sales2"
  | "flags"
  | "stopped"
  | "dismantled"
  | "accepted"
  | "plan"
  | "paid"
  | "reward"
  | "city"
  | "town"
  | "park"
  | "check"
  | "note";

export interface ColumnInfo {
  key: ColumnKey;
  labelZh: string;
  labelEn: string;
  /** Needed to compute a reward. */
  required: boolean;
  /** Header spellings (matched with matchKey: case, width, spaces and brackets do not matter). */
  synonyms: string[];
}

export const COLUMNS: ColumnInfo[] = [
  { key: "name", labelZh: "企业名称", labelEn: "Enterprise", required: false, synonyms: ["企业名称", "企业全称", "单位名称", "企业", "名称", "企业名", "enterprise", "enterprise name", "company", "company name", "name"] },
  { key: "uscc", labelZh: "统一社会信用代码", labelEn: "Unified social credit code", required: false, synonyms: ["统一社会信用代码", "社会信用代码", "信用代码", "uscc", "unified social credit code", "credit code"] },
  { key: "place", labelZh: "镇街园区", labelEn: "Town / park", required: false, synonyms: ["镇街园区", "所在镇街园区", "所属镇街园区", "镇街道园区", "镇街", "所在镇街", "镇（街道）", "镇街道", "属地", "所在地", "town/park", "town or park", "town", "place", "location", "park"] },
  { key: "sector", labelZh: "行业", labelEn: "Sector", required: true, synonyms: ["行业", "所属行业", "行业类别", "行业代码", "行业或行业代码", "行业（代码）", "sector", "industry", "industry code", "sector code"] },
  { key: "exitYear", labelZh: "退出年度", labelEn: "Exit year", required: false, synonyms: ["退出年度", "退出年份", "关闭退出年度", "关停年度", "关停年份", "退出时间", "关停时间", "退出日期", "关闭退出时间", "exit year", "year of exit", "exit date", "exit"] },
  { key: "sales1", labelZh: "第一年销售额", labelEn: "Sales, year 1", required: true, synonyms: ["第一年销售额", "第1年销售额", "销售额1", "前第二年销售额", "前两年销售额第一年", "第一年开票销售额", "前第二年", "第一年", "sales1", "sales 1", "sales year 1", "year 1 sales", "first year sales"] },
  { key: "sales2", labelZh: "第二年销售额", labelEn: "Sales, year 2", required: true, synonyms: ["第二年销售额", "第2年销售额", "销售额2", "前一年销售额", "前两年销售额第二年", "第二年开票销售额", "前一年", "第二年", "sales2", "sales 2", "sales year 2", "year 2 sales", "second year sales"] },
  { key: "flags", labelZh: "标记", labelEn: "Flags", required: false, synonyms: ["标记", "标签", "特殊情形", "情形", "特殊标记", "flags", "flag", "tags"] },
  { key: "stopped", labelZh: "已停产", labelEn: "Production stopped", required: false, synonyms: ["已停产", "停产", "是否停产", "停产情况", "停产到位", "production stopped", "stopped"] },
  { key: "dismantled", labelZh: "设备已拆除", labelEn: "Equipment dismantled", required: false, synonyms: ["设备已拆除", "已拆除", "拆除", "设备拆除", "是否拆除设备", "拆除设备", "设备拆除到位", "equipment dismantled", "dismantled", "equipment removed"] },
  { key: "accepted", labelZh: "已通过验收", labelEn: "Acceptance passed", required: false, synonyms: ["已通过验收", "通过验收", "验收", "是否通过验收", "验收情况", "已验收", "acceptance passed", "accepted", "acceptance"] },
  { key: "plan", labelZh: "整治计划已报送", labelEn: "Plan filed", required: false, synonyms: ["整治计划已报送", "计划已报送", "整治计划已报", "计划已报", "整治计划", "plan filed", "plan submitted", "plan"] },
  { key: "paid", labelZh: "奖励已发放", labelEn: "Reward paid", required: false, synonyms: ["奖励已发放", "已发放", "奖励发放", "是否发放", "reward paid", "paid"] },
  { key: "reward", labelZh: "奖励金额", labelEn: "Reward", required: false, synonyms: ["奖励金额", "奖励", "奖补金额", "奖励资金", "reward", "reward amount"] },
  { key: "city", labelZh: "市财政", labelEn: "City finance", required: false, synonyms: ["市财政", "市级财政", "市财政承担", "city", "city finance"] },
  { key: "town", labelZh: "镇财政", labelEn: "Town finance", required: false, synonyms: ["镇财政", "镇级财政", "镇街财政", "镇财政承担", "town finance"] },
  { key: "park", labelZh: "园区财政", labelEn: "Park finance", required: false, synonyms: ["园区财政", "园区财政承担", "park finance"] },
  { key: "check", labelZh: "核查", labelEn: "Check", required: false, synonyms: ["核查", "核查结果", "检查", "check", "findings"] },
  { key: "note", labelZh: "备注", labelEn: "Note", required: false, synonyms: ["备注", "说明", "情况说明", "备注说明", "其他说明", "note", "notes", "remarks"] },
];

export const COLUMN_INFO = Object.fromEntries(COLUMNS.map((c) => [c.key, c])) as Record<ColumnKey, ColumnInfo>;

/** A mapping by header text, as the pane keeps it in the document's settings. */
export interface SavedMapping {
  /** Column key → the header text of the column that holds it. */
  columns: Partial<Record<ColumnKey, string>>;
  unit?: Unit;
}

/** A mapping resolved against one header row: column key → 0-based index within the region. */
export interface ColumnMapping {
  columns: Partial<Record<ColumnKey, number>>;
  /** Unit of the sales columns (and of the JY.* results). */
  unit: Unit;
}

const UNIT_SUFFIX = /[（(]\s*(万元|元|yuan|10k\s*yuan|wan\s*yuan|rmb|cny)\s*[）)]/gi;

/** A header as matched: unit marks removed, then matchKey. */
export function headerKey(header: unknown): string {
  if (header === null || header === undefined) return "";
  return matchKey(String(header).normalize("NFKC").replace(UNIT_SUFFIX, ""));
}

/** The unit a header states, if any: "销售额（万元）" → 万元. */
export function headerUnit(header: unknown): Unit | null {
  if (header === null || header === undefined) return null;
  const text = String(header).normalize("NFKC");
  if (/万元|10k\s*yuan|wan\s*yuan/i.test(text)) return "万元";
  if (/[（(]\s*(元|yuan|rmb|cny)\s*[）)]/i.test(text)) return "元";
  return null;
}

const EXACT = new Map<string, ColumnKey>();
const CONTAINED: Array<{ key: ColumnKey; synonym: string }> = [];
for (const c of COLUMNS) {
  for (const s of c.synonyms) {
    const k = matchKey(s);
    if (!EXACT.has(k)) EXACT.set(k, c.key);
    // Only distinctive Chinese synonyms are looked for inside longer headers.
    if (/[\u4e00-\u9fff]/.test(s) && k.length >= 3) CONTAINED.push({ key: c.key, synonym: k });
  }
}
CONTAINED.sort((a, b) => b.synonym.length - a.synonym.length);

/** "2023年销售额" → 2023: registers often label the two years' sales by the year itself. */
function salesYear(key: string): number | null {
  const m = /^(?:前?)(\d{4})年?(?:度)?(?:开票)?(?:销售额|销售|sales)/.exec(key) ?? /^(?:sales)(\d{4})$/.exec(key);
  if (m) return Number(m[1]);
  // A two-row header's joined cell: "销售收入（万元）/2022年", "开票销售额/2023年度".
  const group = /(?:销售|开票|营业收入|sales)/.test(key) ? key.match(/(?:19|20)\d{2}(?=年|$|\/)/g) : null;
  return group && group.length === 1 ? Number(group[0]) : null;
}

/**
 * Maps columns by their headers. A saved mapping wins for the keys it names (when that header is
 * still there); other keys are found by synonyms: exact first, then a distinctive synonym
 * contained in the header, then two year-labelled sales columns (earlier → year 1). `statedUnit`:
 * the unit a line above the header gives.
 */
export function mapColumns(headers: unknown[], saved?: SavedMapping | null, statedUnit?: Unit | null): ColumnMapping {
  const columns: Partial<Record<ColumnKey, number>> = {};
  const taken = new Set<number>();
  const keys = headers.map(headerKey);
  const assign = (key: ColumnKey, index: number) => {
    if (columns[key] === undefined && !taken.has(index)) {
      columns[key] = index;
      taken.add(index);
    }
  };
  if (saved) {
    for (const [key, header] of Object.entries(saved.columns) as Array<[ColumnKey, string]>) {
      const index = headers.findIndex((h) => h !== null && h !== undefined && String(h) === header);
      const loose = index >= 0 ? index : keys.indexOf(headerKey(header));
      if (loose >= 0 && header !== "") assign(key, loose);
    }
  }
  keys.forEach((k, i) => {
    const key = EXACT.get(k);
    if (key) assign(key, i);
  });
  keys.forEach((k, i) => {
    if (taken.has(i) || k === "") return;
    const hit = CONTAINED.find((c) => k.includes(c.synonym) && columns[c.key] === undefined);
    if (hit) assign(hit.key, i);
  });
  if (columns.sales1 === undefined && columns.sales2 === undefined) {
    const years = keys
      .map((k, i) => ({ i, year: taken.has(i) ? null : salesYear(k) }))
      .filter((y): y is { i: number; year: number } => y.year !== null)
      .sort((a, b) => a.year - b.year);
    if (years.length === 2) {
      assign("sales1", years[0].i);
      assign("sales2", years[1].i);
    }
  }
  const salesUnits = [columns.sales1, columns.sales2].map((i) => (i === undefined ? null : headerUnit(headers[i])));
  // A unit line above the header (单位：万元) counts only where the sales headers state none.
  const unit: Unit = saved?.unit ?? salesUnits.find((u) => u !== null) ?? statedUnit ?? "元";
  return { columns, unit };
}

/** The mapping as header texts, to keep in the document. */
export function saveMapping(mapping: ColumnMapping, headers: unknown[]): SavedMapping {
  const columns: Partial<Record<ColumnKey, string>> = {};
  for (const [key, index] of Object.entries(mapping.columns) as Array<[ColumnKey, number]>) {
    const h = headers[index];
    if (h !== null && h !== undefined && String(h) !== "") columns[key] = String(h);
  }
  return { columns, unit: mapping.unit };
}

/** Required columns the mapping lacks. */
export function missingColumns(mapping: ColumnMapping): ColumnKey[] {
  return COLUMNS.filter((c) => c.required && mapping.columns[c.key] === undefined).map((c) => c.key);
}

/** How well a header row looks like a register: the number of required columns found. */
export function registerScore(headers: unknown[]): number {
  const m = mapColumns(headers);
  return COLUMNS.filter((c) => m.columns[c.key] !== undefined).reduce((s, c) => s + (c.required ? 3 : 1), 0);
}
