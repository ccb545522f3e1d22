/**
 * A strict fake of the slice of Office.js the Excel port uses, holding a workbook model (sheets of
 * cells, tables, names, settings). Stricter than office-addin-mock, as real Excel is:
 * - every sync counts its request bytes (operations and their payloads) and response bytes (the
 *   loaded properties) and fails past the limit (5 MB, Excel on the web's) with
 *   RequestPayloadSizeLimitExceeded, applying nothing of a refused request;
 * - reading a property that was not loaded, or before the sync that loads it, throws;
 * - a getItemOrNullObject / …OrNullObject result throws when a method is called on it before a
 *   sync has settled isNullObject (load() is allowed, as in Office.js), and when used while null;
 * - an event handler belongs to the context that added it: remove() is queued there, and only that
 *   context's sync removes it; a context is closed when its Excel.run ends;
 * - getSelectedRange() fails (InvalidSelection) on a selection of several areas, the active cell
 *   does not; with a chart selected both fail;
 * - requirement sets answer as configured.
 * Writes change the model only at sync, in the order queued.
 */
import type { OfficeHost } from "../../src/workbook/excel";
import { jsonBytes } from "../../src/workbook/budget";
import { columnLetters, parseA1 } from "../../src/engine/register";

/** Excel on the web's limit on one request and one response. */
export const EXCEL_WEB_LIMIT = 5 * 1024 * 1024;
/** Bytes of one operation besides its payload (object path, method name, ids), as counted here. */
const OP_BYTES = 120;

export interface SheetModel {
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  /** cells[row][col]; undefined = blank. */
  cells: Array<Array<CellModel | undefined>>;
  numberFormats: Map<string, unknown>;
  /** Merged areas, 0-based and inclusive; the value lives in the first cell, as in Excel. */
  merges: Array<{ top: number; left: number; bottom: number; right: number }>;
  /** Where a formula's result spills: "row,col" → extent. */
  spills: Map<string, { rows: number; cols: number }>;
  log: Array<[string, unknown]>;
}

export interface CellModel {
  formula?: string;
  value: unknown;
}

export interface TableModel {
  name: string;
  sheet: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
  style?: string;
}

export interface BatchStat {
  request: number;
  response: number;
}

export class OfficeJsError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

export interface FakeOptions {
  limitBytes?: number;
  /** Highest supported version per requirement set (default: all this port uses). */
  sets?: Record<string, string>;
  displayLanguage?: string;
}

const version = (v: string) => v.split(".").map(Number);
const atLeast = (have: string, want: string) => {
  const [a, b] = [version(have), version(want)];
  for (let i = 0; i < Math.max(a.length, b.length); i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  return true;
};

export class FakeExcel {
  readonly sheets: SheetModel[] = [];
  readonly tables: TableModel[] = [];
  readonly names = new Map<string, { formula: string; visible: boolean }>();
  readonly settings = new Map<string, unknown>();
  settingsSaves = 0;
  active = { sheet: "", row: 0, col: 0 };
  /** What is selected: cells in one area, several areas, or a chart. */
  selection: "one" | "several" | "chart" = "one";
  readonly stats: BatchStat[] = [];
  readonly handlers: Array<{ owner: FakeContext; fn: () => unknown; removed: boolean }> = [];
  /** Office.addin's state. */
  startupBehavior = "None";
  shownAsTaskpane = 0;
  readonly visibilityHandlers = new Set<(m: { visibilityMode: string }) => void>();
  /** Whether the page is shown (false: loaded hidden, for the custom functions only). */
  pageVisible = true;
  readonly limit: number;
  readonly sets: Record<string, string>;
  readonly displayLanguage: string;

  constructor(options: FakeOptions = {}) {
    this.limit = options.limitBytes ?? EXCEL_WEB_LIMIT;
    this.sets = options.sets ?? { ExcelApi: "1.17", SharedRuntime: "1.2", CustomFunctionsRuntime: "1.4" };
    this.displayLanguage = options.displayLanguage ?? "zh-CN";
  }

  // ---- building the workbook ----

  addSheet(name: string, rows: unknown[][] = [], at = { top: 0, left: 0 }): SheetModel {
    const s: SheetModel = { name, visibility: "Visible", cells: [], merges: [], numberFormats: new Map(), spills: new Map(), log: [] };
    this.sheets.push(s);
    rows.forEach((r, i) => r.forEach((v, j) => this.setCell(s, at.top + i, at.left + j, v)));
    if (!this.active.sheet) this.active = { sheet: name, row: at.top, col: at.left };
    return s;
  }

  /** A value, or "=…" as a formula (its value then given as `value`). */
  setCell(s: SheetModel, row: number, col: number, input: unknown, value: unknown = null): void {
    const rowCells = s.cells[row] ?? (s.cells[row] = []);
    if (input === null || input === undefined || input === "") rowCells[col] = undefined;
    else if (typeof input === "string" && input.startsWith("=")) rowCells[col] = { formula: input, value };
    else rowCells[col] = { value: input };
  }

  sheet(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  /**
   * Rows inserted as a user inserts them in Excel (Home → Insert → Sheet Rows): the cells from row
   * `at` (0-based) down move by `count`, and every formula on the sheet that refers to a moved row
   * (relative or absolute) follows it.
   */
  insertRows(name: string, at: number, count: number): void {
    const s = this.sheet(name);
    if (!s) throw new OfficeJsError("ItemNotFound", `no sheet ${name}`);
    s.cells.splice(at, 0, ...Array.from({ length: count }, () => [] as Array<CellModel | undefined>));
    // Excel moves references to rows at or below the insertion, whichever cell holds them.
    const follow = (f: string) =>
      f
        .split(/("(?:[^"]|"")*")/)
        .map((part, i) => (i % 2 === 1 ? part : part.replace(/(?<![A-Za-z0-9_.])(\$?[A-Z]{1,3}\$?)(\d+)(?![A-Za-z0-9_(!])/g, (m, col: string, row: string) => (Number(row) - 1 >= at ? `${col}${Number(row) + count}` : m))))
        .join("");
    for (const row of s.cells) for (const cell of row ?? []) if (cell?.formula) cell.formula = follow(cell.formula);
    s.spills = new Map([...s.spills].map(([k, v]) => {
      const [r, c] = k.split(",").map(Number);
      return [`${r >= at ? r + count : r},${c}`, v];
    }));
  }

  // ---- what tests read ----

  get syncs(): number {
    return this.stats.length;
  }
  get largestRequest(): number {
    return Math.max(0, ...this.stats.map((s) => s.request));
  }
  get largestResponse(): number {
    return Math.max(0, ...this.stats.map((s) => s.response));
  }
  resetStats(): void {
    this.stats.length = 0;
  }

  /** A cell's formula ("=…") or value, as Range.formulas would give it. */
  formulaAt(sheet: string, row: number, col: number): unknown {
    const c = this.sheet(sheet)?.cells[row]?.[col];
    return c ? (c.formula ?? c.value) : "";
  }

  /** Someone edits a cell: every handler still registered is called. */
  async fireChange(): Promise<number> {
    const live = this.handlers.filter((h) => !h.removed);
    for (const h of live) await h.fn();
    return live.length;
  }

  setVisibility(mode: "Taskpane" | "Hidden"): void {
    this.pageVisible = mode === "Taskpane";
    for (const h of this.visibilityHandlers) h({ visibilityMode: mode });
  }

  // ---- the host the port takes ----

  host(): OfficeHost {
    const run = async <T>(context: FakeContext, batch: (ctx: Excel.RequestContext) => Promise<T>) => {
      context.open = true;
      try {
        return await batch(context as unknown as Excel.RequestContext);
      } finally {
        context.open = false;
      }
    };
    const settings = {
      get: (k: string) => this.settings.get(k),
      set: (k: string, v: unknown) => void this.settings.set(k, v),
      remove: (k: string) => void this.settings.delete(k),
      saveAsync: (cb?: (r: { status: string }) => void) => {
        this.settingsSaves++;
        cb?.({ status: "succeeded" });
      },
    };
    return {
      run: (batch) => run(new FakeContext(this), batch),
      runIn: (ctx, batch) => run(ctx as unknown as FakeContext, batch),
      office: {
        context: {
          displayLanguage: this.displayLanguage,
          document: { settings: settings as never },
          requirements: { isSetSupported: (name: string, v = "1.1") => name in this.sets && atLeast(this.sets[name], v) },
        },
        addin: {
          onVisibilityModeChanged: async (h: (m: { visibilityMode: string }) => void) => {
            this.visibilityHandlers.add(h);
            return async () => void this.visibilityHandlers.delete(h);
          },
          setStartupBehavior: async (b: string) => void (this.startupBehavior = b),
          getStartupBehavior: async () => this.startupBehavior,
          showAsTaskpane: async () => {
            this.shownAsTaskpane++;
            this.setVisibility("Taskpane");
          },
        } as never,
      },
      pageVisible: () => this.pageVisible,
    };
  }
}

type Box = { sheet: SheetModel; top: number; left: number; rows: number; cols: number };

interface Op {
  bytes: number;
  /** Applies the operation; a load returns the bytes of its response. */
  apply(): number | void;
}

export class FakeContext {
  open = false;
  readonly queue: Op[] = [];
  readonly workbook: WorkbookProxy;
  constructor(readonly excel: FakeExcel) {
    this.workbook = new WorkbookProxy(this);
  }

  enqueue(bytes: number, apply: () => number | void): void {
    if (!this.open) throw new OfficeJsError("InvalidRequestContext", "this context's Excel.run has ended");
    this.queue.push({ bytes: OP_BYTES + bytes, apply });
  }

  async sync(): Promise<void> {
    if (!this.open) throw new OfficeJsError("InvalidRequestContext", "sync on a context whose Excel.run has ended");
    const ops = this.queue.splice(0);
    const request = ops.reduce((n, o) => n + o.bytes, 0);
    if (request > this.excel.limit) {
      this.excel.stats.push({ request, response: 0 });
      throw new OfficeJsError("RequestPayloadSizeLimitExceeded", `request of ${request} bytes`);
    }
    // In the order queued: a load after a write sees the write.
    let response = 0;
    for (const o of ops) response += o.apply() ?? 0;
    this.excel.stats.push({ request, response });
    if (response > this.excel.limit) throw new OfficeJsError("RequestPayloadSizeLimitExceeded", `response of ${response} bytes`);
  }
}

/** An Office.js client object: loads settle at sync; a nullable one must be synced before use. */
abstract class ClientObject {
  protected loadedProps = new Set<string>();
  protected data: Record<string, unknown> = {};
  private nullState: boolean | undefined;
  private toLoad = new Set<string>();
  constructor(
    readonly context: FakeContext,
    protected readonly nullable: boolean,
  ) {
    // Its null state is settled by the next sync.
    if (nullable) context.enqueue(0, () => this.settle());
  }
  /** The model object, or null (a null object); throws ItemNotFound where not nullable. */
  protected abstract target(): unknown;
  /** Property values, from the model. */
  protected abstract read(prop: string): unknown;

  load(props?: string | string[]): this {
    const list = (Array.isArray(props) ? props : String(props ?? "").split(",")).map((p) => p.trim()).filter(Boolean);
    const fresh = this.toLoad.size === 0;
    for (const p of list) this.toLoad.add(p);
    if (fresh) this.context.enqueue(jsonBytes(list), () => this.settle());
    return this;
  }

  settle(): number {
    const t = this.target();
    if (this.nullable) this.nullState = t === null;
    let bytes = 0;
    for (const p of this.toLoad) {
      const v = t === null ? null : this.read(p);
      this.data[p] = v;
      this.loadedProps.add(p);
      bytes += jsonBytes(v) + p.length + 4;
    }
    this.toLoad.clear();
    return bytes;
  }

  get isNullObject(): boolean {
    if (!this.nullable) return false;
    if (this.nullState === undefined) throw new OfficeJsError("PropertyNotLoaded", "isNullObject read before the sync that settles it");
    return this.nullState;
  }

  /** Every method of a nullable object goes through here. */
  protected use(what: string): void {
    if (!this.nullable) return;
    if (this.nullState === undefined) throw new OfficeJsError("NullObjectUsedBeforeSync", `${what} called on an …OrNullObject result before isNullObject was synced`);
    if (this.nullState) throw new OfficeJsError("ItemNotFound", `${what} called on a null object`);
  }

  protected get(prop: string): unknown {
    if (!this.loadedProps.has(prop)) throw new OfficeJsError("PropertyNotLoaded", `${prop} read without load() and sync()`);
    return this.data[prop];
  }
}

class WorkbookProxy {
  readonly worksheets: WorksheetsProxy;
  readonly tables: TablesProxy;
  readonly names: NamesProxy;
  constructor(private readonly ctx: FakeContext) {
    this.worksheets = new WorksheetsProxy(ctx);
    this.tables = new TablesProxy(ctx);
    this.names = new NamesProxy(ctx);
  }
  getActiveCell(): RangeProxy {
    const x = this.ctx.excel;
    return new RangeProxy(this.ctx, () => {
      if (x.selection === "chart") throw new OfficeJsError("InvalidSelection", "a chart is selected");
      return { sheet: x.sheet(x.active.sheet)!, top: x.active.row, left: x.active.col, rows: 1, cols: 1 };
    });
  }
  getSelectedRange(): RangeProxy {
    const x = this.ctx.excel;
    return new RangeProxy(this.ctx, () => {
      if (x.selection !== "one") throw new OfficeJsError("InvalidSelection", "the current selection is invalid for this operation");
      return { sheet: x.sheet(x.active.sheet)!, top: x.active.row, left: x.active.col, rows: 1, cols: 1 };
    });
  }
}

const byName = (x: FakeExcel, name: string) => x.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());

class WorksheetsProxy extends ClientObject {
  readonly onChanged: { add: (fn: () => unknown) => { context: FakeContext; remove: () => void } };
  constructor(ctx: FakeContext) {
    super(ctx, false);
    this.onChanged = {
      add: (fn) => {
        const entry = { owner: ctx, fn, removed: false };
        ctx.enqueue(0, () => ctx.excel.handlers.push(entry));
        // remove() is queued in the context that added the handler, and only its sync applies it.
        return { context: ctx, remove: () => ctx.enqueue(0, () => void (entry.removed = true)) };
      },
    };
  }
  protected target() {
    return this.context.excel.sheets;
  }
  protected read(prop: string) {
    if (prop !== "items/name") throw new Error(`fake: load ${prop}`);
    return this.context.excel.sheets.map((s) => s.name);
  }
  get items(): WorksheetProxy[] {
    return (this.get("items/name") as string[]).map((n) => {
      const ws = new WorksheetProxy(this.context, n, false);
      ws.preload("name", n);
      return ws;
    });
  }
  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.context, name, false);
  }
  getItemOrNullObject(name: string): WorksheetProxy {
    return new WorksheetProxy(this.context, name, true);
  }
  add(name: string): WorksheetProxy {
    const x = this.context.excel;
    this.context.enqueue(jsonBytes(name), () => {
      if (byName(x, name)) throw new OfficeJsError("ItemAlreadyExists", name);
      x.addSheet(name);
    });
    return new WorksheetProxy(this.context, name, false);
  }
}

class WorksheetProxy extends ClientObject {
  readonly tables: { add: (address: string, hasHeaders: boolean) => TableProxy };
  readonly freezePanes: { freezeRows: (n: number) => void };
  readonly charts: { add: (type: string, range: RangeProxy, by: string) => Record<string, unknown> };
  constructor(
    ctx: FakeContext,
    readonly sheetName: string,
    nullable: boolean,
  ) {
    super(ctx, nullable);
    this.tables = {
      add: (address, hasHeaders) => {
        this.use("tables.add");
        const name = `Table${ctx.excel.tables.length + 1}`;
        const model: TableModel = { name, sheet: sheetName, top: 0, left: 0, bottom: 0, right: 0 };
        ctx.enqueue(jsonBytes(address), () => {
          const [a, b = a] = address.split(":");
          const p = parseA1(a)!;
          const q = parseA1(b)!;
          Object.assign(model, { top: p.row, left: p.col, bottom: q.row, right: q.col });
          if (!hasHeaders) throw new Error("fake: tables without headers");
          ctx.excel.tables.push(model);
        });
        return new TableProxy(ctx, () => model, false, model);
      },
    };
    this.freezePanes = { freezeRows: (n) => ctx.enqueue(8, () => this.model().log.push(["freezeRows", n])) };
    this.charts = {
      add: (type, range) => {
        const chart: Record<string, unknown> = { title: {}, setPosition: (at: string) => ctx.enqueue(8, () => this.model().log.push(["chartAt", at])) };
        ctx.enqueue(64, () => this.model().log.push(["chart", { type, range: range.describe() }]));
        return chart;
      },
    };
  }
  preload(prop: string, v: unknown): void {
    this.data[prop] = v;
    this.loadedProps.add(prop);
  }
  model(): SheetModel {
    const s = byName(this.context.excel, this.sheetName);
    if (!s) throw new OfficeJsError("ItemNotFound", `no sheet ${this.sheetName}`);
    return s;
  }
  protected target() {
    const s = byName(this.context.excel, this.sheetName);
    if (!s && !this.nullable) throw new OfficeJsError("ItemNotFound", `no sheet ${this.sheetName}`);
    return s ?? null;
  }
  protected read(prop: string) {
    if (prop === "name") return this.model().name;
    if (prop === "visibility") return this.model().visibility;
    throw new Error(`fake: load ${prop}`);
  }
  get name(): string {
    return this.get("name") as string;
  }
  set visibility(v: SheetModel["visibility"]) {
    this.use("visibility");
    this.context.enqueue(16, () => void (this.model().visibility = v));
  }
  getRange(address?: string): RangeProxy {
    this.use("getRange");
    return new RangeProxy(this.context, () => box(this.model(), address ?? "A1:XFD1048576"));
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): RangeProxy {
    this.use("getRangeByIndexes");
    return new RangeProxy(this.context, () => ({ sheet: this.model(), top: row, left: col, rows, cols }));
  }
  getRanges(addresses: string): { select: () => void } {
    this.use("getRanges");
    return { select: () => this.context.enqueue(jsonBytes(addresses), () => this.model().log.push(["select", addresses])) };
  }
  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    this.use("getUsedRangeOrNullObject");
    return new RangeProxy(this.context, () => usedBox(this.model(), valuesOnly), true);
  }
  activate(): void {
    this.use("activate");
    this.context.enqueue(0, () => void (this.context.excel.active = { sheet: this.model().name, row: 0, col: 0 }));
  }
  delete(): void {
    this.use("delete");
    this.context.enqueue(0, () => {
      const s = this.model();
      if (s.visibility !== "Visible") throw new OfficeJsError("InvalidOperation", "a hidden sheet cannot be deleted");
      const x = this.context.excel;
      x.sheets.splice(x.sheets.indexOf(s), 1);
      for (let i = x.tables.length - 1; i >= 0; i--) if (x.tables[i].sheet === s.name) x.tables.splice(i, 1);
    });
  }
}

/** The sheet of a range or a table, found at sync. */
class SheetOf extends WorksheetProxy {
  constructor(
    ctx: FakeContext,
    private readonly of: () => SheetModel | undefined,
  ) {
    super(ctx, "", false);
  }
  model(): SheetModel {
    const s = this.of();
    if (!s) throw new OfficeJsError("ItemNotFound", "no sheet");
    return s;
  }
  protected target() {
    return this.model();
  }
}

function box(sheet: SheetModel, address: string): Box {
  const [a, b = a] = address.replace(/\$/g, "").split(":");
  if (/^[A-Z]+$/.test(a)) {
    const p = parseA1(`${a}1`)!;
    const q = parseA1(`${b}1`)!;
    return { sheet, top: 0, left: p.col, rows: 1048576, cols: q.col - p.col + 1 };
  }
  const p = parseA1(a);
  const q = parseA1(b);
  if (!p || !q) throw new OfficeJsError("InvalidArgument", `bad address ${address}`);
  return { sheet, top: p.row, left: p.col, rows: q.row - p.row + 1, cols: q.col - p.col + 1 };
}

const filled = (c: CellModel | undefined, valuesOnly: boolean) => c !== undefined && (!valuesOnly || c.formula !== undefined || (c.value !== null && c.value !== ""));

function usedBox(sheet: SheetModel, valuesOnly: boolean): Box | null {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  sheet.cells.forEach((row, r) =>
    row?.forEach((c, k) => {
      if (!filled(c, valuesOnly)) return;
      top = Math.min(top, r);
      bottom = Math.max(bottom, r);
      left = Math.min(left, k);
      right = Math.max(right, k);
    }),
  );
  return bottom < 0 ? null : { sheet, top, left, rows: bottom - top + 1, cols: right - left + 1 };
}

/** The block around a cell bounded by blank rows and columns (Ctrl+*), as getSurroundingRegion. */
function region(b: Box): Box {
  const has = (r: number, c: number) => filled(b.sheet.cells[r]?.[c], false);
  let { top, left } = b;
  let bottom = b.top + b.rows - 1;
  let right = b.left + b.cols - 1;
  for (let grew = true; grew; ) {
    grew = false;
    const rowHas = (r: number) => r >= 0 && Array.from({ length: right - left + 3 }, (_, i) => left - 1 + i).some((c) => c >= 0 && has(r, c));
    const colHas = (c: number) => c >= 0 && Array.from({ length: bottom - top + 3 }, (_, i) => top - 1 + i).some((r) => r >= 0 && has(r, c));
    if (rowHas(top - 1)) (top--, (grew = true));
    while (rowHas(bottom + 1)) (bottom++, (grew = true));
    if (colHas(left - 1)) (left--, (grew = true));
    if (colHas(right + 1)) (right++, (grew = true));
  }
  return { sheet: b.sheet, top, left, rows: bottom - top + 1, cols: right - left + 1 };
}

class RangeProxy extends ClientObject {
  readonly format: { columnWidth?: number; fill: { color?: string }; font: { bold?: boolean } };
  readonly dataValidation: Record<string, unknown>;
  constructor(
    ctx: FakeContext,
    private readonly where: () => Box | null,
    nullable = false,
  ) {
    super(ctx, nullable);
    const log = (k: string) => (v: unknown) => ctx.enqueue(jsonBytes(v), () => this.box().sheet.log.push([`${this.describe()}.${k}`, v]));
    const setter = <T extends object>(target: T, prefix: string): T =>
      new Proxy(target, {
        set: (t, k, v) => {
          log(`${prefix}${String(k)}`)(v);
          (t as Record<string, unknown>)[k as string] = v;
          return true;
        },
      });
    this.format = setter({ fill: setter({}, "format.fill."), font: setter({}, "format.font.") } as RangeProxy["format"], "format.");
    this.dataValidation = setter({}, "dataValidation.");
  }
  describe(): string {
    const b = this.box();
    return `${b.sheet.name}!${columnLetters(b.left)}${b.top + 1}:${columnLetters(b.left + b.cols - 1)}${b.top + b.rows}`;
  }
  box(): Box {
    const b = this.where();
    if (!b) throw new OfficeJsError("ItemNotFound", "null range");
    return b;
  }
  protected target() {
    return this.where();
  }
  protected read(prop: string) {
    const b = this.box();
    const cell = (r: number, c: number) => b.sheet.cells[b.top + r]?.[b.left + c];
    const grid = (f: (c: CellModel | undefined) => unknown) => Array.from({ length: b.rows }, (_, r) => Array.from({ length: b.cols }, (_, c) => f(cell(r, c))));
    switch (prop) {
      case "values":
        return grid((c) => (c === undefined || c.value === null ? "" : c.value));
      case "formulas":
        return grid((c) => (c === undefined ? "" : (c.formula ?? (c.value === null ? "" : c.value))));
      case "rowIndex":
        return b.top;
      case "columnIndex":
        return b.left;
      case "rowCount":
        return b.rows;
      case "columnCount":
        return b.cols;
      case "address":
        return `${/^[\p{L}\p{N}_]+$/u.test(b.sheet.name) ? b.sheet.name : `'${b.sheet.name}'`}!${columnLetters(b.left)}${b.top + 1}:${columnLetters(b.left + b.cols - 1)}${b.top + b.rows}`;
      default:
        throw new Error(`fake: load ${prop}`);
    }
  }
  get values(): unknown[][] {
    return this.get("values") as unknown[][];
  }
  get formulas(): unknown[][] {
    return this.get("formulas") as unknown[][];
  }
  get rowIndex(): number {
    return this.get("rowIndex") as number;
  }
  get columnIndex(): number {
    return this.get("columnIndex") as number;
  }
  get rowCount(): number {
    return this.get("rowCount") as number;
  }
  get columnCount(): number {
    return this.get("columnCount") as number;
  }
  get address(): string {
    return this.get("address") as string;
  }
  private write(v: unknown, apply: (b: Box, r: number, c: number, x: unknown) => void): void {
    this.use("write");
    this.context.enqueue(jsonBytes(v), () => {
      const b = this.box();
      const rows = v as unknown[][];
      if (!Array.isArray(rows) || rows.length !== b.rows || rows.some((r) => !Array.isArray(r) || r.length !== b.cols)) {
        throw new OfficeJsError("InvalidArgument", `${JSON.stringify(v).slice(0, 40)} does not match ${this.describe()}`);
      }
      rows.forEach((r, i) => r.forEach((x, j) => apply(b, b.top + i, b.left + j, x)));
    });
  }
  set values(v: unknown[][]) {
    this.write(v, (b, r, c, x) => {
      // As Excel reads typed input: a leading apostrophe keeps text as text; "=…" in a cell not
      // formatted as text is a formula.
      const row = b.sheet.cells[r] ?? (b.sheet.cells[r] = []);
      if (x === "" || x === null) row[c] = undefined;
      else if (typeof x === "string" && x.startsWith("'")) row[c] = { value: x.slice(1) };
      else if (typeof x === "string" && x.startsWith("=") && b.sheet.numberFormats.get(`${r},${c}`) !== "@") row[c] = { formula: x, value: null };
      else row[c] = { value: x };
    });
  }
  set formulas(v: unknown[][]) {
    this.write(v, (b, r, c, x) => this.context.excel.setCell(b.sheet, r, c, x, null));
  }
  set numberFormat(v: unknown[][]) {
    this.write(v, (b, r, c, x) => void b.sheet.numberFormats.set(`${r},${c}`, x));
  }
  clear(what: string): void {
    this.use("clear");
    this.context.enqueue(16, () => {
      const b = this.box();
      if (what !== "Contents") throw new Error(`fake: clear ${what}`);
      for (let r = b.top; r < b.top + b.rows; r++) for (let c = b.left; c < b.left + b.cols; c++) this.context.excel.setCell(b.sheet, r, c, null);
    });
  }
  select(): void {
    this.context.enqueue(0, () => this.box().sheet.log.push(["select", this.describe()]));
  }
  get worksheet(): WorksheetProxy {
    this.use("worksheet");
    return new SheetOf(this.context, () => this.box().sheet);
  }
  getEntireColumn(): RangeProxy {
    this.use("getEntireColumn");
    return new RangeProxy(this.context, () => ({ ...this.box(), top: 0, rows: 1048576 }));
  }
  getSurroundingRegion(): RangeProxy {
    this.use("getSurroundingRegion");
    return new RangeProxy(this.context, () => region(this.box()));
  }
  getMergedAreasOrNullObject(): MergedAreasProxy {
    this.use("getMergedAreasOrNullObject");
    if (!atLeast(this.context.excel.sets.ExcelApi ?? "1.1", "1.13")) throw new OfficeJsError("ApiNotFound", "getMergedAreasOrNullObject needs ExcelApi 1.13");
    return new MergedAreasProxy(this.context, () => {
      const b = this.box();
      const touching = b.sheet.merges.filter((m) => m.top < b.top + b.rows && m.bottom >= b.top && m.left < b.left + b.cols && m.right >= b.left);
      // "If the merged areas count in this range is more than 512, then this method will fail."
      if (touching.length > 512) throw new OfficeJsError("GeneralException", "more than 512 merged areas");
      return touching.length === 0 ? null : touching.map((m) => ({ sheet: b.sheet, top: m.top, left: m.left, rows: m.bottom - m.top + 1, cols: m.right - m.left + 1 }));
    });
  }
  getSpillingToRangeOrNullObject(): RangeProxy {
    this.use("getSpillingToRangeOrNullObject");
    if (!atLeast(this.context.excel.sets.ExcelApi ?? "1.1", "1.12")) throw new OfficeJsError("ApiNotFound", "getSpillingToRangeOrNullObject needs ExcelApi 1.12");
    return new RangeProxy(
      this.context,
      () => {
        const b = this.box();
        const e = b.sheet.spills.get(`${b.top},${b.left}`);
        return e ? { sheet: b.sheet, top: b.top, left: b.left, rows: e.rows, cols: e.cols } : null;
      },
      true,
    );
  }
}

/** RangeAreas of merged cells: a null object where there are none; its areas load as a collection. */
class MergedAreasProxy extends ClientObject {
  constructor(
    ctx: FakeContext,
    private readonly where: () => Box[] | null,
  ) {
    super(ctx, true);
  }
  protected target() {
    return this.where();
  }
  protected read(prop: string): unknown {
    throw new Error(`fake: load ${prop} on RangeAreas`);
  }
  get areas(): AreasProxy {
    this.use("areas");
    return new AreasProxy(this.context, () => this.where() ?? []);
  }
}

class AreasProxy extends ClientObject {
  constructor(
    ctx: FakeContext,
    private readonly boxes: () => Box[],
  ) {
    super(ctx, false);
  }
  protected target() {
    return this.boxes();
  }
  protected read(prop: string): unknown {
    const key = { "items/rowIndex": "top", "items/columnIndex": "left", "items/rowCount": "rows", "items/columnCount": "cols" }[prop] as keyof Box | undefined;
    if (!key) throw new Error(`fake: load ${prop} on a RangeCollection`);
    return this.boxes().map((b) => b[key]);
  }
  get items(): Array<{ rowIndex: number; columnIndex: number; rowCount: number; columnCount: number }> {
    const col = (p: string) => this.get(p) as number[];
    return col("items/rowIndex").map((rowIndex, i) => ({ rowIndex, columnIndex: col("items/columnIndex")[i], rowCount: col("items/rowCount")[i], columnCount: col("items/columnCount")[i] }));
  }
}

class TablesProxy extends ClientObject {
  constructor(ctx: FakeContext) {
    super(ctx, false);
  }
  protected target() {
    return this.context.excel.tables;
  }
  protected read(prop: string) {
    if (prop !== "items/name") throw new Error(`fake: load ${prop}`);
    return this.context.excel.tables.map((t) => t.name);
  }
  get items(): TableProxy[] {
    return (this.get("items/name") as string[]).map((n) => {
      const t = new TableProxy(this.context, () => this.context.excel.tables.find((x) => x.name === n) ?? null, false);
      t.preload("name", n);
      return t;
    });
  }
  getItemOrNullObject(name: string): TableProxy {
    return new TableProxy(this.context, () => this.context.excel.tables.find((t) => t.name.toLowerCase() === name.toLowerCase()) ?? null, true);
  }
}

class TableProxy extends ClientObject {
  constructor(
    ctx: FakeContext,
    private readonly find: () => TableModel | null,
    nullable: boolean,
    private readonly created?: TableModel,
  ) {
    super(ctx, nullable);
  }
  preload(prop: string, v: unknown): void {
    this.data[prop] = v;
    this.loadedProps.add(prop);
  }
  private model(): TableModel {
    const t = this.find();
    if (!t) throw new OfficeJsError("ItemNotFound", "no such table");
    return t;
  }
  protected target() {
    return this.find();
  }
  protected read(prop: string) {
    if (prop === "name") return this.model().name;
    throw new Error(`fake: load ${prop}`);
  }
  get name(): string {
    return this.get("name") as string;
  }
  set name(v: string) {
    this.context.enqueue(jsonBytes(v), () => void (this.model().name = v));
  }
  set style(v: string) {
    this.context.enqueue(jsonBytes(v), () => void (this.model().style = v));
  }
  private sheetBox(f: (t: TableModel) => Omit<Box, "sheet">): () => Box {
    return () => {
      const t = this.model();
      return { sheet: byName(this.context.excel, t.sheet)!, ...f(t) };
    };
  }
  get worksheet(): WorksheetProxy {
    this.use("worksheet");
    return new SheetOf(this.context, () => {
      const t = this.find();
      return t ? byName(this.context.excel, t.sheet) : undefined;
    });
  }
  getHeaderRowRange(): RangeProxy {
    this.use("getHeaderRowRange");
    return new RangeProxy(this.context, this.sheetBox((t) => ({ top: t.top, left: t.left, rows: 1, cols: t.right - t.left + 1 })));
  }
  getDataBodyRange(): RangeProxy {
    this.use("getDataBodyRange");
    return new RangeProxy(this.context, this.sheetBox((t) => ({ top: t.top + 1, left: t.left, rows: Math.max(0, t.bottom - t.top), cols: t.right - t.left + 1 })));
  }
  getRange(): RangeProxy {
    this.use("getRange");
    return new RangeProxy(this.context, this.sheetBox((t) => ({ top: t.top, left: t.left, rows: t.bottom - t.top + 1, cols: t.right - t.left + 1 })));
  }
}

class NamesProxy extends ClientObject {
  constructor(ctx: FakeContext) {
    super(ctx, false);
  }
  protected target() {
    return this.context.excel.names;
  }
  protected read(prop: string) {
    if (prop !== "items/name") throw new Error(`fake: load ${prop}`);
    return [...this.context.excel.names.keys()];
  }
  get items(): Array<{ name: string; delete: () => void }> {
    return (this.get("items/name") as string[]).map((name) => ({ name, delete: () => this.context.enqueue(jsonBytes(name), () => void this.context.excel.names.delete(name)) }));
  }
  add(name: string, formula: string): { visible: boolean } {
    const names = this.context.excel.names;
    this.context.enqueue(jsonBytes(name) + jsonBytes(formula), () => {
      if (names.has(name)) throw new OfficeJsError("ItemAlreadyExists", name);
      names.set(name, { formula, visible: true });
    });
    const ctx = this.context;
    return {
      set visible(v: boolean) {
        ctx.enqueue(8, () => void (names.get(name)!.visible = v));
      },
      get visible(): boolean {
        throw new OfficeJsError("PropertyNotLoaded", "visible");
      },
    };
  }
}

/** A blank cell, as a test writes it in the arguments of a custom function. */
export const BLANK = Symbol("blank");

/**
 * An argument as Excel's custom-function runtime passes it to an `any` parameter: a blank cell is
 * null (Excel on the web, current desktop builds) or 0 (desktop builds of office-js #4702 / #5262),
 * alone or inside a range. A range is rows of cells.
 */
export function asPassed(arg: unknown, blanksAsZero: boolean): unknown {
  const cell = (v: unknown) => (v === BLANK ? (blanksAsZero ? 0 : null) : v);
  return Array.isArray(arg) ? arg.map((row) => (Array.isArray(row) ? row.map(cell) : cell(row))) : cell(arg);
}
