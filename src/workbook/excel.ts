/**
 * The port in Excel, through Office.js: the only file that touches Office.js. Every read and write
 * goes out in batches under a byte budget (Excel on the web refuses a request or response over
 * 5 MB), a `sync` between batches; null objects are checked after a sync before use; an event
 * handler is removed through the context that added it. The workflows (finding the register, make
 * portable, restore) are written once over the cell verbs below (find-register.ts, portable.ts).
 */
import { columnLetters, parseA1, type MergedArea } from "../engine/register";
import { readRegister } from "./find-register";
import { freeSheetName, type AddedSheet, type ChangeEvent, type HostFeature, type PaneLife, type RegisterLocation, type RegisterRead, type SettingsStore, type Unsupported, type WorkbookPort } from "./port";
import type { SheetSpec, SpecCell } from "./sheets";
import type { CellBlock, CellHost, TableBounds } from "./cells";
import { makePortable, restorePortable } from "./portable";
import { DEFAULT_BATCH_BYTES, OPERATION_BYTES, isPayloadTooLarge, jsonBytes, nextReadRows, splitByBytes } from "./budget";
import type { PortableReport } from "../portable/record";
import type { GridRestoreReport, GridSheet, GridWrite, JyCell, SpillExtent } from "../portable/grid";

/** What the port needs of Office.js; `Excel.run` and `Office` in the add-in, a fake in tests. */
export interface OfficeHost {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** Excel.run(context, batch): a batch in an existing context (an event handler's, to remove it). */
  runIn<T>(context: Excel.RequestContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  office: {
    context: {
      displayLanguage: string;
      document: { settings: Pick<Office.Settings, "get" | "set" | "remove" | "saveAsync"> };
      requirements: { isSetSupported(name: string, minVersion?: string): boolean };
    };
    /** Office.addin (SharedRuntime 1.1); absent outside a shared runtime. */
    addin?: Pick<Office.Addin, "onVisibilityModeChanged" | "setStartupBehavior" | "getStartupBehavior" | "showAsTaskpane">;
  };
  /** Whether the page is shown now (document.visibilityState in the add-in). */
  pageVisible(): boolean;
}

export interface ExcelOptions {
  /** Most bytes one request or response may carry (default DEFAULT_BATCH_BYTES). */
  batchBytes?: number;
}

/**
 * The requirement sets each feature needs beyond what the manifest asks (SharedRuntime 1.1,
 * CustomFunctionsRuntime 1.3, ExcelApi 1.9: Excel without them does not load the add-in).
 */
const FEATURE_SETS: Record<HostFeature, Array<[string, string]>> = {
  // Range.getSpillingToRangeOrNullObject: where JY.FUNDING / JY.DETAIL spilled.
  makePortable: [["ExcelApi", "1.12"]],
  // Used ranges, names, getRangeByIndexes (≤ 1.7); data validation, charts, freeze panes (≤ 1.8).
  restore: [],
  template: [],
  // Office.addin.setStartupBehavior.
  autoOpen: [["SharedRuntime", "1.1"]],
};

class OfficeSettings implements SettingsStore {
  constructor(private readonly settings: OfficeHost["office"]["context"]["document"]["settings"]) {}
  get<T>(key: string): T | null {
    const v = this.settings.get(key);
    return v === undefined || v === null ? null : (v as T);
  }
  private save(): Promise<void> {
    return new Promise((resolve, reject) =>
      this.settings.saveAsync((r: Office.AsyncResult<void>) => (String(r.status) === "failed" ? reject(new Error(r.error?.message ?? "saveAsync failed")) : resolve())),
    );
  }
  async set(key: string, value: unknown): Promise<void> {
    this.settings.set(key, value);
    await this.save();
  }
  async remove(key: string): Promise<void> {
    if (this.settings.get(key) === undefined || this.settings.get(key) === null) return;
    this.settings.remove(key);
    await this.save();
  }
}

function excelCell(c: SpecCell): string | number | boolean {
  if (c === null) return "";
  if (typeof c === "object") return c.formula.excel;
  return c;
}

function filled<T>(range: string, value: T): T[][] {
  const [a, b = a] = range.split(":");
  const p = parseA1(a);
  const q = parseA1(b);
  if (!p || !q) throw new Error(`bad range ${range}`);
  return Array.from({ length: q.row - p.row + 1 }, () => Array.from({ length: q.col - p.col + 1 }, () => value));
}

/**
 * Queues operations and syncs whenever the next one would take the batch past the budget; `done`
 * syncs what is left. Every write of the Excel host goes through one.
 */
class Batches {
  private pending = 0;
  constructor(
    private readonly ctx: Excel.RequestContext,
    private readonly budget: number,
  ) {}
  async add(bytes: number, queue: () => void): Promise<void> {
    const b = bytes + OPERATION_BYTES;
    if (this.pending > 0 && this.pending + b > this.budget) await this.done();
    queue();
    this.pending += b;
  }
  async done(): Promise<void> {
    if (this.pending === 0) return;
    this.pending = 0;
    await this.ctx.sync();
  }
}

export class ExcelWorkbook implements WorkbookPort {
  readonly host = "excel" as const;
  readonly settings: SettingsStore;
  readonly pane: PaneLife | null;
  private readonly budget: number;
  private readonly cells: CellHost;

  constructor(
    private readonly officeHost: OfficeHost,
    options: ExcelOptions = {},
  ) {
    this.settings = new OfficeSettings(officeHost.office.context.document.settings);
    this.budget = options.batchBytes ?? DEFAULT_BATCH_BYTES;
    this.cells = new ExcelCells(officeHost, this.budget);
    const addin = officeHost.office.addin;
    this.pane = addin && officeHost.office.context.requirements.isSetSupported("SharedRuntime", "1.1") ? new ExcelPaneLife(addin, officeHost.pageVisible) : null;
  }

  displayLanguage(): string {
    return this.officeHost.office.context.displayLanguage;
  }

  unsupported(feature: HostFeature): Unsupported | null {
    const missing = FEATURE_SETS[feature].filter(([set, version]) => !this.officeHost.office.context.requirements.isSetSupported(set, version));
    if (missing.length === 0) return null;
    const sets = missing.map(([s, v]) => `${s} ${v}`).join(", ");
    return {
      zh: `此版本的 Excel 不支持该操作（需要 ${sets}）。请使用 Microsoft 365 版 Excel 或网页版 Excel。`,
      en: `This version of Excel cannot do this (it needs ${sets}). Use Excel for Microsoft 365 or Excel on the web.`,
    };
  }

  readRegister(hint: RegisterLocation | null): Promise<RegisterRead | null> {
    return readRegister(this.cells, hint);
  }

  select(sheet: string, cells: string[]): Promise<void> {
    return this.officeHost.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRanges(cells.join(",")).select();
      await ctx.sync();
    });
  }

  async onChange(listener: (e: ChangeEvent) => void): Promise<() => Promise<void>> {
    let registration: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs> | null = null;
    let owner: Excel.RequestContext | null = null;
    await this.officeHost.run(async (ctx) => {
      registration = ctx.workbook.worksheets.onChanged.add(async () => listener({ sheet: null }));
      owner = ctx;
      await ctx.sync();
    });
    return async () => {
      const r = registration as OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs> | null;
      const c = owner as Excel.RequestContext | null;
      if (!r || !c) return;
      registration = null;
      // Removed through the context that added it: any other context leaves the handler in place.
      await this.officeHost.runIn(c, async (ctx) => {
        r.remove();
        await ctx.sync();
      });
    };
  }

  sheetNames(): Promise<string[]> {
    return this.cells.sheetNames();
  }

  readSheetValues(sheet: string): Promise<unknown[][] | null> {
    return this.cells.readSheetValues(sheet);
  }

  addSheet(spec: SheetSpec): Promise<AddedSheet> {
    return this.officeHost.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets.load("items/name");
      const tables = ctx.workbook.tables.load("items/name");
      await ctx.sync();
      const name = freeSheetName(spec.name, sheets.items.map((s) => s.name));
      const batches = new Batches(ctx, this.budget);
      const ws = ctx.workbook.worksheets.add(name);
      const rows = spec.cells.length;
      const cols = spec.cells[0].length;
      const lastCol = columnLetters(cols - 1);
      for (const nf of spec.numberFormats ?? []) {
        const formats = filled(nf.range, nf.format);
        await batches.add(jsonBytes(formats), () => (ws.getRange(nf.range).numberFormat = formats));
      }
      let tableName: string | null = null;
      if (spec.table) {
        // Structured references need the table first: header, table, then the body's formulas.
        const header = [spec.cells[0].map(excelCell)];
        await batches.add(jsonBytes(header), () => (ws.getRange(`A1:${lastCol}1`).values = header));
        tableName = freeSheetName(spec.table.name, tables.items.map((t) => t.name)).replace(/ \((\d+)\)$/, "$1");
        const t = tableName;
        await batches.add(0, () => {
          const table = ws.tables.add(`A1:${lastCol}${rows}`, true);
          table.name = t;
          table.style = "TableStyleMedium2";
        });
        if (rows > 1) await writeRows(batches, ws, 1, 0, spec.cells.slice(1).map((r) => r.map(excelCell)), "formulas", this.budget);
      } else {
        await writeRows(batches, ws, 0, 0, spec.cells.map((r) => r.map(excelCell)), "formulas", this.budget);
      }
      for (const [i, w] of (spec.widths ?? []).entries()) await batches.add(0, () => (ws.getRange(`${columnLetters(i)}:${columnLetters(i)}`).format.columnWidth = w * 7));
      for (const v of spec.validations ?? []) {
        await batches.add(jsonBytes(v.rule), () => {
          const dv = ws.getRange(v.range).dataValidation;
          dv.rule =
            v.rule.kind === "list"
              ? { list: { inCellDropDown: true, source: v.rule.items.join(",") } }
              : { wholeNumber: { formula1: v.rule.min, formula2: v.rule.max, operator: "Between" } };
          dv.prompt = { showPrompt: true, title: "", message: v.rule.promptZh };
          dv.errorAlert = {
            showAlert: true,
            style: v.rule.kind === "list" && !v.rule.strict ? "Warning" : "Stop",
            title: "请核实 Check",
            message: v.rule.promptZh,
          };
        });
      }
      for (const f of spec.fills ?? []) await batches.add(0, () => (ws.getRange(f.range).format.fill.color = f.color));
      for (const b of spec.bold ?? []) await batches.add(0, () => (ws.getRange(b).format.font.bold = true));
      if (spec.freezeRows) await batches.add(0, () => ws.freezePanes.freezeRows(spec.freezeRows));
      const chart = spec.chart;
      if (chart) {
        await batches.add(0, () => {
          const c = ws.charts.add("ColumnClustered", ws.getRange(chart.range), "Columns");
          c.title.text = chart.title;
          c.setPosition("H4");
        });
      }
      await batches.add(0, () => ws.activate());
      await batches.done();
      return { sheet: name, table: tableName };
    });
  }

  deleteSheet(name: string): Promise<void> {
    return this.cells.deleteSheets([name]);
  }

  makePortable(): Promise<PortableReport> {
    return makePortable(this.cells);
  }

  restorePortable(): Promise<GridRestoreReport> {
    return restorePortable(this.cells);
  }
}

/**
 * Reads a block of cells in batches of rows, each response under the budget: the first batch is a
 * small probe, later ones are sized by the largest row seen; a refused batch is halved and retried.
 */
async function readBlock<K extends "values" | "formulas">(
  ctx: Excel.RequestContext,
  ws: Excel.Worksheet,
  top: number,
  left: number,
  rowCount: number,
  colCount: number,
  props: K[],
  budget: number,
): Promise<Record<K, unknown[][]>> {
  const out = Object.fromEntries(props.map((p) => [p, [] as unknown[][]])) as Record<K, unknown[][]>;
  if (rowCount <= 0 || colCount <= 0) return out;
  let perRow: number | null = null;
  let cap = rowCount;
  let last = 0;
  let r = 0;
  while (r < rowCount) {
    const n = Math.min(cap, nextReadRows(budget, perRow, last, rowCount - r));
    const range = ws.getRangeByIndexes(top + r, left, n, colCount).load(props.join(","));
    try {
      await ctx.sync();
    } catch (e) {
      if (!isPayloadTooLarge(e) || n === 1) throw e;
      cap = Math.max(1, Math.floor(n / 2));
      continue;
    }
    let bytes = 0;
    for (const p of props) {
      const block = range[p] as unknown[][];
      bytes += jsonBytes(block);
      for (const row of block) out[p].push(row);
    }
    perRow = Math.max(perRow ?? 0, bytes / n);
    last = n;
    r += n;
  }
  return out;
}

/** Writes rows from (top, left) down, as runs whose payload stays under the budget. */
async function writeRows(batches: Batches, ws: Excel.Worksheet, top: number, left: number, rows: unknown[][], prop: "values" | "formulas" | "numberFormat", budget: number): Promise<void> {
  let at = top;
  for (const run of splitByBytes(rows, budget - OPERATION_BYTES)) {
    const row = at;
    await batches.add(jsonBytes(run), () => {
      (ws.getRangeByIndexes(row, left, run.length, run[0].length) as unknown as Record<string, unknown>)[prop] = run;
    });
    at += run.length;
  }
}

/** A text Excel would read as something else when typed (a number, date, formula, logical): kept as text. */
function asTypedText(v: string | number | boolean): string | number | boolean {
  if (typeof v !== "string" || v === "" || /^#[A-Z0-9/!?]+[!?A]?$/.test(v)) return v;
  return /^[\s\d=+\-@.,'%$(（]|^(true|false)$/i.test(v) ? `'${v}` : v;
}

/** Rows padded to one width (a range takes a rectangle). */
function rectangle(rows: string[][]): string[][] {
  const width = Math.max(1, ...rows.map((r) => r.length));
  return rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ""));
}

/** Parses "Sheet1!B2:D40" (or "'My sheet'!B2:D40") into the sheet and 0-based bounds. */
function parseAddress(address: string): { sheet: string; top: number; left: number; bottom: number; right: number } | null {
  const bang = address.lastIndexOf("!");
  const sheet = address.slice(0, bang).replace(/^'(.*)'$/, "$1").replace(/''/g, "'");
  const [a, b = a] = address.slice(bang + 1).split(":");
  const p = parseA1(a.replace(/\$/g, ""));
  const q = parseA1(b.replace(/\$/g, ""));
  return p && q ? { sheet, top: p.row, left: p.col, bottom: q.row, right: q.col } : null;
}

/** Tables' names, places and header rows, in one sync (a header row is one row: small). */
async function tableBounds(ctx: Excel.RequestContext, tables: Excel.Table[]): Promise<TableBounds[]> {
  if (tables.length === 0) return [];
  const loaded = tables.map((t) => ({ t: t.load("name"), range: t.getRange().load("address"), header: t.getHeaderRowRange().load("values") }));
  await ctx.sync();
  return loaded.flatMap(({ t, range, header }) => {
    const at = parseAddress(range.address);
    return at ? [{ name: t.name, ...at, headers: header.values[0] }] : [];
  });
}

/** The cell verbs of Excel, each in its own Excel.run, every batch under the budget. */
class ExcelCells implements CellHost {
  constructor(
    private readonly officeHost: OfficeHost,
    private readonly budget: number,
  ) {}

  sheetNames(): Promise<string[]> {
    return this.officeHost.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets.load("items/name");
      await ctx.sync();
      return sheets.items.map((s) => s.name);
    });
  }

  readValues(block: CellBlock): Promise<unknown[][]> {
    return this.officeHost.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(block.sheet);
      return (await readBlock(ctx, ws, block.top, block.left, block.rows, block.cols, ["values"], this.budget)).values;
    });
  }

  mergedAreas(block: CellBlock): Promise<MergedArea[]> {
    // Range.getMergedAreasOrNullObject is ExcelApi 1.13; older Excel reads the header by its blanks.
    if (!this.officeHost.office.context.requirements.isSetSupported("ExcelApi", "1.13")) return Promise.resolve([]);
    return this.officeHost.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem(block.sheet).getRangeByIndexes(block.top, block.left, block.rows, block.cols);
      const merged = range.getMergedAreasOrNullObject();
      try {
        await ctx.sync();
        if (merged.isNullObject) return [];
        const areas = merged.areas.load("items/rowIndex,items/columnIndex,items/rowCount,items/columnCount");
        await ctx.sync();
        return areas.items.map((a) => ({ top: a.rowIndex, left: a.columnIndex, bottom: a.rowIndex + a.rowCount - 1, right: a.columnIndex + a.columnCount - 1 }));
      } catch {
        // Excel refuses more than 512 merged areas in one range: read the header by its blanks.
        return [];
      }
    });
  }

  table(name: string): Promise<TableBounds | null> {
    return this.officeHost.run(async (ctx) => {
      const table = ctx.workbook.tables.getItemOrNullObject(name);
      await ctx.sync();
      if (table.isNullObject) return null;
      const [bounds] = await tableBounds(ctx, [table]);
      return bounds ?? null;
    });
  }

  regionAround(at: { sheet: string; cell: string } | null): Promise<CellBlock | null> {
    return this.officeHost.run(async (ctx) => {
      let cell: Excel.Range;
      if (at) {
        const ws = ctx.workbook.worksheets.getItemOrNullObject(at.sheet);
        await ctx.sync();
        if (ws.isNullObject) return null;
        cell = ws.getRange(at.cell);
      } else {
        // The active cell, not getSelectedRange(): that fails when several areas are selected.
        cell = ctx.workbook.getActiveCell();
      }
      const region = cell.getSurroundingRegion().load("rowIndex,columnIndex,rowCount,columnCount");
      const sheet = cell.worksheet.load("name");
      // A blank separator row ends Excel's region but not a town's register: read on to the last
      // used row, where the reader skips blank, total and footer rows (the playground reads the same).
      const used = cell.worksheet.getUsedRangeOrNullObject(true).load("rowIndex,rowCount");
      try {
        await ctx.sync();
      } catch (e) {
        // A chart or a shape is selected: there is no cell to look around.
        if (!at && (e as { code?: string }).code === "InvalidSelection") return null;
        throw e;
      }
      const bottom = Math.max(region.rowIndex + region.rowCount, used.isNullObject ? 0 : used.rowIndex + used.rowCount);
      return { sheet: sheet.name, top: region.rowIndex, left: region.columnIndex, rows: bottom - region.rowIndex, cols: region.columnCount };
    });
  }

  readUsedCells(sheets: string[]): Promise<GridSheet[]> {
    return this.officeHost.run(async (ctx) => {
      const used = sheets.map((name) => {
        const ws = ctx.workbook.worksheets.getItem(name);
        // Values only: a formatted but empty cell far down would otherwise stretch the read.
        return { name, ws, range: ws.getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,rowCount,columnCount") };
      });
      await ctx.sync();
      const out: GridSheet[] = [];
      for (const u of used) {
        if (u.range.isNullObject) continue;
        const block = await readBlock(ctx, u.ws, u.range.rowIndex, u.range.columnIndex, u.range.rowCount, u.range.columnCount, ["formulas", "values"], this.budget);
        out.push({ name: u.name, top: u.range.rowIndex, left: u.range.columnIndex, formulas: block.formulas, values: block.values });
      }
      return out;
    });
  }

  spillExtents(cells: JyCell[]): Promise<Map<JyCell, SpillExtent | null>> {
    return this.officeHost.run(async (ctx) => {
      const out = new Map<JyCell, SpillExtent | null>();
      // Each lookup is a small request and a small response: as many per batch as the budget holds.
      const perBatch = Math.max(1, Math.floor(this.budget / (OPERATION_BYTES * 2)));
      for (let i = 0; i < cells.length; i += perBatch) {
        const batch = cells.slice(i, i + perBatch).map((c) => ({
          c,
          range: ctx.workbook.worksheets.getItem(c.sheet).getRangeByIndexes(c.row, c.col, 1, 1).getSpillingToRangeOrNullObject().load("rowCount,columnCount"),
        }));
        await ctx.sync();
        for (const { c, range } of batch) out.set(c, range.isNullObject ? null : { rows: range.rowCount, cols: range.columnCount });
      }
      return out;
    });
  }

  tables(): Promise<TableBounds[]> {
    return this.officeHost.run(async (ctx) => {
      const tables = ctx.workbook.tables.load("items/name");
      await ctx.sync();
      return tableBounds(ctx, tables.items);
    });
  }

  readSheetValues(sheet: string): Promise<unknown[][] | null> {
    return this.officeHost.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject(sheet);
      await ctx.sync();
      if (ws.isNullObject) return null;
      const used = ws.getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,rowCount,columnCount");
      await ctx.sync();
      if (used.isNullObject) return [];
      // From A1, as the record's cell references count.
      const block = await readBlock(ctx, ws, 0, 0, used.rowIndex + used.rowCount, used.columnIndex + used.columnCount, ["values"], this.budget);
      return block.values;
    });
  }

  /**
   * Cell changes grouped into runs down a column (one range per run of the same kind), each run
   * split to stay under the budget: a register of thousands of rows is a few hundred range writes.
   */
  writeCells(writes: GridWrite[]): Promise<void> {
    return this.officeHost.run(async (ctx) => {
      const batches = new Batches(ctx, this.budget);
      const key = (w: GridWrite) => `${w.kind === "clear" ? 0 : 1}\u0000${w.sheet}\u0000${w.col}\u0000${w.kind}`;
      const sorted = [...writes].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.row - b.row));
      const sheets = new Map<string, Excel.Worksheet>();
      const sheet = (name: string) => sheets.get(name) ?? sheets.set(name, ctx.workbook.worksheets.getItem(name)).get(name)!;
      let i = 0;
      while (i < sorted.length) {
        let j = i + 1;
        while (j < sorted.length && key(sorted[j]) === key(sorted[i]) && sorted[j].row === sorted[j - 1].row + 1) j++;
        const first = sorted[i];
        const ws = sheet(first.sheet);
        if (first.kind === "clear") {
          const n = j - i;
          await batches.add(0, () => ws.getRangeByIndexes(first.row, first.col, n, 1).clear("Contents"));
        } else {
          const run = sorted.slice(i, j);
          const rows = run.map((w) => [w.kind === "formula" ? w.formula : asTypedText((w as { value: string | number | boolean }).value)]);
          await writeRows(batches, ws, first.row, first.col, rows, first.kind === "formula" ? "formulas" : "values", this.budget);
        }
        i = j;
      }
      await batches.done();
    });
  }

  addTextSheet(name: string, rows: string[][], options: { veryHidden: boolean; widths: number[] }): Promise<void> {
    return this.officeHost.run(async (ctx) => {
      const batches = new Batches(ctx, this.budget);
      const ws = ctx.workbook.worksheets.add(name);
      if (options.veryHidden) ws.visibility = "VeryHidden";
      const cells = rectangle(rows);
      // Text format ("@") before the values, so "=…" and numbers stay text.
      await writeRows(batches, ws, 0, 0, cells.map((r) => r.map(() => "@")), "numberFormat", this.budget);
      await writeRows(batches, ws, 0, 0, cells, "values", this.budget);
      for (const [i, w] of options.widths.entries()) await batches.add(0, () => (ws.getRangeByIndexes(0, i, 1, 1).getEntireColumn().format.columnWidth = w * 7));
      await batches.done();
    });
  }

  replaceTextSheet(name: string, rows: string[][]): Promise<void> {
    return this.officeHost.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(name);
      const used = ws.getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,rowCount,columnCount");
      await ctx.sync();
      const batches = new Batches(ctx, this.budget);
      const cells = rectangle(rows);
      await writeRows(batches, ws, 0, 0, cells.map((r) => r.map(() => "@")), "numberFormat", this.budget);
      await writeRows(batches, ws, 0, 0, cells, "values", this.budget);
      // What the old content held below and right of the new: cleared, so no stale entry is read.
      if (!used.isNullObject) {
        const bottom = used.rowIndex + used.rowCount;
        const right = used.columnIndex + used.columnCount;
        const width = cells[0]?.length ?? 0;
        if (bottom > cells.length && right > 0) await batches.add(0, () => ws.getRangeByIndexes(cells.length, 0, bottom - cells.length, right).clear("Contents"));
        if (right > width && cells.length > 0) await batches.add(0, () => ws.getRangeByIndexes(0, width, Math.min(cells.length, bottom), right - width).clear("Contents"));
      }
      await batches.done();
    });
  }

  deleteSheets(names: string[]): Promise<void> {
    return this.officeHost.run(async (ctx) => {
      const sheets = names.map((n) => ctx.workbook.worksheets.getItemOrNullObject(n));
      await ctx.sync();
      for (const ws of sheets) {
        if (ws.isNullObject) continue;
        // A very hidden sheet is shown first: Excel deletes only a visible one.
        ws.visibility = "Visible";
        ws.delete();
      }
      await ctx.sync();
    });
  }

  addNames(names: Array<{ name: string; formula: string }>): Promise<void> {
    return this.officeHost.run(async (ctx) => {
      const batches = new Batches(ctx, this.budget);
      for (const n of names) await batches.add(jsonBytes(n.formula), () => (ctx.workbook.names.add(n.name, `=${n.formula}`).visible = false));
      await batches.done();
    });
  }

  removeNames(names: ReadonlySet<string>): Promise<void> {
    return this.officeHost.run(async (ctx) => {
      const items = ctx.workbook.names.load("items/name");
      await ctx.sync();
      const gone = items.items.filter((n) => names.has(n.name));
      for (const n of gone) n.delete();
      if (gone.length > 0) await ctx.sync();
    });
  }
}

/** The shared runtime's page: whether the pane is shown, and whether it opens with the workbook. */
class ExcelPaneLife implements PaneLife {
  private visible: boolean | null = null;
  constructor(
    private readonly addin: NonNullable<OfficeHost["office"]["addin"]>,
    private readonly pageVisible: () => boolean,
  ) {}

  async onVisibility(listener: (visible: boolean) => void): Promise<() => Promise<void>> {
    const off = await this.addin.onVisibilityModeChanged((m) => {
      this.visible = String(m.visibilityMode) === "Taskpane";
      listener(this.visible);
    });
    return async () => {
      await off();
    };
  }

  visibleNow(): boolean {
    return this.visible ?? this.pageVisible();
  }

  async setOpenWithWorkbook(on: boolean): Promise<void> {
    // "Load": the runtime loads with the workbook (hidden); the page then shows the pane itself.
    await this.addin.setStartupBehavior((on ? "Load" : "None") as Office.StartupBehavior);
  }

  async opensWithWorkbook(): Promise<boolean> {
    return String(await this.addin.getStartupBehavior()) === "Load";
  }

  async show(): Promise<void> {
    await this.addin.showAsTaskpane();
  }
}

/** The port of the running add-in. */
export function excelWorkbook(): ExcelWorkbook {
  return new ExcelWorkbook({
    run: (batch) => Excel.run(batch),
    runIn: (context, batch) => Excel.run(context, batch),
    office: Office as unknown as OfficeHost["office"],
    pageVisible: () => document.visibilityState !== "hidden",
  });
}
