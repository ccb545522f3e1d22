/**
 * A 100,000-row register through the Excel port, against the strict fake (5 MB limit per request
 * and per response, as Excel on the web): the scan, make portable and restore all finish, every
 * batch under the port's budget. The figures (syncs, largest request and response) are printed
 * for the README; they are counted, not timed.
 */
import { ExcelWorkbook } from "../../src/workbook/excel";
import { DEFAULT_BATCH_BYTES } from "../../src/workbook/budget";
import { parseRecord, RECORD_SHEET } from "../../src/portable/record";
import { callsJy } from "../../src/portable/formula";
import { FakeExcel, EXCEL_WEB_LIMIT } from "./fake-excel";
import { seededRandom } from "../../src/util/random";

const ROWS = 100_000;
/** Rows that carry JY.REWARD: make portable's written volume grows with these (≈9 KB each). */
const JY_ROWS = 1_000;
const HEADERS = ["序号", "企业名称", "统一社会信用代码", "镇街园区", "行业", "退出年度", "第一年销售额（元）", "第二年销售额（元）", "标记", "整治计划已报送", "已停产", "设备已拆除", "已通过验收", "奖励已发放", "备注"];
const PLACES = ["华士镇", "周庄镇", "新桥镇", "澄江街道", "高新区", "临港经济开发区"];
const SECTORS = ["化工", "铸造", "热电", "印染", "其它", "2614"];

function register(): FakeExcel {
  const x = new FakeExcel();
  const s = x.addSheet("登记表");
  const next = seededRandom(20261203);
  s.cells[0] = HEADERS.map((h) => ({ value: h }));
  for (let i = 1; i <= ROWS; i++) {
    const row = [i, `江阴市第${i}号企业有限公司`, `91320281MA${String(i).padStart(7, "0")}X`, PLACES[i % PLACES.length], SECTORS[i % SECTORS.length], 2025, Math.round(next() * 1e8) / 100, Math.round(next() * 1e8) / 100, i % 7 === 0 ? "铝加工、沿江" : "", "是", "是", i % 3 ? "是" : "否", "否", "否", ""];
    s.cells[i] = row.map((v) => (v === "" ? undefined : { value: v }));
    if (i <= JY_ROWS) s.cells[i][15] = { formula: `=JY.REWARD(E${i + 1},G${i + 1},H${i + 1},I${i + 1},"元",D${i + 1})`, value: 1 };
  }
  x.tables.push({ name: "JY登记表", sheet: "登记表", top: 0, left: 0, bottom: ROWS, right: HEADERS.length - 1 });
  return x;
}

const figures = (x: FakeExcel) => ({ syncs: x.syncs, largestRequest: x.largestRequest, largestResponse: x.largestResponse });

describe(`a ${ROWS.toLocaleString("en")}-row register through the Excel port`, () => {
  const x = register();
  const wb = new ExcelWorkbook(x.host());
  const seen: Record<string, ReturnType<typeof figures>> = {};

  afterAll(() => {
    // For the README's table.
    console.log(`Excel port, ${ROWS} rows × ${HEADERS.length} columns (JY.REWARD on ${JY_ROWS} rows), budget ${DEFAULT_BATCH_BYTES} bytes:\n${JSON.stringify(seen, null, 1)}`);
  });

  test("scan: every row read, in batches under the budget", async () => {
    x.resetStats();
    const read = await wb.readRegister({ sheet: "登记表", table: "JY登记表", anchor: null });
    seen.scan = figures(x);
    expect(read!.rows).toHaveLength(ROWS);
    expect(read!.rows[ROWS - 1][1]).toBe(`江阴市第${ROWS}号企业有限公司`);
    expect(x.syncs).toBeGreaterThan(3);
    expect(x.largestResponse).toBeLessThanOrEqual(DEFAULT_BATCH_BYTES);
    expect(x.largestRequest).toBeLessThanOrEqual(DEFAULT_BATCH_BYTES);
  }, 120_000);

  test("make portable: every cell read, natives and record written, in batches under the budget", async () => {
    x.resetStats();
    const report = await wb.makePortable();
    seen.makePortable = figures(x);
    expect(report.converted.filter((c) => c.kind === "native")).toHaveLength(JY_ROWS);
    expect(callsJy(String(x.formulaAt("登记表", JY_ROWS, 15)).slice(1))).toBe(false);
    // Every converted cell is in the record (a column converted alike as runs of rows).
    const cells = x.sheet(RECORD_SHEET)!.cells;
    const text = (ref: string) => {
      const m = /^([A-Z])(\d+)$/.exec(ref)!;
      const v = cells[Number(m[2]) - 1]?.[m[1].charCodeAt(0) - 65]?.value;
      return v === undefined || v === null || v === "" ? undefined : String(v);
    };
    expect(parseRecord(text, cells.length).rows).toHaveLength(JY_ROWS);
    expect(cells.length).toBeLessThanOrEqual(JY_ROWS + 2);
    expect(x.largestRequest).toBeLessThanOrEqual(DEFAULT_BATCH_BYTES);
    expect(x.largestResponse).toBeLessThanOrEqual(DEFAULT_BATCH_BYTES);
    expect(DEFAULT_BATCH_BYTES).toBeLessThan(EXCEL_WEB_LIMIT);
  }, 300_000);

  test("restore: the record and the sheets' cells read, every entry checked against its cell, every original written back, in batches under the budget", async () => {
    x.resetStats();
    const report = await wb.restorePortable();
    seen.restore = figures(x);
    expect(report.refused).toEqual([]);
    expect(report.restored).toHaveLength(JY_ROWS);
    expect(x.formulaAt("登记表", JY_ROWS, 15)).toBe(`=JY.REWARD(E${JY_ROWS + 1},G${JY_ROWS + 1},H${JY_ROWS + 1},I${JY_ROWS + 1},"元",D${JY_ROWS + 1})`);
    expect(x.sheet(RECORD_SHEET)).toBeUndefined();
    expect(x.largestRequest).toBeLessThanOrEqual(DEFAULT_BATCH_BYTES);
    expect(x.largestResponse).toBeLessThanOrEqual(DEFAULT_BATCH_BYTES);
  }, 300_000);
});
