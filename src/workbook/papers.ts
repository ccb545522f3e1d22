/**
 * The papers that go into the file, as print-ready sheets (A4, fitted to one page wide):
 * - 奖励资金核定表: one page per rewarded enterprise — who, the two years' sales, the base, each
 *   slice of the scale, top-up or cap, the reward, the split by payer, each line with its clause
 *   (the engine's breakdown, JY.DETAIL's lines), the reward in 人民币大写, and boxes to sign;
 * - 拨付明细: for the city and each town and park, its share per enterprise, the total as a live
 *   SUM and in 人民币大写, and boxes to sign.
 */
import { FLAGS, POLICY_TITLE_ZH, TOWNS } from "../policy";
import { capitalAmount, Decimal, detailLines, explain, SEVERITY_LABELS } from "../engine";
import { payerPlaceOf, sourceText, type CityConsolidation, type CityFinding, type CityRecord } from "../engine/city";
import { columnLetters, paymentDeadline, staffDate } from "../engine/register";
import { checkText, sectorName } from "./city";
import type { SheetSpec, SpecCell } from "./sheets";

export const APPROVAL_SHEET = "奖励资金核定表";
export const PAYOUT_PREFIX = "拨付明细-";

const MONEY = "#,##0.00";
const SIGN_ROW_HEIGHT = 36;

/** The rewarded enterprises, in the city register's order: the ones a 核定表 is made for. */
export function rewarded(c: CityConsolidation): CityRecord[] {
  return c.records.filter((r) => r.amounts?.status === "eligible" && r.amounts.reward > 0);
}

/** A breakdown line's value in 元 (a register in 万元 gives its lines in 万元). */
function inYuan(v: Decimal, unit: string): number {
  return Number((unit === "万元" ? v.times(10000) : v).toFixed(2));
}

export function approvalSheet(c: CityConsolidation): SheetSpec {
  const cells: SpecCell[][] = [];
  const merges: string[] = [];
  const borders: string[] = [];
  const bold: string[] = [];
  const money: string[] = [];
  const heights: Record<number, number> = {};
  const breaksAfter: number[] = [];
  const wrap: string[] = [];
  const center: string[] = [];
  const flagged = new Map<CityRecord["source"], string[]>();
  for (const f of c.findings) flagged.set(f.source, [...(flagged.get(f.source) ?? []), `${SEVERITY_LABELS[f.severity].zh}：${f.messageZh}`]);
  const push = (row: SpecCell[]) => {
    cells.push([...row, ...Array(4 - row.length).fill(null)]);
    return cells.length;
  };
  for (const r of rewarded(c)) {
    const claim = r.claim!;
    const b = explain(claim);
    const first = push(["江阴市落后产能退出奖励资金核定表"]);
    merges.push(`A${first}:D${first}`);
    bold.push(`A${first}`);
    center.push(`A${first}`);
    heights[first - 1] = 28;
    const basis = push([`依据：${POLICY_TITLE_ZH}`]);
    merges.push(`A${basis}:D${basis}`);
    const top = push(["企业名称", r.name, "统一社会信用代码", r.uscc]);
    push(["镇街园区", r.place || (payerPlaceOf(claim) ?? ""), "行业", sectorName(r)]);
    const deadline = r.exitYear === null ? "" : staffDate(paymentDeadline(r.exitYear));
    push(["退出年度", r.exitYear ?? "", "奖励发放期限（四（三））", deadline]);
    const sales = push(["第一年销售额（元）", inYuan(new Decimal(claim.sales1.fen!).div(100), "元"), "第二年销售额（元）", inYuan(new Decimal(claim.sales2.fen!).div(100), "元")]);
    money.push(`B${sales}`, `D${sales}`);
    const src = push(["来源", sourceText(r.source, "zh")]);
    merges.push(`B${src}:D${src}`);
    const head = push(["项目", "金额（元）", "政策依据", "说明"]);
    bold.push(`A${head}:D${head}`);
    for (const line of detailLines(b, "zh")) {
      if (line.key === "sector") continue;
      const value = typeof line.value === "string" ? line.value : inYuan(line.value, claim.unit);
      const at = push([line.label, value, line.clause, line.key === "exact" ? "四舍五入到分前" : null]);
      if (typeof value === "number") money.push(`B${at}`);
      if (line.key === "reward") bold.push(`A${at}:B${at}`);
    }
    const words = push(["奖励金额（大写）", `人民币${capitalAmount(b.amounts.reward)}`]);
    merges.push(`B${words}:D${words}`);
    bold.push(`B${words}`);
    const notes = flagged.get(r.source);
    if (notes) {
      const n = push(["核查提示", notes.join("\n")]);
      merges.push(`B${n}:D${n}`);
      wrap.push(`B${n}`);
      heights[n - 1] = 18 * notes.length + 12;
    }
    borders.push(`A${top}:D${cells.length}`);
    push([]);
    const sign1 = push(["经办人", null, "审核人", null]);
    const sign2 = push(["负责人", null, "日期", "      年    月    日"]);
    heights[sign1 - 1] = SIGN_ROW_HEIGHT;
    heights[sign2 - 1] = SIGN_ROW_HEIGHT;
    borders.push(`A${sign1}:D${sign2}`);
    breaksAfter.push(cells.length);
  }
  breaksAfter.pop();
  // Long names and sources wrap inside their box; every line a little taller than the default.
  wrap.push(...cells.map((_, i) => `A${i + 1}:D${i + 1}`));
  cells.forEach((_, i) => (heights[i] ??= 20));
  return {
    name: APPROVAL_SHEET,
    cells,
    widths: [28, 30, 22, 28],
    numberFormats: money.map((range) => ({ range, format: MONEY })),
    bold,
    merges,
    borders,
    wrap,
    center,
    heights,
    print: cells.length ? { area: `A1:D${cells.length}`, breaksAfter } : undefined,
  };
}

interface Payer {
  key: string;
  /** The city finance, a town or a park, as the papers name it. */
  nameZh: string;
  share: (r: CityRecord) => number;
}

/** Who pays: the city, each town, each park; each record's share of each. */
function payers(): Payer[] {
  const onlyIf = (pred: (r: CityRecord) => boolean, part: "town" | "park") => (r: CityRecord) => (r.amounts && r.claim && pred(r) ? r.amounts[part] : 0);
  return [
    { key: "city", nameZh: "市财政", share: (r) => r.amounts?.city ?? 0 },
    ...TOWNS.map((t) => ({ key: t.nameZh, nameZh: t.nameZh, share: onlyIf((r) => r.claim!.town?.nameZh === t.nameZh, "town") })),
    { key: "town-unknown", nameZh: "未写明镇街", share: onlyIf((r) => r.claim!.town === null, "town") },
    ...(["ZONE_HIGHTECH", "ZONE_LINGANG"] as const).map((id) => ({ key: id, nameZh: FLAGS[id].labelZh, share: onlyIf((r) => payerPlaceOf(r.claim!) === FLAGS[id].labelZh, "park") })),
  ];
}

const PAYOUT_HEADERS = ["序号", "企业名称", "统一社会信用代码", "镇街园区", "行业", "退出年度", "奖励发放期限", "奖励金额（元）", "本级承担（元）", "核查提示", "来源"];

/** 拨付明细 of every payer with something to pay. */
export function payoutSheets(c: CityConsolidation): SheetSpec[] {
  const out: SheetSpec[] = [];
  const bySource = new Map<CityRecord["source"], CityFinding[]>();
  for (const f of c.findings) bySource.set(f.source, [...(bySource.get(f.source) ?? []), f]);
  const notes = new Map([...bySource].map(([source, fs]) => [source, checkText(fs)]));
  for (const p of payers()) {
    const rows = c.records.filter((r) => p.share(r) > 0);
    if (rows.length === 0) continue;
    const total = rows.reduce((s, r) => s + p.share(r), 0);
    const title = `江阴市落后产能退出奖励资金拨付明细（${p.key === "city" ? p.nameZh : `${p.nameZh}财政`}）`;
    const cells: SpecCell[][] = [[title], [`依据：${POLICY_TITLE_ZH}；金额单位：元`], PAYOUT_HEADERS];
    const headerRow = cells.length;
    rows.forEach((r, i) => {
      cells.push([
        i + 1,
        r.name,
        r.uscc,
        r.place,
        sectorName(r),
        r.exitYear,
        r.exitYear === null ? null : staffDate(paymentDeadline(r.exitYear)),
        r.amounts!.reward / 100,
        p.share(r) / 100,
        notes.get(r.source) ?? null,
        sourceText(r.source, "zh"),
      ]);
    });
    const firstData = headerRow + 1;
    const lastData = cells.length;
    const shareCol = columnLetters(PAYOUT_HEADERS.indexOf("本级承担（元）"));
    const totalRow = cells.length + 1;
    cells.push(["合计", null, null, null, null, null, null, null, { formula: { excel: `=SUM(${shareCol}${firstData}:${shareCol}${lastData})`, a1: `=SUM(${shareCol}${firstData}:${shareCol}${lastData})` }, value: total / 100 }, null, null]);
    const wordsRow = cells.length + 1;
    cells.push(["合计（大写）", `人民币${capitalAmount(total)}`]);
    cells.push([]);
    const sign = cells.length + 1;
    cells.push(["经办人", null, null, "审核人", null, null, "负责人", null, "日期", "      年    月    日"]);
    const last = columnLetters(PAYOUT_HEADERS.length - 1);
    out.push({
      name: `${PAYOUT_PREFIX}${p.nameZh}`,
      cells,
      widths: [6, 28, 21, 12, 8, 9, 16, 16, 16, 24, 30],
      numberFormats: [{ range: `H${firstData}:I${totalRow}`, format: MONEY }],
      bold: ["A1", `A${headerRow}:${last}${headerRow}`, `A${totalRow}:${last}${wordsRow}`],
      merges: [`A1:${last}1`, `A2:${last}2`, `B${wordsRow}:${last}${wordsRow}`],
      borders: [`A${headerRow}:${last}${wordsRow}`, `A${sign}:${last}${sign}`],
      wrap: [`J${firstData}:K${lastData}`],
      center: ["A1"],
      heights: { 0: 28, [sign - 1]: SIGN_ROW_HEIGHT },
      freezeRows: headerRow,
      print: { area: `A1:${last}${sign}`, landscape: true },
    });
  }
  return out;
}
