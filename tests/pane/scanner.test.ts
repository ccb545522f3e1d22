/**
 * The pane's logic without a browser: the scan controller and the actions, on the playground's
 * HyperFormula workbook behind the same port as Excel.
 */
import { PlaygroundWorkbook } from "../../src/playground/workbook";
import { SAMPLE_SHEET, SAMPLE_TABLE, SAMPLE_TODAY, sampleSheet } from "../../src/playground/sample";
import { ScanController, SETTINGS, type ScanState } from "../../src/taskpane/scanner";
import { insertTemplateAction, summaryAction, PANE_ACTIONS, type ActionContext } from "../../src/taskpane/actions";
import { STRINGS } from "../../src/taskpane/i18n";
import { SUMMARY_SHEET } from "../../src/workbook";
import { ExcelWorkbook } from "../../src/workbook/excel";
import { FakeExcel } from "../workbook/fake-excel";

function sampleWorkbook(): PlaygroundWorkbook {
  const wb = new PlaygroundWorkbook();
  wb.loadSheet(SAMPLE_SHEET, sampleSheet(), {}, SAMPLE_TABLE);
  return wb;
}

async function started(wb: PlaygroundWorkbook, debounceMs = 30) {
  const states: ScanState[] = [];
  const reads = jest.spyOn(wb, "readRegister");
  const c = new ScanController(wb, (s) => states.push(s), { today: SAMPLE_TODAY, debounceMs, sliceRows: 10 });
  await c.start();
  return { c, states, reads };
}

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(pred: () => boolean, ms = 3000) {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error("timed out");
    await settle(10);
  }
}

describe("ScanController", () => {
  test("scans at start and reports totals; where the register is stays in memory, not in the document", async () => {
    const wb = sampleWorkbook();
    const { c, reads } = await started(wb);
    expect(c.current.status).toBe("done");
    expect(c.current.scan?.totals.reward).toBe(15454000002);
    expect(c.current.register).toMatchObject({ sheet: SAMPLE_SHEET, table: SAMPLE_TABLE, anchor: null });
    expect(wb.settings.get(SETTINGS.register)).toBeNull();
    // The next scan goes straight to the place found.
    await c.rescan();
    expect(reads.mock.calls[1][0]).toEqual({ sheet: SAMPLE_SHEET, table: SAMPLE_TABLE, anchor: null });
    c.stop();
  });

  test("edits re-scan once the user pauses (debounced), not once per keystroke", async () => {
    const wb = sampleWorkbook();
    const { c, reads } = await started(wb, 60);
    expect(reads).toHaveBeenCalledTimes(1);
    // Row 2 (澄江精细化工): 60,000,000 + 60,000,000 → 4,800,000; change year 2 to 0.
    wb.setCellInput(SAMPLE_SHEET, 1, 6, "4");
    wb.setCellInput(SAMPLE_SHEET, 1, 6, "40");
    wb.setCellInput(SAMPLE_SHEET, 1, 6, "0");
    await until(() => reads.mock.calls.length >= 2 && c.current.status === "done");
    await settle(120);
    expect(reads).toHaveBeenCalledTimes(2);
    // base 30,000,000 × 8% = 2,400,000: the total drops by 2,400,000 元.
    expect(c.current.scan?.totals.reward).toBe(15454000002 - 240000000);
    expect(c.current.scan?.findings.some((f) => f.row === 2 && f.code === "ZERO_SALES")).toBe(true);
    c.stop();
  });

  test("a corrected mapping is kept in the document and used", async () => {
    const wb = sampleWorkbook();
    const { c } = await started(wb);
    const headers = c.current.register?.headers as string[];
    // Say the register's sales are in 万元: every amount is 10,000 times larger in 元.
    await c.saveMapping({ columns: { sales1: headers[5], sales2: headers[6] }, unit: "万元" });
    expect(wb.settings.get(SETTINGS.mapping)).toEqual({ columns: { sales1: headers[5], sales2: headers[6] }, unit: "万元" });
    // The user's action keeps the register's place with its mapping.
    expect(wb.settings.get(SETTINGS.register)).toEqual({ sheet: SAMPLE_SHEET, table: SAMPLE_TABLE, anchor: null });
    expect(c.current.scan?.mapping.unit).toBe("万元");
    expect(c.current.scan?.findings.some((f) => f.code === "SALES_IMPLAUSIBLE_FOR_UNIT" && f.row === 2)).toBe(true);
    await c.saveMapping(null);
    expect(wb.settings.get(SETTINGS.mapping)).toBeNull();
    expect(c.current.scan?.mapping.unit).toBe("元");
    c.stop();
  });

  test("no register: says so", async () => {
    const wb = new PlaygroundWorkbook();
    wb.loadSheet("Sheet1", [["姓名", "电话"], ["张三", "123"]]);
    const { c } = await started(wb);
    expect(c.current.status).toBe("no-register");
    c.stop();
  });
});

describe("ScanController in Excel's shared runtime (the strict fake)", () => {
  const HEADERS = ["企业名称", "镇街园区", "行业", "第一年销售额（元）", "第二年销售额（元）"];
  function excel(visible: boolean) {
    const x = new FakeExcel();
    x.addSheet("登记表", [HEADERS, ["甲化工", "华士镇", "化工", 60000000, 60000000]]);
    x.tables.push({ name: "JY登记表", sheet: "登记表", top: 0, left: 0, bottom: 1, right: 4 });
    x.pageVisible = visible;
    return x;
  }

  test("loaded hidden (for the JY.* cells): no read, no listener, nothing written; shown: scans; hidden again: stops", async () => {
    const x = excel(false);
    const wb = new ExcelWorkbook(x.host());
    const reads = jest.spyOn(wb, "readRegister");
    const c = new ScanController(wb, () => undefined, { debounceMs: 10 });
    await c.start();
    expect(reads).not.toHaveBeenCalled();
    expect(x.handlers).toHaveLength(0);
    expect(x.syncs).toBe(0);
    x.setVisibility("Taskpane");
    await until(() => c.current.status === "done");
    expect(c.current.scan?.totals.reward).toBe(480000000);
    expect(await x.fireChange()).toBe(1);
    x.setVisibility("Hidden");
    await until(() => !c.running);
    await settle(30);
    expect(await x.fireChange()).toBe(0);
    const before = reads.mock.calls.length;
    await settle(40);
    expect(reads.mock.calls.length).toBe(before);
    expect(x.settingsSaves).toBe(0);
    expect(x.settings.size).toBe(0);
    c.stop();
  });

  test("an Excel without the shared runtime's API (no Office.addin events): scans as a page always shown", async () => {
    const x = excel(false);
    const wb = new ExcelWorkbook(new FakeExcel({ sets: { ExcelApi: "1.17" } }).host());
    expect(wb.pane).toBeNull();
    // Office.addin present, its events refused (an older build that lists the API without it).
    const shown = new ExcelWorkbook(x.host());
    const refusing = { ...shown.pane!, onVisibility: () => Promise.reject(new Error("not supported")), visibleNow: () => false };
    const port: ExcelWorkbook = Object.create(shown, { pane: { value: refusing } });
    const c = new ScanController(port, () => undefined, { debounceMs: 10 });
    await c.start();
    expect(c.current.status).toBe("done");
    c.stop();
  });

  test("opened by the user: scans at once; closing the pane removes the change handler in its own context", async () => {
    const x = excel(true);
    const c = new ScanController(new ExcelWorkbook(x.host()), () => undefined, { debounceMs: 10 });
    await c.start();
    expect(c.current.status).toBe("done");
    expect(x.handlers.filter((h) => !h.removed)).toHaveLength(1);
    c.stop();
    await until(() => x.handlers.every((h) => h.removed));
    expect(x.visibilityHandlers.size).toBe(0);
    expect(x.settingsSaves).toBe(0);
  });
});

describe("pane actions", () => {
  const ctxOf = (wb: PlaygroundWorkbook, c: ScanController): ActionContext => ({ port: wb, state: c.current, lang: "zh", s: STRINGS.zh, year: 2025 });

  test("the actions area lists the template, the summary, the merge of the towns' registers, make portable and restore", () => {
    expect(PANE_ACTIONS.map((a) => a.id)).toEqual(["insert-template", "summary", "merge-registers", "make-portable", "restore"]);
  });

  test("insert template: a new sheet whose JY.* formulas compute, and undo deletes it", async () => {
    const wb = sampleWorkbook();
    const { c } = await started(wb);
    const before = await wb.sheetNames();
    const r = await insertTemplateAction.run(ctxOf(wb, c));
    const sheets = await wb.sheetNames();
    expect(sheets).toEqual([...before, "退出企业登记表"]);
    expect(r.message).toContain("退出企业登记表");
    // Example row 1: 化工 60,000,000 / 60,000,000 → 4,800,000; row 2: 铸造 铝加工 12,000,000 / 8,000,000 → 200,000 (140,000 / 60,000).
    expect(wb.cell("退出企业登记表", 1, 13).value).toBe(4800000);
    expect([14, 15, 16].map((col) => wb.cell("退出企业登记表", 2, col).value)).toEqual([140000, 60000, 0]);
    expect(wb.cell("退出企业登记表", 3, 16).value).toBe(300000);
    expect(wb.validation("退出企业登记表", 2, 3)).toMatchObject({ kind: "list", items: ["化工", "铸造", "热电", "印染", "其他"] });
    expect(wb.sheetMeta("退出企业登记表").freezeRows).toBe(1);
    expect(await r.undo?.()).toContain("已删除");
    expect(await wb.sheetNames()).toEqual(before);
    c.stop();
  });

  test("summary: its live formulas agree with the pane's totals and counts", async () => {
    const wb = sampleWorkbook();
    const { c } = await started(wb);
    expect(summaryAction.disabledReason(ctxOf(wb, c))).toBeNull();
    await summaryAction.run(ctxOf(wb, c));
    const t = c.current.scan!.totals;
    const find = (label: string) => {
      const size = wb.sheetSize(SUMMARY_SHEET);
      for (let r = 0; r < size.rows; r++) if (wb.cell(SUMMARY_SHEET, r, 0).value === label) return r;
      throw new Error(`no row ${label}`);
    };
    const fen = (row: number, col: number) => Math.round((wb.cell(SUMMARY_SHEET, row, col).value as number) * 100);
    const total = find("合计");
    expect([fen(total, 1), fen(total, 2), fen(total, 3), fen(total, 4)]).toEqual([t.city, t.townTotal, t.parkTotal, t.reward]);
    expect(fen(find("华士镇"), 2)).toBe(t.towns.find((x) => x.key === "华士镇")!.fen);
    expect(fen(find("高新区"), 3)).toBe(t.parks.find((x) => x.key === "ZONE_HIGHTECH")!.fen);
    // The town share of the row without a town shows up as the remainder, not lost.
    expect(fen(find("其他写法或未填"), 2)).toBe(t.townUnknown);
    expect(wb.cell(SUMMARY_SHEET, find("符合奖励条件（金额>0）"), 1).value).toBe(t.counts.eligible);
    expect(wb.cell(SUMMARY_SHEET, find("不列入奖补（金额为0，五（五））"), 1).value).toBe(t.counts.excluded);
    expect(wb.cell(SUMMARY_SHEET, find("不适用本意见（#N/A）"), 1).value).toBe(t.counts.notCovered);
    expect(wb.cell(SUMMARY_SHEET, find("输入错误（#VALUE!）"), 1).value).toBe(t.counts.invalid);
    expect(wb.sheetMeta(SUMMARY_SHEET).chart).toMatchObject({ type: "column" });
    // Live: an edit in the register moves the summary.
    wb.setCellInput(SAMPLE_SHEET, 1, 6, "0");
    expect(fen(total, 1)).toBe(t.city - 240000000);
    c.stop();
  });

  test("summary is refused, with the reason, when the register lacks the JY.* columns", async () => {
    const wb = new PlaygroundWorkbook();
    wb.loadSheet("Sheet1", [["企业名称", "行业", "第一年销售额", "第二年销售额"], ["甲", "化工", 1e7, 1e7]]);
    const { c } = await started(wb);
    expect(summaryAction.disabledReason(ctxOf(wb, c))).toContain("奖励金额");
    c.stop();
  });
});
