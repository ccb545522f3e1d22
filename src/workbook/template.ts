/**
 * The register template (登记表模板): a table with Chinese headers the scan maps by itself,
 * drop-downs for place, sector, flags and status columns, JY.* formulas per row, number formats,
 * a frozen header, and example rows marked as examples.
 */
import { FLAGS, SECTORS, TOWNS, type FlagId, type SectorId } from "../policy";
import { acceptedSectors } from "../engine/sector";
import { columnLetters, type ColumnKey } from "../engine/register";
import { usccCheckCharacter } from "../engine/register";
import type { Unit } from "../engine";
import type { SheetSpec, SpecCell, Validation } from "./sheets";

export const TEMPLATE_SHEET = "退出企业登记表";
export const TEMPLATE_TABLE = "JY登记表";
export const EXAMPLE_NOTE = "示例（可删除）";

const YES_NO: Validation = { kind: "list", items: ["是", "否"], strict: false, promptZh: "填 是 / 否，或完成日期" };

export const PLACE_CHOICES = [...TOWNS.map((t) => t.nameZh), FLAGS.ZONE_HIGHTECH.labelZh, FLAGS.ZONE_LINGANG.labelZh];

/** The sectors as the drop-down offers them, in the policy's order. */
const SECTOR_CHOICES = (Object.keys(SECTORS) as SectorId[]).map((id) => SECTORS[id].nameZh);
/** Flags other than the parks (the place column names those), by their first alias: 铝加工、沿江、… */
const FLAG_CHOICES = (Object.keys(FLAGS) as FlagId[]).filter((id) => FLAGS[id].kind !== "zone").map((id) => FLAGS[id].aliases[0]);

interface TemplateColumn {
  key: ColumnKey;
  header: (unit: Unit) => string;
  width: number;
  money?: boolean;
  validation?: Validation;
  formula?: "reward" | "city" | "town" | "park" | "check";
}

const fixed = (text: string) => () => text;

export const TEMPLATE_COLUMNS: TemplateColumn[] = [
  { key: "name", header: fixed("企业名称"), width: 28 },
  { key: "uscc", header: fixed("统一社会信用代码"), width: 21 },
  { key: "place", header: fixed("镇街园区"), width: 14, validation: { kind: "list", items: PLACE_CHOICES, strict: false, promptZh: "所在镇、街道，或 高新区 / 临港经济开发区" } },
  { key: "sector", header: fixed("行业"), width: 10, validation: { kind: "list", items: SECTOR_CHOICES, strict: false, promptZh: `${SECTOR_CHOICES.join("、")}，也可填国民经济行业分类中类、小类代码（如 ${acceptedSectors().examples.join("、")}）` } },
  { key: "exitYear", header: fixed("退出年度"), width: 10, validation: { kind: "whole", min: 2000, max: 2100, promptZh: "关闭退出的年份，如 2025" } },
  { key: "sales1", header: (u) => `第一年销售额（${u}）`, width: 18, money: true },
  { key: "sales2", header: (u) => `第二年销售额（${u}）`, width: 18, money: true },
  {
    key: "flags",
    header: fixed("标记"),
    width: 14,
    validation: {
      kind: "list",
      items: FLAG_CHOICES,
      strict: false,
      promptZh: `可多项，用顿号分隔：${FLAG_CHOICES.join("、")}`,
    },
  },
  { key: "plan", header: fixed("整治计划已报送"), width: 10, validation: YES_NO },
  { key: "stopped", header: fixed("已停产"), width: 8, validation: YES_NO },
  { key: "dismantled", header: fixed("设备已拆除"), width: 10, validation: YES_NO },
  { key: "accepted", header: fixed("已通过验收"), width: 10, validation: YES_NO },
  { key: "paid", header: fixed("奖励已发放"), width: 10, validation: YES_NO },
  { key: "reward", header: (u) => `奖励金额（${u}）`, width: 16, money: true, formula: "reward" },
  { key: "city", header: (u) => `市财政（${u}）`, width: 15, money: true, formula: "city" },
  { key: "town", header: (u) => `镇财政（${u}）`, width: 15, money: true, formula: "town" },
  { key: "park", header: (u) => `园区财政（${u}）`, width: 15, money: true, formula: "park" },
  { key: "check", header: fixed("核查"), width: 40, formula: "check" },
  { key: "note", header: fixed("备注"), width: 16 },
];

export const templateColumnIndex = (key: ColumnKey): number => TEMPLATE_COLUMNS.findIndex((c) => c.key === key);

/** A structured reference to this row's cell in a column: [@[行业]]. */
export function thisRow(header: string): string {
  return `[@[${header.replace(/(['#\[\]])/g, "'$1")}]]`;
}

/** The JY.* formulas of one template row, with structured and A1 references. */
export function rowFormula(kind: NonNullable<TemplateColumn["formula"]>, unit: Unit, row: number): { excel: string; a1: string } {
  const excelRef = (key: ColumnKey) => thisRow(TEMPLATE_COLUMNS[templateColumnIndex(key)].header(unit));
  const a1Ref = (key: ColumnKey) => `${columnLetters(templateColumnIndex(key))}${row}`;
  const args = (ref: (k: ColumnKey) => string) => `${ref("sector")},${ref("sales1")},${ref("sales2")},${ref("flags")},"${unit}",${ref("place")}`;
  const build = (ref: (k: ColumnKey) => string) => {
    switch (kind) {
      case "reward":
        return `=JY.REWARD(${args(ref)})`;
      case "city":
        return `=INDEX(JY.FUNDING(${args(ref)}),1,1)`;
      case "town":
        return `=INDEX(JY.FUNDING(${args(ref)}),1,2)`;
      case "park":
        return `=INDEX(JY.FUNDING(${args(ref)}),1,3)`;
      case "check":
        return `=JY.CHECK(${args(ref)})`;
    }
  };
  return { excel: build(excelRef), a1: build(a1Ref) };
}

/** A fictional but valid unified social credit code (江阴 320281) for the example rows. */
export function exampleUscc(serial: number): string {
  const first17 = `91320281MA${String(serial).padStart(7, "0")}`;
  return first17 + usccCheckCharacter(first17);
}

function exampleRows(year: number): Array<Partial<Record<ColumnKey, SpecCell>>> {
  return [
    { name: "示例化工有限公司", uscc: exampleUscc(1), place: "华士镇", sector: "化工", exitYear: year, sales1: 60000000, sales2: 60000000, flags: "", plan: "是", stopped: "是", dismantled: "是", accepted: "是", paid: "否" },
    { name: "示例铸造有限公司", uscc: exampleUscc(2), place: "周庄镇", sector: "铸造", exitYear: year, sales1: 12000000, sales2: 8000000, flags: "铝加工", plan: "是", stopped: "是", dismantled: "是", accepted: "否", paid: "否" },
    { name: "示例铸件有限公司", uscc: exampleUscc(3), place: "高新区", sector: "3391", exitYear: year, sales1: 10000000, sales2: 10000000, flags: "", plan: "是", stopped: "是", dismantled: "否", accepted: "否", paid: "否" },
  ];
}

/** The template sheet. In 万元 the example sales are given in 万元 too. */
export function registerTemplate(unit: Unit, year: number): SheetSpec {
  const headers = TEMPLATE_COLUMNS.map((c) => c.header(unit));
  const examples = exampleRows(year).map((ex, i) => {
    const row = i + 2;
    return TEMPLATE_COLUMNS.map((c): SpecCell => {
      if (c.formula) return { formula: rowFormula(c.formula, unit, row) };
      if (c.key === "note") return EXAMPLE_NOTE;
      const v = ex[c.key] ?? null;
      return unit === "万元" && typeof v === "number" && (c.key === "sales1" || c.key === "sales2") ? v / 10000 : v;
    });
  });
  const last = examples.length + 1;
  const lastCol = columnLetters(TEMPLATE_COLUMNS.length - 1);
  const colRange = (i: number) => `${columnLetters(i)}2:${columnLetters(i)}${last}`;
  const money = unit === "元" ? "#,##0.00" : "#,##0.000000";
  return {
    name: TEMPLATE_SHEET,
    cells: [headers, ...examples],
    table: { name: TEMPLATE_TABLE },
    widths: TEMPLATE_COLUMNS.map((c) => c.width),
    numberFormats: [
      ...TEMPLATE_COLUMNS.flatMap((c, i) => (c.money ? [{ range: colRange(i), format: money }] : [])),
      { range: colRange(templateColumnIndex("uscc")), format: "@" },
      { range: colRange(templateColumnIndex("exitYear")), format: "0" },
    ],
    validations: TEMPLATE_COLUMNS.flatMap((c, i) => (c.validation ? [{ range: colRange(i), rule: c.validation }] : [])),
    fills: [{ range: `A2:${lastCol}${last}`, color: "#FFF8E1" }],
    bold: [`A1:${lastCol}1`],
    freezeRows: 1,
  };
}
