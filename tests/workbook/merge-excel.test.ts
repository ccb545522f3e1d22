/**
 * 合并各镇报表 through the Excel port, against the strict fake (fake-excel.ts) with a small batch
 * budget: the city corpus's files become a city register table (JY formulas, each row's source) and
 * 核查结果, written in many batches none over the budget; a past year's city register on a sheet of
 * the workbook flags the enterprises it rewarded; the action's undo deletes exactly the two sheets.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { readSpreadsheet } from "../../src/hosts/xlsx/read";
import { mergeAction, type ActionContext } from "../../src/taskpane/actions";
import { STRINGS } from "../../src/taskpane/i18n";
import { ExcelWorkbook } from "../../src/workbook/excel";
import { mergeRegisters } from "../../src/workbook/merge";
import { writeCorpus, type Expected } from "../fixtures/city/corpus";
import { FakeExcel } from "./fake-excel";

jest.setTimeout(120_000);

const BUDGET = 20_000;

let files: Array<{ name: string; bytes: Uint8Array }>;
let past2024: unknown[][];
let expected: Expected;

beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jy-merge-excel-"));
  expected = writeCorpus(dir).expected;
  files = fs.readdirSync(path.join(dir, "towns")).map((name) => ({ name, bytes: new Uint8Array(fs.readFileSync(path.join(dir, "towns", name))) }));
  const history = await readSpreadsheet(new Uint8Array(fs.readFileSync(path.join(dir, "history", "2024年度全市汇总.xlsx"))), "2024.xlsx");
  past2024 = history.sheets[0].values;
});

function workbook(): { x: FakeExcel; wb: ExcelWorkbook } {
  const x = new FakeExcel();
  x.addSheet("说明", [["本工作簿汇总各镇报表"]]);
  x.addSheet("2024年全市登记表", past2024.map((r) => r.map((v) => v ?? "")));
  return { x, wb: new ExcelWorkbook(x.host(), { batchBytes: BUDGET }) };
}

describe("合并各镇报表 in Excel", () => {
  test("the city register and 核查结果 are added in batches under the budget, every enterprise with its source", async () => {
    const { x, wb } = workbook();
    const r = await mergeRegisters(wb, { files, historySheet: "2024年全市登记表", thisWorkbook: "本工作簿", labels: STRINGS.zh.kind }, readSpreadsheet);
    expect(r.sheets).toEqual(["全市登记表", "核查结果"]);
    expect(r.unreadable).toEqual([]);
    expect(r.city.totals.reward).toBe(expected.reward);

    const ws = x.sheet("全市登记表")!;
    const header = ws.cells[0].map((c) => c?.formula ?? c?.value);
    expect(header.slice(-3)).toEqual(["来源文件", "来源工作表", "来源行"]);
    const body = ws.cells.slice(1).filter((row) => row?.some((c) => c !== undefined));
    expect(body).toHaveLength(expected.enterprises);
    // Amounts as the template's JY formulas over the table's own columns.
    const reward = header.indexOf("奖励金额（元）");
    expect(body.every((row) => /^=JY\.REWARD\(\[@\[行业\]\]/.test(String(row[reward]?.formula)))).toBe(true);
    expect(x.tables.find((t) => t.sheet === "全市登记表")).toMatchObject({ name: "JY全市登记表", top: 0, bottom: expected.enterprises });

    // Many round trips, none over the budget the port was given.
    const writes = x.stats.filter((s) => s.request > 0);
    expect(writes.length).toBeGreaterThan(5);
    expect(Math.max(...writes.map((s) => s.request))).toBeLessThanOrEqual(BUDGET + 2_000);

    // Only the 2024 register was chosen: only its planted enterprise is flagged.
    const hits = r.city.findings.filter((f) => f.code === "REWARDED_BEFORE").map((f) => `${f.source.file}|${f.source.row}`);
    expect(hits).toEqual(Object.entries(expected.rewardedBefore).filter(([, years]) => years.includes(2024)).map(([k]) => k));
    expect(x.sheet("核查结果")!.cells.length).toBeGreaterThan(expected.duplicates.length);
  });

  test("undo deletes exactly the sheets the merge added; the workbook's own sheets stay", async () => {
    const { x, wb } = workbook();
    const ctx = { port: wb, lang: "zh", s: STRINGS.zh, year: 2025, state: {} } as unknown as ActionContext;
    const result = await mergeAction.run(ctx, { files, historySheet: null });
    expect(result.message).toContain(`企业 ${expected.enterprises} 家`);
    expect(x.sheets.map((s) => s.name)).toEqual(["说明", "2024年全市登记表", "全市登记表", "核查结果"]);
    expect(await result.undo!()).toBe("已删除工作表“全市登记表”、“核查结果”。");
    expect(x.sheets.map((s) => s.name)).toEqual(["说明", "2024年全市登记表"]);
  });

  test("a file that is not a spreadsheet is named in a sentence; the others are merged", async () => {
    const { wb } = workbook();
    const bad = { name: "说明.xlsx", bytes: new TextEncoder().encode("这不是表格") };
    const r = await mergeRegisters(wb, { files: [...files.slice(0, 2), bad], historySheet: null, thisWorkbook: "本工作簿", labels: STRINGS.zh.kind }, readSpreadsheet);
    expect(r.unreadable.map((u) => u.file)).toEqual(["说明.xlsx"]);
    expect(r.unreadable[0].zh).toContain("说明.xlsx");
    expect(r.registers).toBe(2);
  });

  test("a history sheet without a register: a sentence, and nothing added", async () => {
    const { x, wb } = workbook();
    await expect(mergeRegisters(wb, { files, historySheet: "说明", thisWorkbook: "本工作簿", labels: STRINGS.zh.kind }, readSpreadsheet)).rejects.toMatchObject({ zh: expect.stringContaining("工作表“说明”中找不到往年的登记表") });
    expect(x.sheets.map((s) => s.name)).toEqual(["说明", "2024年全市登记表"]);
  });
});
