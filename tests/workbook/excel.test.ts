/**
 * The Office.js side of the port, against the strict fake (fake-excel.ts): reads load before they
 * use, null objects are checked after a sync, discovery picks the register-like table or the
 * region around the active cell (also with several areas selected), the change handler is removed
 * in its own context, and the sheets the pane adds are written as native Excel objects.
 */
import { ExcelWorkbook } from "../../src/workbook/excel";
import { registerTemplate, TEMPLATE_COLUMNS, templateColumnIndex } from "../../src/workbook/template";
import { summarySheet } from "../../src/workbook/summary";
import { mapColumns } from "../../src/engine/register";
import { FakeExcel, type FakeContext } from "./fake-excel";
import { makePortableAction, restoreAction } from "../../src/taskpane/actions";
import { STRINGS } from "../../src/taskpane/i18n";

const HEADERS = ["企业名称", "镇街园区", "行业", "第一年销售额（元）", "第二年销售额（元）"];
const BODY = [
  ["甲化工", "华士镇", "化工", 60000000, 60000000],
  ["乙铸造", "周庄镇", "铸造", 12000000, 8000000],
];

/** A workbook with the register as a table at B4 on 登记表. */
function withTable(name = "JY登记表"): FakeExcel {
  const x = new FakeExcel();
  x.addSheet("说明", [["说明"]]);
  x.addSheet("登记表", [HEADERS, ...BODY], { top: 3, left: 1 });
  x.tables.push({ name, sheet: "登记表", top: 3, left: 1, bottom: 3 + BODY.length, right: 1 + HEADERS.length - 1 });
  return x;
}

describe("ExcelWorkbook.readRegister", () => {
  test("a remembered table: header, then the body, with positions", async () => {
    const x = withTable();
    const read = await new ExcelWorkbook(x.host()).readRegister({ sheet: "登记表", table: "JY登记表", anchor: null });
    expect(read).toEqual({ sheet: "登记表", table: "JY登记表", anchor: null, top: 3, left: 1, headers: HEADERS, rows: BODY });
    // Null check, header and size, one body batch.
    expect(x.syncs).toBe(3);
  });

  test("a remembered table that was renamed or deleted: found again, not stuck", async () => {
    const x = withTable("Claims2026");
    const read = await new ExcelWorkbook(x.host()).readRegister({ sheet: "登记表", table: "JY登记表", anchor: null });
    expect(read).toMatchObject({ table: "Claims2026", headers: HEADERS, rows: BODY });
    x.tables.length = 0;
    x.active = { sheet: "登记表", row: 5, col: 2 };
    const region = await new ExcelWorkbook(x.host()).readRegister({ sheet: "登记表", table: "JY登记表", anchor: null });
    expect(region).toMatchObject({ sheet: "登记表", table: null, anchor: "B4", rows: BODY });
  });

  test("a remembered region; a title row above the header is skipped; a deleted sheet falls back", async () => {
    const x = new FakeExcel();
    x.addSheet("Sheet1", [["2025年退出企业登记表", "", "", "", ""], HEADERS, ...BODY]);
    const wb = new ExcelWorkbook(x.host());
    expect(await wb.readRegister({ sheet: "Sheet1", table: null, anchor: "A2" })).toMatchObject({ sheet: "Sheet1", table: null, anchor: "A2", top: 1, left: 0, headers: HEADERS, rows: BODY });
    x.active = { sheet: "Sheet1", row: 2, col: 1 };
    expect(await wb.readRegister({ sheet: "已删除", table: null, anchor: "A2" })).toMatchObject({ sheet: "Sheet1", anchor: "A2", rows: BODY });
  });

  test("with nothing remembered, the table whose headers look like a register is chosen", async () => {
    const x = withTable("Claims");
    x.addSheet("通讯录", [["姓名", "电话"], ["张三", "123"]]);
    x.tables.unshift({ name: "Contacts", sheet: "通讯录", top: 0, left: 0, bottom: 1, right: 1 });
    expect(await new ExcelWorkbook(x.host()).readRegister(null)).toMatchObject({ sheet: "登记表", table: "Claims", headers: HEADERS, rows: BODY });
  });

  test.each(["one", "several"] as const)("without a table, the region around the active cell (%s area(s) selected)", async (selection) => {
    const x = new FakeExcel();
    x.addSheet("Sheet1", [HEADERS, ...BODY], { top: 9, left: 2 });
    x.active = { sheet: "Sheet1", row: 10, col: 3 };
    x.selection = selection;
    expect(await new ExcelWorkbook(x.host()).readRegister(null)).toMatchObject({ sheet: "Sheet1", table: null, anchor: "C10", top: 9, left: 2, rows: BODY });
  });

  test("a blank row inside the register does not end it; totals and footers below are skipped, not read as enterprises", async () => {
    const x = new FakeExcel();
    const blank = ["", "", "", "", ""];
    x.addSheet("Sheet1", [
      ["2025年退出企业登记表", "", "", "", ""],
      HEADERS,
      BODY[0],
      blank,
      BODY[1],
      blank,
      ["合计", "", "", 72000000, 68000000],
      blank,
      ["填表人：张三", "", "", "", ""],
    ]);
    x.active = { sheet: "Sheet1", row: 2, col: 0 };
    const read = await new ExcelWorkbook(x.host()).readRegister(null);
    expect(read).toMatchObject({ sheet: "Sheet1", anchor: "A2", top: 1, headers: HEADERS });
    const enterprises = read!.rows.filter((r) => typeof r[0] === "string" && r[0] !== "");
    expect(enterprises).toEqual(BODY);
    expect(read!.skipped!.map((s) => [s.row, s.reason])).toEqual([
      [1, "title"],
      [4, "blank"],
      [6, "blank"],
      [7, "total"],
      [8, "blank"],
      [9, "footer"],
    ]);
  });

  test.each([
    ["1.13", "备注"],
    // Without the merges (older Excel) a group cell is read as spanning the blanks to its right.
    ["1.12", "销售收入(元)/备注"],
  ])("a two-row header's merged group cell spans its merge exactly (ExcelApi %s)", async (api, notesHeader) => {
    const x = new FakeExcel({ sets: { ExcelApi: api, SharedRuntime: "1.2", CustomFunctionsRuntime: "1.4" } });
    const s = x.addSheet("Sheet1", [
      ["企业名称", "镇街园区", "行业", "销售收入（元）", "", ""],
      ["", "", "", "2023年", "2024年", "备注"],
      ["甲化工", "华士镇", "化工", 60000000, 60000000, "已关停"],
    ]);
    s.merges.push({ top: 0, left: 3, bottom: 0, right: 4 }, { top: 0, left: 0, bottom: 1, right: 0 });
    x.active = { sheet: "Sheet1", row: 2, col: 0 };
    const read = await new ExcelWorkbook(x.host()).readRegister(null);
    expect(read?.headers).toEqual(["企业名称", "镇街园区", "行业", "销售收入(元)/2023年", "销售收入(元)/2024年", notesHeader]);
    expect(read?.rows).toEqual([["甲化工", "华士镇", "化工", 60000000, 60000000, "已关停"]]);
  });

  test("more merged areas than Excel returns (512): the header is read by its blanks, not an error", async () => {
    const x = new FakeExcel();
    const s = x.addSheet("Sheet1", [HEADERS, ...BODY]);
    for (let c = 0; c < 600; c++) s.merges.push({ top: 5, left: c, bottom: 6, right: c });
    x.active = { sheet: "Sheet1", row: 1, col: 0 };
    expect(await new ExcelWorkbook(x.host()).readRegister(null)).toMatchObject({ headers: HEADERS, rows: BODY });
  });

  test("a chart selected and no table: no register, not an error", async () => {
    const x = new FakeExcel();
    x.addSheet("Sheet1", [HEADERS, ...BODY]);
    x.selection = "chart";
    expect(await new ExcelWorkbook(x.host()).readRegister(null)).toBeNull();
  });
});

describe("the fake is as strict as Excel", () => {
  test("a property read without load, a null object used before its sync, a request past 5 MB", async () => {
    const x = withTable();
    const h = x.host();
    await h.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem("登记表").getRange("A1");
      expect(() => range.values).toThrow(/PropertyNotLoaded/);
      range.load("values");
      expect(() => range.values).toThrow(/PropertyNotLoaded/);
      await ctx.sync();
      expect(range.values).toEqual([[""]]);
      const table = ctx.workbook.tables.getItemOrNullObject("nope");
      expect(() => table.isNullObject).toThrow(/PropertyNotLoaded/);
      expect(() => table.getHeaderRowRange()).toThrow(/before isNullObject was synced/);
      await ctx.sync();
      expect(table.isNullObject).toBe(true);
      expect(() => table.getDataBodyRange()).toThrow(/null object/);
      const big = Array.from({ length: 6000 }, () => ["x".repeat(1000)]);
      ctx.workbook.worksheets.getItem("说明").getRange("A1:A6000").values = big;
      await expect(ctx.sync()).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    });
    expect(x.formulaAt("说明", 5999, 0)).toBe("");
  });

  test("a handler removed from another context stays registered; from its own, it goes", async () => {
    const x = withTable();
    const h = x.host();
    let owner: FakeContext | null = null;
    let result: { remove(): void } | null = null;
    await h.run(async (ctx) => {
      result = ctx.workbook.worksheets.onChanged.add(async () => undefined);
      owner = ctx as unknown as FakeContext;
      await ctx.sync();
    });
    // The old way: remove() inside a new Excel.run, that run's context synced.
    await expect(
      h.run(async (ctx) => {
        result!.remove();
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidRequestContext" });
    expect(await x.fireChange()).toBe(1);
    await h.runIn(owner as unknown as Excel.RequestContext, async (ctx) => {
      result!.remove();
      await ctx.sync();
    });
    expect(await x.fireChange()).toBe(0);
  });
});

describe("reads under a host limit smaller than the budget", () => {
  test("a refused batch is halved and sent again until the read goes through, rows in order", async () => {
    const x = new FakeExcel({ limitBytes: 100_000 });
    const long = (i: number) => `${i}:${"江".repeat(1600)}`;
    x.addSheet("登记表", [HEADERS, ...Array.from({ length: 120 }, (_, i) => [long(i), "华士镇", "化工", 1, 1])]);
    x.tables.push({ name: "JY登记表", sheet: "登记表", top: 0, left: 0, bottom: 120, right: 4 });
    const read = await new ExcelWorkbook(x.host()).readRegister({ sheet: "登记表", table: "JY登记表", anchor: null });
    expect(read!.rows.map((r) => r[0])).toEqual(Array.from({ length: 120 }, (_, i) => long(i)));
    const refused = x.stats.filter((s) => s.response > 100_000);
    expect(refused.length).toBeGreaterThan(0);
    expect(x.stats.filter((s) => s.response <= 100_000).length).toBeGreaterThan(refused.length);
  });
});

describe("ExcelWorkbook events, settings, selection, features", () => {
  test("the change listener runs on edits and stops when removed (in the context that added it)", async () => {
    const x = withTable();
    const wb = new ExcelWorkbook(x.host());
    let calls = 0;
    const stop = await wb.onChange(() => calls++);
    expect(await x.fireChange()).toBe(1);
    expect(calls).toBe(1);
    await stop();
    expect(await x.fireChange()).toBe(0);
    expect(calls).toBe(1);
  });

  test("settings are saved with the document; removing a setting that is not there writes nothing", async () => {
    const x = withTable();
    const wb = new ExcelWorkbook(x.host());
    await wb.settings.set("jy.mapping", { columns: { sector: "行业" } });
    expect(wb.settings.get("jy.mapping")).toEqual({ columns: { sector: "行业" } });
    expect(x.settingsSaves).toBe(1);
    await wb.settings.remove("jy.mapping");
    expect(wb.settings.get("jy.mapping")).toBeNull();
    expect(x.settingsSaves).toBe(2);
    await wb.settings.remove("jy.register");
    expect(x.settingsSaves).toBe(2);
  });

  test("select: the cells of a finding, as one multi-area selection on its sheet", async () => {
    const x = withTable();
    await new ExcelWorkbook(x.host()).select("登记表", ["F5", "G5"]);
    expect(x.sheet("登记表")!.log).toContainEqual(["select", "F5,G5"]);
    expect(x.active.sheet).toBe("登记表");
    expect(x.syncs).toBe(1);
  });

  test("an Excel without ExcelApi 1.12 is told, in both languages, that make portable needs it", () => {
    const old = new FakeExcel({ sets: { ExcelApi: "1.11", SharedRuntime: "1.1" } });
    const wb = new ExcelWorkbook(old.host());
    expect(wb.unsupported("makePortable")).toEqual({ zh: expect.stringContaining("ExcelApi 1.12"), en: expect.stringContaining("ExcelApi 1.12") });
    expect(wb.unsupported("restore")).toBeNull();
    expect(new ExcelWorkbook(new FakeExcel().host()).unsupported("makePortable")).toBeNull();
    // The pane's action says why, in the pane's language, and is not offered.
    const state = { status: "idle" as const, scan: null, register: null, error: null, at: null };
    expect(makePortableAction.disabledReason({ port: wb, state, lang: "zh", s: STRINGS.zh, year: 2025 })).toContain("不支持");
    expect(makePortableAction.disabledReason({ port: wb, state, lang: "en", s: STRINGS.en, year: 2025 })).toMatch(/^This version of Excel cannot/);
    expect(restoreAction.disabledReason({ port: wb, state, lang: "zh", s: STRINGS.zh, year: 2025 })).toBeNull();
  });

  test("open with this workbook: Office.addin's startup behavior, on and off", async () => {
    const x = withTable();
    const wb = new ExcelWorkbook(x.host());
    expect(await wb.pane!.opensWithWorkbook()).toBe(false);
    await wb.pane!.setOpenWithWorkbook(true);
    expect(x.startupBehavior).toBe("Load");
    expect(await wb.pane!.opensWithWorkbook()).toBe(true);
    await wb.pane!.setOpenWithWorkbook(false);
    expect(x.startupBehavior).toBe("None");
    expect(x.settingsSaves).toBe(0);
  });
});

describe("ExcelWorkbook sheets", () => {
  test("the register template: a new sheet with a table, formulas after the table, drop-downs, formats, a frozen header", async () => {
    const x = withTable();
    x.addSheet("退出企业登记表", [["旧"]]);
    const added = await new ExcelWorkbook(x.host()).addSheet(registerTemplate("元", 2025));
    expect(added).toEqual({ sheet: "退出企业登记表 (2)", table: "JY登记表2" });
    const ws = x.sheet("退出企业登记表 (2)")!;
    const lastCol = String.fromCharCode(64 + TEMPLATE_COLUMNS.length);
    expect(x.tables.find((t) => t.name === "JY登记表2")).toMatchObject({ sheet: ws.name, top: 0, left: 0, bottom: 3, right: TEMPLATE_COLUMNS.length - 1, style: "TableStyleMedium2" });
    expect(x.formulaAt(ws.name, 1, 13)).toBe('=JY.REWARD([@[行业]],[@[第一年销售额（元）]],[@[第二年销售额（元）]],[@[标记]],"元",[@[镇街园区]])');
    expect(x.formulaAt(ws.name, 1, 14)).toBe('=INDEX(JY.FUNDING([@[行业]],[@[第一年销售额（元）]],[@[第二年销售额（元）]],[@[标记]],"元",[@[镇街园区]]),1,1)');
    expect(x.formulaAt(ws.name, 0, 0)).toBe("企业名称");
    const log = Object.fromEntries(ws.log.map(([k, v]) => [k, v]));
    const sectors = TEMPLATE_COLUMNS[templateColumnIndex("sector")].validation as { items: string[] };
    expect(log[`${ws.name}!D2:D4.dataValidation.rule`]).toEqual({ list: { inCellDropDown: true, source: sectors.items.join(",") } });
    expect(sectors.items.length).toBeGreaterThanOrEqual(5);
    expect(log[`${ws.name}!D2:D4.dataValidation.errorAlert`]).toMatchObject({ style: "Warning" });
    expect(ws.numberFormats.get("1,5")).toBe("#,##0.00");
    expect(ws.log).toContainEqual(["freezeRows", 1]);
    expect(x.active.sheet).toBe(ws.name);
    expect(lastCol).toBe("S");
  });

  test("the summary sheet: SUMIFS over the table's columns and a native column chart", async () => {
    const x = withTable();
    const headers = TEMPLATE_COLUMNS.map((c) => c.header("元"));
    const spec = summarySheet({ sheet: "退出企业登记表", table: "JY登记表", top: 0, left: 0, headers, rowCount: 3 }, mapColumns(headers));
    const added = await new ExcelWorkbook(x.host()).addSheet(spec);
    // Every cell of the spec as Excel gets it: formulas in their Excel form, text as text.
    spec.cells.forEach((row, r) =>
      row.forEach((c, k) => expect(x.formulaAt(added.sheet, r, k)).toBe(c === null ? "" : typeof c === "object" ? c.formula.excel : c)),
    );
    expect(x.formulaAt(added.sheet, 4, 0)).toBe("澄江街道");
    // By place through the helper column of canonical places (H), over A1 ranges the same size.
    expect(x.formulaAt(added.sheet, 4, 1)).toBe(`=SUMIFS('退出企业登记表'!$O$2:$O$1004,$H$2:$H$1004,$A5,'退出企业登记表'!$O$2:$O$1004,">=0")`);
    const charts = x.sheet(added.sheet)!.log.filter(([k]) => k === "chart");
    expect(charts).toHaveLength(1);
    expect(charts[0][1]).toMatchObject({ type: "ColumnClustered" });
  });

  test("deleting a sheet the pane added", async () => {
    const x = withTable();
    await new ExcelWorkbook(x.host()).deleteSheet("说明");
    expect(x.sheets.map((s) => s.name)).toEqual(["登记表"]);
  });
});
