/**
 * The 资金统计 sheet: money by town and payer, by sector, by status, as live native formulas over
 * the register (SUMIFS, COUNTIFS, SUMPRODUCT), with a column chart of money by payer. Error
 * values in the JY.* columns (#N/A not covered, #VALUE! bad input) are left out of sums by the
 * criterion ">=0" on the summed column itself, as the pane's totals leave them out.
 */
import { FLAGS, TOWNS } from "../policy";
import { columnLetters, type ColumnKey, type ColumnMapping } from "../engine/register";
import type { RegisterRead } from "./port";
import type { Formula, SheetSpec, SpecCell } from "./sheets";

export const SUMMARY_SHEET = "资金统计";

/** Columns the summary needs in the register. */
export const SUMMARY_NEEDS: ColumnKey[] = ["place", "sector", "reward", "city", "town", "park"];

/** Spare rows below a region register that its A1 ranges still cover, so new rows count. */
const SPARE_ROWS = 1000;

export function summaryMissing(mapping: ColumnMapping): ColumnKey[] {
  return SUMMARY_NEEDS.filter((k) => mapping.columns[k] === undefined);
}

const quoteSheet = (name: string) => `'${name.replace(/'/g, "''")}'`;
const escapeColumn = (header: string) => header.replace(/(['#\[\]])/g, "'$1");

/** The register as the summary needs it: where it is, its headers and how many rows it has now. */
export type RegisterShape = Pick<RegisterRead, "sheet" | "table" | "top" | "left" | "headers"> & { rowCount: number };

export function summarySheet(register: RegisterShape, mapping: ColumnMapping): SheetSpec {
  const first = register.top + 2;
  const last = register.top + 1 + register.rowCount + SPARE_ROWS;
  const ref = (key: ColumnKey): { excel: string; a1: string } => {
    const index = mapping.columns[key] as number;
    const letter = columnLetters(register.left + index);
    const a1 = `${quoteSheet(register.sheet)}!$${letter}$${first}:$${letter}$${last}`;
    const header = String(register.headers[index] ?? "");
    return { excel: register.table ? `${register.table}[[${escapeColumn(header)}]]` : a1, a1 };
  };
  const f = (build: (r: (k: ColumnKey) => string) => string): { formula: Formula } => ({
    formula: { excel: build((k) => ref(k).excel), a1: build((k) => ref(k).a1) },
  });
  const same = (text: string): { formula: Formula } => ({ formula: { excel: text, a1: text } });
  const unit = mapping.unit;
  const cells: SpecCell[][] = [];
  const money: string[] = [];

  cells.push(["江阴市落后产能退出奖励资金统计", null, null, null, null, null]);
  cells.push([`数据来源：${register.table ?? register.sheet}；公式实时计算；金额单位：${unit}（依据《关于深入推进落后产能退出工作的实施意见》五（一）（二））`, null, null, null, null, null]);
  cells.push([null, null, null, null, null, null]);

  // Money by town / park and payer.
  const placeHeader = cells.length + 1;
  cells.push(["镇街园区", "市财政", "镇财政", "园区财政", "合计", "企业数"]);
  const places = [...TOWNS.map((t) => t.nameZh), FLAGS.ZONE_HIGHTECH.labelZh, FLAGS.ZONE_LINGANG.labelZh];
  const placeFirst = cells.length + 1;
  for (const place of places) {
    const r = cells.length + 1;
    const sumBy = (k: ColumnKey) => f((c) => `=SUMIFS(${c(k)},${c("place")},$A${r},${c(k)},">=0")`);
    cells.push([place, sumBy("city"), sumBy("town"), sumBy("park"), same(`=SUM(B${r}:D${r})`), f((c) => `=COUNTIFS(${c("place")},$A${r})`)]);
  }
  const placeLast = cells.length;
  const otherRow = cells.length + 1;
  const totalRow = otherRow + 1;
  cells.push([
    "其他写法或未填",
    same(`=B${totalRow}-SUM(B${placeFirst}:B${placeLast})`),
    same(`=C${totalRow}-SUM(C${placeFirst}:C${placeLast})`),
    same(`=D${totalRow}-SUM(D${placeFirst}:D${placeLast})`),
    same(`=SUM(B${otherRow}:D${otherRow})`),
    same(`=F${totalRow}-SUM(F${placeFirst}:F${placeLast})`),
  ]);
  const sumAll = (k: ColumnKey) => f((c) => `=SUMIF(${c(k)},">=0")`);
  cells.push(["合计", sumAll("city"), sumAll("town"), sumAll("park"), same(`=SUM(B${totalRow}:D${totalRow})`), f((c) => `=COUNTA(${c("sector")})`)]);
  money.push(`B${placeFirst}:E${totalRow}`);
  cells.push([null, null, null, null, null, null]);

  // Money by sector.
  const sectorHeader = cells.length + 1;
  cells.push(["行业", "奖励金额", "企业数", null, null, null]);
  const sectorFirst = cells.length + 1;
  for (const sector of ["化工", "铸造"]) {
    const r = cells.length + 1;
    cells.push([sector, f((c) => `=SUMIFS(${c("reward")},${c("sector")},$A${r},${c("reward")},">=0")`), f((c) => `=COUNTIFS(${c("sector")},$A${r})`), null, null, null]);
  }
  for (const sector of ["热电", "印染", "其他"]) {
    const r = cells.length + 1;
    cells.push([sector, "不适用本意见", f((c) => `=COUNTIFS(${c("sector")},$A${r})`), null, null, null]);
  }
  const codesRow = cells.length + 1;
  cells.push(["行业代码等其他写法", same(`=E${totalRow}-SUM(B${sectorFirst}:B${sectorFirst + 1})`), same(`=F${totalRow}-SUM(C${sectorFirst}:C${codesRow - 1})`), null, null, null]);
  money.push(`B${sectorFirst}:B${codesRow}`);
  cells.push([null, null, null, null, null, null]);

  // Money by payer: the chart's data.
  const payerHeader = cells.length + 1;
  cells.push(["出资方", "金额", null, null, null, null]);
  cells.push(["市财政", same(`=B${totalRow}`), null, null, null, null]);
  cells.push(["镇财政", same(`=C${totalRow}`), null, null, null, null]);
  cells.push(["园区财政", same(`=D${totalRow}`), null, null, null, null]);
  const payerLast = cells.length;
  money.push(`B${payerHeader + 1}:B${payerLast}`);
  cells.push([null, null, null, null, null, null]);

  // Enterprises by status, read from the reward column as the pane counts them.
  const statusHeader = cells.length + 1;
  cells.push(["状态", "企业数", null, null, null, null]);
  cells.push(["符合奖励条件（金额>0）", f((c) => `=COUNTIF(${c("reward")},">0")`), null, null, null, null]);
  cells.push(["不列入奖补（金额为0，五（五））", f((c) => `=COUNTIF(${c("reward")},0)`), null, null, null, null]);
  const naRow = cells.length + 1;
  cells.push(["不适用本意见（#N/A）", f((c) => `=SUMPRODUCT(--ISNA(${c("reward")}))`), null, null, null, null]);
  cells.push(["输入错误（#VALUE!）", f((c) => `=SUMPRODUCT(--ISERROR(${c("reward")}))-B${naRow}`), null, null, null, null]);

  const fmt = unit === "元" ? "#,##0.00" : "#,##0.000000";
  return {
    name: SUMMARY_SHEET,
    cells,
    widths: [30, 18, 18, 18, 18, 10],
    numberFormats: money.map((range) => ({ range, format: fmt })),
    bold: ["A1", `A${placeHeader}:F${placeHeader}`, `A${totalRow}:F${totalRow}`, `A${sectorHeader}:C${sectorHeader}`, `A${payerHeader}:B${payerHeader}`, `A${statusHeader}:B${statusHeader}`],
    fills: [{ range: `A${placeHeader}:F${placeHeader}`, color: "#E3F2FD" }],
    freezeRows: 0,
    chart: { title: `奖励资金按出资方（${unit}）`, range: `A${payerHeader}:B${payerLast}`, type: "column" },
  };
}
