/**
 * The 资金统计 sheet: money by town and payer, by sector, by status, as live native formulas over
 * the register (SUMIFS, COUNTIFS, SUMPRODUCT), with a column chart of money by payer. Error
 * values in the JY.* columns (#N/A not covered, #VALUE! bad input) are left out of sums by the
 * criterion ">=0" on the summed column itself, as the pane's totals leave them out.
 *
 * Grouping agrees with the pane for every accepted spelling: helper columns on this sheet (H, I)
 * give each register row its canonical place and sector (华士 → 华士镇, 铸造业 / 3391 → 铸造),
 * looked up (VLOOKUP, case-insensitive, after TRIM, which also turns a numeric code into text) in
 * the spelling tables beside them (K:L places, N:O sectors), written from src/policy; the place and
 * sector rows sum by those. A spelling no table lists (a code outside the named ones, a typo)
 * lands in "其他写法或未填", as before.
 */
import { coveredSectors, POLICY, POLICY_TITLE_ZH, type FlagId, type Policy, type SectorId } from "../policy";
import { sectorSpellings } from "../engine/sector";
import { columnLetters, paymentDeadline, quoteSheet, staffDate, type ColumnKey, type ColumnMapping } from "../engine/register";
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

const escapeColumn = (header: string) => header.replace(/(['#\[\]])/g, "'$1");

/** The register as the summary needs it: where it is, its headers and how many rows it has now. */
export type RegisterShape = Pick<RegisterRead, "sheet" | "table" | "top" | "left" | "headers"> & { rowCount: number };

/** Every accepted spelling of a town or park, with the name the summary rows use. */
export function placeSpellings(policy: Policy = POLICY): Array<[spelling: string, name: string]> {
  const out = new Map<string, string>();
  for (const t of policy.towns) for (const s of [t.nameZh, ...t.aliases]) out.set(s, t.nameZh);
  for (const id of parkIds(policy)) for (const s of [policy.flags[id].labelZh, ...policy.flags[id].aliases]) out.set(s, policy.flags[id].labelZh);
  return [...out.entries()];
}

/** The parks (ZONE_* flags) a register may name as a place. */
const parkIds = (policy: Policy) => (Object.keys(policy.flags) as FlagId[]).filter((id) => policy.flags[id].kind === "zone");

/** Helper and lookup columns (0-based) of the summary sheet. */
const HELPER_PLACE = 7; // H
const HELPER_SECTOR = 8; // I
const PLACE_TABLE = 10; // K:L
const SECTOR_TABLE = 13; // N:O

/**
 * `exitYears`: also money by exit year, each with its payment deadline (四（三）), when the register
 * has an exit-year column holding years as numbers (the city register does).
 */
export function summarySheet(register: RegisterShape, mapping: ColumnMapping, policy: Policy = POLICY, exitYears: number[] = []): SheetSpec {
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
  // Canonical place / sector of each register row, on this sheet's rows 2…: same size as the A1 ranges.
  const helperRows = last - first + 1;
  const helper = (col: number) => `$${columnLetters(col)}$2:$${columnLetters(col)}$${helperRows + 1}`;
  const byHelper = (build: (r: (k: ColumnKey) => string) => string): { formula: Formula } => {
    const text = build((k) => ref(k).a1);
    return { formula: { excel: text, a1: text } };
  };
  const same = (text: string): { formula: Formula } => ({ formula: { excel: text, a1: text } });
  const unit = mapping.unit;
  const cells: SpecCell[][] = [];
  const money: string[] = [];

  cells.push(["江阴市落后产能退出奖励资金统计", null, null, null, null, null]);
  const covered = coveredSectors(policy);
  const rewardClauses = covered.map((id) => policy.rewards[id]!.clause).join("、");
  cells.push([`数据来源：${register.table ?? register.sheet}；公式实时计算；金额单位：${unit}（依据${POLICY_TITLE_ZH.replace(/^.*?《/, "《")}${rewardClauses}）`, null, null, null, null, null]);
  cells.push([null, null, null, null, null, null]);

  // Money by town / park and payer.
  const placeHeader = cells.length + 1;
  cells.push(["镇街园区", "市财政", "镇财政", "园区财政", "合计", "企业数"]);
  const places = [...policy.towns.map((t) => t.nameZh), ...parkIds(policy).map((id) => policy.flags[id].labelZh)];
  const placeFirst = cells.length + 1;
  for (const place of places) {
    const r = cells.length + 1;
    const sumBy = (k: ColumnKey) => byHelper((c) => `=SUMIFS(${c(k)},${helper(HELPER_PLACE)},$A${r},${c(k)},">=0")`);
    cells.push([place, sumBy("city"), sumBy("town"), sumBy("park"), same(`=SUM(B${r}:D${r})`), same(`=COUNTIFS(${helper(HELPER_PLACE)},$A${r})`)]);
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
  // Rows with a sector only: a register's own 合计 / 小计 row (no sector) is not counted twice.
  const sumAll = (k: ColumnKey) => byHelper((c) => `=SUMIFS(${c(k)},${helper(HELPER_SECTOR)},"<>-",${c(k)},">=0")`);
  cells.push(["合计", sumAll("city"), sumAll("town"), sumAll("park"), same(`=SUM(B${totalRow}:D${totalRow})`), same(`=COUNTIFS(${helper(HELPER_SECTOR)},"<>-")`)]);
  money.push(`B${placeFirst}:E${totalRow}`);
  cells.push([null, null, null, null, null, null]);

  // Money by sector.
  const sectorHeader = cells.length + 1;
  cells.push(["行业", "奖励金额", "企业数", null, null, null]);
  const sectorFirst = cells.length + 1;
  const sectorName = (id: SectorId) => policy.sectors[id].nameZh;
  for (const sector of covered.map(sectorName)) {
    const r = cells.length + 1;
    cells.push([sector, byHelper((c) => `=SUMIFS(${c("reward")},${helper(HELPER_SECTOR)},$A${r},${c("reward")},">=0")`), same(`=COUNTIFS(${helper(HELPER_SECTOR)},$A${r})`), null, null, null]);
  }
  for (const sector of (Object.keys(policy.sectors) as SectorId[]).filter((id) => !covered.includes(id)).map(sectorName)) {
    const r = cells.length + 1;
    cells.push([sector, "不适用本意见", same(`=COUNTIFS(${helper(HELPER_SECTOR)},$A${r})`), null, null, null]);
  }
  const codesRow = cells.length + 1;
  cells.push(["其他写法或未填", same(`=E${totalRow}-SUM(B${sectorFirst}:B${sectorFirst + covered.length - 1})`), same(`=F${totalRow}-SUM(C${sectorFirst}:C${codesRow - 1})`), null, null, null]);
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
  cells.push(["符合奖励条件（金额>0）", byHelper((c) => `=COUNTIFS(${c("reward")},">0",${helper(HELPER_SECTOR)},"<>-")`), null, null, null, null]);
  cells.push([`不列入奖补（金额为0，${Object.values(policy.flags).find((f) => f.kind === "exclusion")!.clause}）`, byHelper((c) => `=COUNTIFS(${c("reward")},0,${helper(HELPER_SECTOR)},"<>-")`), null, null, null, null]);
  const naRow = cells.length + 1;
  cells.push(["不适用本意见（#N/A）", byHelper((c) => `=SUMPRODUCT(ISNA(${c("reward")})*(${helper(HELPER_SECTOR)}<>"-"))`), null, null, null, null]);
  cells.push(["输入错误（#VALUE!）", byHelper((c) => `=SUMPRODUCT(ISERROR(${c("reward")})*(${helper(HELPER_SECTOR)}<>"-"))-B${naRow}`), null, null, null, null]);

  let yearHeader: number | null = null;
  if (exitYears.length > 0 && mapping.columns.exitYear !== undefined) {
    cells.push([null, null, null, null, null, null]);
    yearHeader = cells.length + 1;
    cells.push(["退出年度（奖励发放期限）", "市财政", "镇财政", "园区财政", "合计", "企业数"]);
    const yearFirst = cells.length + 1;
    for (const year of exitYears) {
      const r = cells.length + 1;
      const sumBy = (k: ColumnKey) => f((c) => `=SUMIFS(${c(k)},${c("exitYear")},${year},${c(k)},">=0")`);
      cells.push([`${year}年退出（${staffDate(paymentDeadline(year))}前发放）`, sumBy("city"), sumBy("town"), sumBy("park"), same(`=SUM(B${r}:D${r})`), f((c) => `=COUNTIFS(${c("exitYear")},${year})`)]);
    }
    money.push(`B${yearFirst}:E${cells.length}`);
  }

  // Helper columns and spelling tables, to the right of the figures.
  const placeTable = placeSpellings(policy);
  const sectorTable = sectorSpellings(policy);
  const height = Math.max(cells.length, helperRows + 1, placeTable.length + 1, sectorTable.length + 1);
  for (const row of cells) while (row.length < SECTOR_TABLE + 2) row.push(null);
  while (cells.length < height) cells.push(Array.from({ length: SECTOR_TABLE + 2 }, () => null));
  cells[0][HELPER_PLACE] = "镇街园区（归一）";
  cells[0][HELPER_SECTOR] = "行业（归一）";
  cells[0][PLACE_TABLE] = "镇街园区写法";
  cells[0][PLACE_TABLE + 1] = "归入";
  cells[0][SECTOR_TABLE] = "行业写法";
  cells[0][SECTOR_TABLE + 1] = "归入";
  const table = (col: number, n: number) => `$${columnLetters(col)}$2:$${columnLetters(col + 1)}$${n + 1}`;
  const canonical = (key: ColumnKey, col: number, n: number, i: number) => {
    const cell = `${quoteSheet(register.sheet)}!$${columnLetters(register.left + (mapping.columns[key] as number))}${first + i}`;
    // "?": written but listed nowhere (counted under 其他写法或未填); "-": blank. Not "": hosts
    // differ on whether a formula's "" matches the criteria "<>" or "?*".
    return same(`=IF(TRIM(${cell})="","-",IFERROR(VLOOKUP(TRIM(${cell}),${table(col, n)},2,0),"?"))`);
  };
  for (let i = 0; i < helperRows; i++) {
    cells[i + 1][HELPER_PLACE] = canonical("place", PLACE_TABLE, placeTable.length, i);
    cells[i + 1][HELPER_SECTOR] = canonical("sector", SECTOR_TABLE, sectorTable.length, i);
  }
  placeTable.forEach(([spelling, name], i) => {
    cells[i + 1][PLACE_TABLE] = spelling;
    cells[i + 1][PLACE_TABLE + 1] = name;
  });
  sectorTable.forEach(([spelling, name], i) => {
    cells[i + 1][SECTOR_TABLE] = spelling;
    cells[i + 1][SECTOR_TABLE + 1] = name;
  });

  const fmt = unit === "元" ? "#,##0.00" : "#,##0.000000";
  return {
    name: SUMMARY_SHEET,
    cells,
    widths: [30, 18, 18, 18, 18, 10, 4, 16, 10, 4, 18, 16, 4, 18, 8],
    numberFormats: money.map((range) => ({ range, format: fmt })),
    bold: ["A1", `A${placeHeader}:F${placeHeader}`, `A${totalRow}:F${totalRow}`, `A${sectorHeader}:C${sectorHeader}`, `A${payerHeader}:B${payerHeader}`, `A${statusHeader}:B${statusHeader}`, ...(yearHeader ? [`A${yearHeader}:F${yearHeader}`] : [])],
    fills: [{ range: `A${placeHeader}:F${placeHeader}`, color: "#E3F2FD" }],
    freezeRows: 0,
    chart: { title: `奖励资金按出资方（${unit}）`, range: `A${payerHeader}:B${payerLast}`, type: "column" },
  };
}
