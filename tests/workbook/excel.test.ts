/**
 * The Office.js side of the port, against office-addin-mock: reads are loaded before they are
 * used, a scan of a known register is one sync, discovery picks the register-like table or the
 * region around the selection, and the sheets the pane adds are written as native Excel objects.
 */
import { OfficeMockObject } from "office-addin-mock";

// office-addin-mock needs only the OfficeApp names from office-addin-manifest, whose full import
// pulls an ES-module-only dependency that jest (CommonJS, Node 20) cannot load.
jest.mock("office-addin-manifest", () => ({
  OfficeApp: { Excel: "excel", OneNote: "onenote", Outlook: "outlook", PowerPoint: "powerpoint", Project: "project", Word: "word" },
}));
import { ExcelWorkbook, type OfficeHost } from "../../src/workbook/excel";
import { registerTemplate, TEMPLATE_COLUMNS } from "../../src/workbook/template";
import { summarySheet } from "../../src/workbook/summary";
import { mapColumns } from "../../src/engine/register";

const HEADERS = ["企业名称", "镇街园区", "行业", "第一年销售额（元）", "第二年销售额（元）"];
const BODY = [
  ["甲化工", "华士镇", "化工", 60000000, 60000000],
  ["乙铸造", "周庄镇", "铸造", 12000000, 8000000],
];

/** A settings store like Office.context.document.settings. */
function officeSettings() {
  const data = new Map<string, unknown>();
  const saves: number[] = [];
  return {
    data,
    saves,
    api: {
      get: (k: string) => data.get(k),
      set: (k: string, v: unknown) => void data.set(k, v),
      remove: (k: string) => void data.delete(k),
      saveAsync: (cb?: (r: { status: string }) => void) => {
        saves.push(data.size);
        cb?.({ status: "succeeded" });
      },
    },
  };
}

/**
 * The port's host over a mock context. `alsoSynced`: mocks reached through collections (whose
 * `items` the mock keeps as plain arrays), synced with the context as one batch.
 */
function host(context: OfficeMockObject, settings = officeSettings(), alsoSynced: OfficeMockObject[] = []): { host: OfficeHost; syncs: () => number } {
  let syncs = 0;
  const sync = context.sync.bind(context);
  context.sync = async () => {
    syncs++;
    await sync();
    for (const m of alsoSynced) await m.sync();
  };
  const h = {
    run: async <T,>(batch: (ctx: Excel.RequestContext) => Promise<T>) => batch(context as unknown as Excel.RequestContext),
    office: { context: { displayLanguage: "zh-CN", document: { settings: settings.api as never } } },
  } as OfficeHost;
  return { host: h, syncs: () => syncs };
}

function tableContext(headers: unknown[], body: unknown[][], name = "JY登记表") {
  const ctx = new OfficeMockObject({
    workbook: {
      tables: {
        table: {
          name,
          header: { values: [headers], rowIndex: 3, columnIndex: 1 },
          body: { values: body },
          worksheet: { name: "登记表" },
          getHeaderRowRange: function () {
            return this.header;
          },
          getDataBodyRange: function () {
            return this.body;
          },
        },
        getItemOrNullObject: function (n: string) {
          return n === name ? this.table : this.missing;
        },
        missing: { header: { values: [[]], rowIndex: 0, columnIndex: 0 }, body: { values: [] }, worksheet: { name: "" } },
      },
    },
  });
  ctx.workbook.tables.table.isNullObject = false;
  return ctx;
}

describe("ExcelWorkbook.readRegister", () => {
  test("a remembered table is read in one sync, with header position and body values", async () => {
    const ctx = tableContext(HEADERS, BODY);
    const { host: h, syncs } = host(ctx);
    const wb = new ExcelWorkbook(h);
    const read = await wb.readRegister({ sheet: "登记表", table: "JY登记表", anchor: null });
    expect(syncs()).toBe(1);
    expect(read).toEqual({ sheet: "登记表", table: "JY登记表", anchor: null, top: 3, left: 1, headers: HEADERS, rows: BODY });
  });

  test("a remembered region is read in one sync; a title row above the header is skipped", async () => {
    const region = { values: [["2025年退出企业登记表", "", "", "", ""], HEADERS, ...BODY], rowIndex: 0, columnIndex: 0 };
    const ctx = new OfficeMockObject({
      workbook: {
        worksheets: {
          sheet: {
            region,
            anchorRange: {
              getSurroundingRegion: function () {
                return (ctx as unknown as { workbook: { worksheets: { sheet: { region: unknown } } } }).workbook.worksheets.sheet.region;
              },
            },
            getRange: function () {
              return this.anchorRange;
            },
          },
          getItemOrNullObject: function () {
            return this.sheet;
          },
        },
      },
    });
    ctx.workbook.worksheets.sheet.isNullObject = false;
    const { host: h, syncs } = host(ctx);
    const read = await new ExcelWorkbook(h).readRegister({ sheet: "Sheet1", table: null, anchor: "A2" });
    expect(syncs()).toBe(1);
    expect(read).toMatchObject({ sheet: "Sheet1", table: null, anchor: "A2", top: 1, left: 0, headers: HEADERS, rows: BODY });
  });

  test("with nothing remembered, the table whose headers look like a register is chosen", async () => {
    const other = { name: "Contacts", header: { values: [["姓名", "电话"]] }, getHeaderRowRange: function () { return this.header; } };
    const reg = {
      name: "Claims",
      header: { values: [HEADERS], rowIndex: 0, columnIndex: 0 },
      body: { values: BODY },
      worksheet: { name: "登记表" },
      getHeaderRowRange: function () { return this.header; },
      getDataBodyRange: function () { return this.body; },
    };
    const ctx = new OfficeMockObject({
      workbook: {
        tables: { load: function () { return this; } },
        selection: { region: { values: [["x"]], rowIndex: 0, columnIndex: 0 }, worksheet: { name: "Sheet1" }, getSurroundingRegion: function () { return this.region; } },
        getSelectedRange: function () { return this.selection; },
      },
    });
    const o = new OfficeMockObject(other);
    const r = new OfficeMockObject(reg);
    ctx.workbook.tables.items = [o, r];
    const { host: h } = host(ctx, officeSettings(), [o, r]);
    const read = await new ExcelWorkbook(h).readRegister(null);
    expect(read).toMatchObject({ sheet: "登记表", table: "Claims", headers: HEADERS, rows: BODY });
  });

  test("without a register-like table, the region around the selection is the register", async () => {
    const ctx = new OfficeMockObject({
      workbook: {
        tables: { load: function () { return this; } },
        selection: { region: { values: [HEADERS, ...BODY], rowIndex: 9, columnIndex: 2 }, worksheet: { name: "Sheet1" }, getSurroundingRegion: function () { return this.region; } },
        getSelectedRange: function () { return this.selection; },
      },
    });
    ctx.workbook.tables.items = [];
    const { host: h } = host(ctx);
    const read = await new ExcelWorkbook(h).readRegister(null);
    expect(read).toMatchObject({ sheet: "Sheet1", table: null, anchor: "C10", top: 9, left: 2, rows: BODY });
  });

  test("reading a value that was not loaded is caught by the mock", async () => {
    const ctx = tableContext(HEADERS, BODY);
    const header = ctx.workbook.tables.table.header;
    // What a forgotten load() would give: the mock's not-loaded error instead of the values.
    expect(String(header.values)).toMatch(/not loaded/i);
  });
});

describe("ExcelWorkbook settings, selection and sheets", () => {
  test("settings are saved with the document", async () => {
    const s = officeSettings();
    const { host: h } = host(tableContext(HEADERS, BODY), s);
    const wb = new ExcelWorkbook(h);
    await wb.settings.set("jy.mapping", { columns: { sector: "行业" } });
    expect(wb.settings.get("jy.mapping")).toEqual({ columns: { sector: "行业" } });
    expect(s.saves).toHaveLength(1);
    await wb.settings.remove("jy.mapping");
    expect(wb.settings.get("jy.mapping")).toBeNull();
    expect(s.saves).toHaveLength(2);
  });

  test("select: the cells of a finding, as one multi-area selection on its sheet", async () => {
    const calls: string[] = [];
    const ctx = new OfficeMockObject({
      workbook: {
        worksheets: {
          sheet: {
            activate: () => calls.push("activate"),
            getRanges: (a: string) => ({ select: () => calls.push(`select ${a}`) }),
          },
          getItem: function (n: string) {
            calls.push(`sheet ${n}`);
            return this.sheet;
          },
        },
      },
    });
    const { host: h, syncs } = host(ctx);
    await new ExcelWorkbook(h).select("登记表", ["F5", "G5"]);
    expect(calls).toEqual(["sheet 登记表", "activate", "select F5,G5"]);
    expect(syncs()).toBe(1);
  });

  test("the register template becomes a new sheet with a table, formulas after the table, drop-downs, formats and a frozen header", async () => {
    const log: Array<[string, string, unknown]> = [];
    const ranges = new Map<string, Record<string, unknown>>();
    const range = (addr: string) => {
      if (!ranges.has(addr)) {
        const r: Record<string, unknown> = { format: { fill: {}, font: {} }, dataValidation: {} };
        ranges.set(addr, new Proxy(r, { set: (t, k, v) => { log.push(["set", `${addr}.${String(k)}`, v]); t[k as string] = v; return true; } }));
      }
      return ranges.get(addr) as Record<string, unknown>;
    };
    const table: Record<string, unknown> = {};
    const sheet = {
      getRange: (a: string) => range(a),
      tables: { add: (a: string, h: boolean) => { log.push(["table", a, h]); return table; } },
      freezePanes: { freezeRows: (n: number) => log.push(["freeze", "", n]) },
      charts: { add: () => { throw new Error("no chart expected"); } },
      activate: () => log.push(["activate", "", null]),
    };
    const ctx = new OfficeMockObject({
      workbook: {
        worksheets: { load: function () { return this; }, add: (n: string) => { log.push(["sheet", n, null]); return sheet; } },
        tables: { load: function () { return this; } },
      },
    });
    ctx.workbook.worksheets.items = [{ name: "退出企业登记表" }];
    ctx.workbook.tables.items = [{ name: "JY登记表" }];
    const { host: h } = host(ctx);
    const added = await new ExcelWorkbook(h).addSheet(registerTemplate("元", 2025));
    expect(added).toEqual({ sheet: "退出企业登记表 (2)", table: "JY登记表2" });
    expect(table.name).toBe("JY登记表2");
    const order = log.map(([k, a]) => `${k} ${a}`);
    const lastCol = String.fromCharCode(64 + TEMPLATE_COLUMNS.length);
    expect(order.indexOf(`table A1:${lastCol}4`)).toBeGreaterThan(order.indexOf(`set A1:${lastCol}1.values`));
    expect(order.indexOf(`set A2:${lastCol}4.formulas`)).toBeGreaterThan(order.indexOf(`table A1:${lastCol}4`));
    const body = ranges.get(`A2:${lastCol}4`)?.formulas as string[][];
    expect(body[0][13]).toBe('=JY.REWARD([@[行业]],[@[第一年销售额（元）]],[@[第二年销售额（元）]],[@[标记]],"元",[@[镇街园区]])');
    expect(body[0][14]).toBe('=INDEX(JY.FUNDING([@[行业]],[@[第一年销售额（元）]],[@[第二年销售额（元）]],[@[标记]],"元",[@[镇街园区]]),1,1)');
    expect(ranges.get("D2:D4")?.dataValidation).toMatchObject({ rule: { list: { inCellDropDown: true, source: "化工,铸造,热电,印染,其他" } }, errorAlert: { style: "Warning" } });
    expect(ranges.get("F2:F4")?.numberFormat).toEqual([["#,##0.00"], ["#,##0.00"], ["#,##0.00"]]);
    expect(log).toContainEqual(["freeze", "", 1]);
  });

  test("the summary sheet: SUMIFS over the table's columns and a native column chart", async () => {
    const written: Record<string, unknown> = {};
    const chart = { title: {} as Record<string, unknown>, setPosition: jest.fn() };
    const charts: unknown[][] = [];
    const sheet = {
      getRange: (a: string) => new Proxy({ format: { fill: {}, font: {} }, dataValidation: {} } as Record<string, unknown>, { set: (t, k, v) => { written[`${a}.${String(k)}`] = v; t[k as string] = v; return true; } }),
      tables: { add: () => ({}) },
      freezePanes: { freezeRows: jest.fn() },
      charts: { add: (...args: unknown[]) => { charts.push(args); return chart; } },
      activate: jest.fn(),
    };
    const ctx = new OfficeMockObject({
      workbook: {
        worksheets: { load: function () { return this; }, add: () => sheet },
        tables: { load: function () { return this; } },
      },
    });
    ctx.workbook.worksheets.items = [];
    ctx.workbook.tables.items = [];
    const headers = TEMPLATE_COLUMNS.map((c) => c.header("元"));
    const spec = summarySheet({ sheet: "退出企业登记表", table: "JY登记表", top: 0, left: 0, headers, rowCount: 3 }, mapColumns(headers));
    const { host: h } = host(ctx);
    await new ExcelWorkbook(h).addSheet(spec);
    const cells = Object.entries(written).find(([k]) => k.endsWith(".formulas"))?.[1] as string[][];
    expect(cells[4][0]).toBe("澄江街道");
    // By place through the helper column of canonical places (H), over A1 ranges the same size.
    expect(cells[4][1]).toBe(`=SUMIFS('退出企业登记表'!$O$2:$O$1004,$H$2:$H$1004,$A5,'退出企业登记表'!$O$2:$O$1004,">=0")`);
    expect(charts).toHaveLength(1);
    expect(charts[0][0]).toBe("ColumnClustered");
    expect(chart.title.text).toContain("奖励资金按出资方");
  });
});
