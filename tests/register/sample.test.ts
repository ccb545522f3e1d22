/**
 * The playground's sample register, scanned as the pane scans it: every kind of finding on the
 * rows made for it, and totals by payer equal to what the register's JY.* cells add up to.
 */
import { computeAmounts, fenToUnitString, parseClaim } from "../../src/engine";
import { scanRegister, type RegisterScan } from "../../src/engine/register";
import { PlaygroundWorkbook } from "../../src/playground/workbook";
import { SAMPLE_ROWS, SAMPLE_SHEET, SAMPLE_TABLE, SAMPLE_TODAY, sampleSheet } from "../../src/playground/sample";

let scan: RegisterScan;
let rows: unknown[][];

beforeAll(async () => {
  const wb = new PlaygroundWorkbook();
  wb.loadSheet(SAMPLE_SHEET, sampleSheet(), {}, SAMPLE_TABLE);
  const read = await wb.readRegister(null);
  if (!read) throw new Error("sample register not found");
  rows = read.rows;
  scan = scanRegister({ headers: read.headers, rows: read.rows, origin: { row: read.top, col: read.left }, today: SAMPLE_TODAY });
});

const yuan = (fen: number) => fenToUnitString(fen, "元");

test("the sample has at least 40 enterprises", () => {
  expect(SAMPLE_ROWS.length).toBeGreaterThanOrEqual(40);
  expect(scan.totals.counts).toEqual({ rows: 46, eligible: 33, excluded: 4, notCovered: 5, invalid: 4 });
});

test("totals by payer", () => {
  const t = scan.totals;
  expect(yuan(t.reward)).toBe("154540000.02");
  expect(yuan(t.city)).toBe("151284000.02");
  expect(yuan(t.townTotal)).toBe("756000.00");
  expect(yuan(t.townUnknown)).toBe("180000.00");
  expect(yuan(t.parkTotal)).toBe("2500000.00");
  expect(Object.fromEntries(t.towns.filter((x) => x.fen > 0).map((x) => [x.nameZh, yuan(x.fen)]))).toEqual({
    利港街道: "45000.00",
    璜土镇: "15000.00",
    青阳镇: "15000.00",
    徐霞客镇: "297000.00",
    华士镇: "90000.00",
    周庄镇: "60000.00",
    祝塘镇: "54000.00",
  });
  expect(Object.fromEntries(t.parks.map((p) => [p.nameZh, yuan(p.fen)]))).toEqual({ 高新区: "500000.00", 临港经济开发区: "2000000.00" });
  expect(t.reward).toBe(t.city + t.townTotal + t.parkTotal);
});

test("totals equal what the register's JY.* cells add up to", () => {
  // Columns N..Q (13..16) hold JY.REWARD and JY.FUNDING; error values (#N/A, #VALUE!) are not money.
  const sum = (col: number) => Math.round(rows.reduce((s: number, r) => s + (typeof r[col] === "number" ? (r[col] as number) : 0), 0) * 100);
  expect(sum(13)).toBe(scan.totals.reward);
  expect(sum(14)).toBe(scan.totals.city);
  expect(sum(15)).toBe(scan.totals.townTotal);
  expect(sum(16)).toBe(scan.totals.parkTotal);
});

test("findings by kind", () => {
  const byCode: Record<string, number> = {};
  for (const f of scan.findings) byCode[f.code] = (byCode[f.code] ?? 0) + 1;
  expect(byCode).toEqual({
    EXCLUDED_RELOCATED: 1,
    EXCLUDED_CAPACITY_SWAP: 1,
    EXCLUDED_STEEL_CUT: 1,
    EXCLUDED_ILLEGAL_NEW: 1,
    NOT_COVERED_THERMAL_POWER: 2,
    NOT_COVERED_PRINTING_DYEING: 2,
    NOT_COVERED_OTHER: 1,
    INVALID_INPUT: 6,
    RIVERSIDE_PENDING: 1,
    FLAG_NO_EFFECT: 2,
    EXIT_YEAR_OUTSIDE: 2,
    EXIT_YEAR_MISSING: 1,
    ZERO_SALES: 1,
    SALES_IMPLAUSIBLE_FOR_UNIT: 1,
    USCC_INVALID: 1,
    CONDITION_NOT_MET: 2,
    DEADLINE_LATE: 3,
    DUPLICATE_ENTERPRISE: 2,
    PLACE_MISSING: 1,
    CAP_APPLIED: 2,
    FLOOR_TOP_UP: 3,
    ZONE_CITY_PAYS_CHEMICAL: 2,
    PARK_PAYS: 3,
  });
  const bySeverity: Record<string, number> = {};
  for (const f of scan.findings) bySeverity[f.severity] = (bySeverity[f.severity] ?? 0) + 1;
  expect(bySeverity).toEqual({ excluded: 4, "not-covered": 5, error: 6, warning: 17, info: 10 });
});

test.each([
  // row, code, cells, clause, words of the message
  [8, "EXCLUDED_RELOCATED", ["H8"], "五（五）", "搬迁入园"],
  [40, "NOT_COVERED_THERMAL_POWER", ["D40"], "五（三）", "澄政发〔2020〕9号"],
  [21, "INVALID_INPUT", ["G21"], null, "G21 单元格“第二年销售额"],
  [24, "INVALID_INPUT", ["C24"], null, "无锡市区"],
  [25, "INVALID_INPUT", ["E25"], null, "退出年度无法识别"],
  [25, "INVALID_INPUT", ["J25"], null, "“已停产”无法识别"],
  [7, "RIVERSIDE_PENDING", ["H7"], "五（一）", "一事一议"],
  [9, "FLAG_NO_EFFECT", ["D9", "H9"], "五（二）", "铝加工"],
  [11, "EXIT_YEAR_OUTSIDE", ["E11"], "七", "澄政发〔2019〕2号"],
  [38, "EXIT_YEAR_OUTSIDE", ["E38"], "七", "2028年不在本意见执行期（2022年10月1日至2027年9月30日）内"],
  [12, "ZERO_SALES", ["F12"], "五（一）", "第一年销售额为 0"],
  [13, "SALES_IMPLAUSIBLE_FOR_UNIT", ["F13", "G13"], null, "万元"],
  [14, "USCC_INVALID", ["B14"], null, "校验位"],
  [15, "CONDITION_NOT_MET", ["K15", "L15"], "五（一）", "拆除设备、通过验收"],
  [15, "DEADLINE_LATE", ["L15"], "四（三）", "2025年11月30日前"],
  [16, "DEADLINE_LATE", ["M16"], "四（三）", "2025年10月31日前"],
  [17, "DEADLINE_LATE", ["I17"], "四（一）", "2025年4月30日前"],
  [18, "DUPLICATE_ENTERPRISE", ["B18", "B2"], null, "统一社会信用代码相同"],
  [20, "DUPLICATE_ENTERPRISE", ["A20", "A6"], null, "企业名称相同"],
  [35, "PLACE_MISSING", ["C35"], "五（二）", "180,000.00 元"],
  [5, "CAP_APPLIED", ["F5", "G5", "N5"], "五（一）", "50,000,000.00 元"],
  [6, "FLOOR_TOP_UP", ["F6", "G6", "N6"], "五（一）", "补足 18,000.00 元"],
  [29, "PARK_PAYS", ["C29", "H29", "Q29"], "五（二）", "临港经济开发区"],
  [10, "ZONE_CITY_PAYS_CHEMICAL", ["C10", "H10", "O10"], "五（一）", "市财政"],
])("row %i: %s", (row, code, cells, clause, words) => {
  const f = scan.findings.filter((x) => x.row === row && x.code === code && x.messageZh.includes(words as string));
  expect(f).toHaveLength(1);
  expect(f[0].cells).toEqual(cells);
  expect(f[0].clause).toBe(clause);
  expect(f[0].messageEn.length).toBeGreaterThan(10);
});

test("the enterprise named like markup is carried as plain text", () => {
  const f = scan.findings.find((x) => x.row === 45);
  expect(f?.enterprise).toBe("<img src=x onerror=alert(1)>");
});

test("deadlines: this year's three, then last year's exits' payment; with their late rows", () => {
  expect(scan.deadlines.map((d) => [d.key, d.date, d.lateRows])).toEqual([
    ["plan", "2025-04-30", [17]],
    ["acceptance", "2025-11-30", [15]],
    ["payment", "2026-10-31", []],
    ["payment", "2025-10-31", [16]],
  ]);
  expect(scan.lateRows).toEqual([15, 16, 17]);
});

test("every readable row's money is the engine's", () => {
  let reward = 0;
  for (const r of SAMPLE_ROWS) {
    try {
      reward += computeAmounts(parseClaim({ sector: r.sector, sales1: r.sales1, sales2: r.sales2, flags: r.flags, place: r.place })).reward;
    } catch {
      // invalid rows add nothing, as their #VALUE! cells add nothing
    }
  }
  expect(reward).toBe(scan.totals.reward);
});
