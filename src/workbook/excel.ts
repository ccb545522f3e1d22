/**
 * The port in Excel, through Office.js: the only file that touches Office.js. A scan of a known
 * register (a table, or a region at a remembered anchor) is one batched read, one `sync`.
 */
import { a1, columnLetters, parseA1, registerScore } from "../engine/register";
import { MIN_REGISTER_SCORE as MIN_SCORE, splitRegionValues as splitRegion } from "./region";
import { freeSheetName, type AddedSheet, type ChangeEvent, type RegisterLocation, type RegisterRead, type SettingsStore, type WorkbookPort } from "./port";
import type { SheetSpec, SpecCell } from "./sheets";
import type { PortableReport } from "../portable/record";
import type { GridRestoreReport, GridSheet, GridWrite, JyCell, SpillExtent } from "../portable/grid";

/** The portable code (translator, policy tables) loads when an action runs, not with the pane. */
const portableModules = () => Promise.all([import("../portable/grid"), import("../portable/record"), import("../portable/native")]);

/** What the port needs of Office.js; `Excel.run` and `Office` in the add-in, mocks in tests. */
export interface OfficeHost {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  office: {
    context: {
      displayLanguage: string;
      document: { settings: Pick<Office.Settings, "get" | "set" | "remove" | "saveAsync"> };
    };
  };
}

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

export class ExcelWorkbook implements WorkbookPort {
  readonly host = "excel" as const;
  readonly settings: SettingsStore;

  constructor(private readonly officeHost: OfficeHost) {
    this.settings = new OfficeSettings(officeHost.office.context.document.settings);
  }

  displayLanguage(): string {
    return this.officeHost.office.context.displayLanguage;
  }

  readRegister(hint: RegisterLocation | null): Promise<RegisterRead | null> {
    return this.officeHost.run(async (ctx) => {
      if (hint?.table) {
        const table = ctx.workbook.tables.getItemOrNullObject(hint.table);
        const header = table.getHeaderRowRange().load("values,rowIndex,columnIndex");
        const body = table.getDataBodyRange().load("values");
        const sheet = table.worksheet.load("name");
        await ctx.sync();
        if (!table.isNullObject) {
          return { sheet: sheet.name, table: hint.table, anchor: null, top: header.rowIndex, left: header.columnIndex, headers: header.values[0], rows: body.values };
        }
      } else if (hint?.anchor) {
        const sheet = ctx.workbook.worksheets.getItemOrNullObject(hint.sheet);
        const region = sheet.getRange(hint.anchor).getSurroundingRegion().load("values,rowIndex,columnIndex");
        await ctx.sync();
        if (!sheet.isNullObject) {
          const read = splitRegion(region.values, region.rowIndex, region.columnIndex, hint.sheet);
          if (read) return read;
        }
      }
      return this.discover(ctx);
    });
  }

  /** No known register: the most register-like table, else the region around the selection. */
  private async discover(ctx: Excel.RequestContext): Promise<RegisterRead | null> {
    const tables = ctx.workbook.tables.load("items/name");
    const selection = ctx.workbook.getSelectedRange();
    const region = selection.getSurroundingRegion().load("values,rowIndex,columnIndex");
    const selectionSheet = selection.worksheet.load("name");
    await ctx.sync();
    const headers = tables.items.map((t) => ({ table: t.load("name"), header: t.getHeaderRowRange().load("values") }));
    await ctx.sync();
    const scored = headers.map((h) => ({ ...h, score: registerScore(h.header.values[0]) })).sort((a, b) => b.score - a.score);
    if (scored.length > 0 && scored[0].score >= MIN_SCORE) {
      const t = scored[0].table;
      const header = t.getHeaderRowRange().load("values,rowIndex,columnIndex");
      const body = t.getDataBodyRange().load("values");
      const sheet = t.worksheet.load("name");
      await ctx.sync();
      return { sheet: sheet.name, table: t.name, anchor: null, top: header.rowIndex, left: header.columnIndex, headers: header.values[0], rows: body.values };
    }
    return splitRegion(region.values, region.rowIndex, region.columnIndex, selectionSheet.name);
  }

  select(sheet: string, cells: string[]): Promise<void> {
    return this.officeHost.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRanges(cells.join(",")).select();
      await ctx.sync();
    });
  }

  async onChange(listener: (e: ChangeEvent) => void): Promise<() => void> {
    let registration: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs> | null = null;
    await this.officeHost.run(async (ctx) => {
      registration = ctx.workbook.worksheets.onChanged.add(async () => listener({ sheet: null }));
      await ctx.sync();
    });
    return () => {
      const r = registration as OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs> | null;
      if (!r) return;
      registration = null;
      void this.officeHost.run(async (ctx) => {
        r.remove();
        await ctx.sync();
      });
    };
  }

  sheetNames(): Promise<string[]> {
    return this.officeHost.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets.load("items/name");
      await ctx.sync();
      return sheets.items.map((s) => s.name);
    });
  }

  addSheet(spec: SheetSpec): Promise<AddedSheet> {
    return this.officeHost.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets.load("items/name");
      const tables = ctx.workbook.tables.load("items/name");
      await ctx.sync();
      const name = freeSheetName(spec.name, sheets.items.map((s) => s.name));
      const ws = ctx.workbook.worksheets.add(name);
      const rows = spec.cells.length;
      const cols = spec.cells[0].length;
      const lastCol = columnLetters(cols - 1);
      for (const nf of spec.numberFormats ?? []) ws.getRange(nf.range).numberFormat = filled(nf.range, nf.format);
      let tableName: string | null = null;
      if (spec.table) {
        // Structured references need the table first: header, table, then the body's formulas.
        ws.getRange(`A1:${lastCol}1`).values = [spec.cells[0].map(excelCell)];
        tableName = freeSheetName(spec.table.name, tables.items.map((t) => t.name)).replace(/ \((\d+)\)$/, "$1");
        const table = ws.tables.add(`A1:${lastCol}${rows}`, true);
        table.name = tableName;
        table.style = "TableStyleMedium2";
        if (rows > 1) ws.getRange(`A2:${lastCol}${rows}`).formulas = spec.cells.slice(1).map((r) => r.map(excelCell));
      } else {
        ws.getRange(`A1:${lastCol}${rows}`).formulas = spec.cells.map((r) => r.map(excelCell));
      }
      (spec.widths ?? []).forEach((w, i) => {
        ws.getRange(`${columnLetters(i)}:${columnLetters(i)}`).format.columnWidth = w * 7;
      });
      for (const v of spec.validations ?? []) {
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
      }
      for (const f of spec.fills ?? []) ws.getRange(f.range).format.fill.color = f.color;
      for (const b of spec.bold ?? []) ws.getRange(b).format.font.bold = true;
      if (spec.freezeRows) ws.freezePanes.freezeRows(spec.freezeRows);
      if (spec.chart) {
        const chart = ws.charts.add("ColumnClustered", ws.getRange(spec.chart.range), "Columns");
        chart.title.text = spec.chart.title;
        chart.setPosition("H4");
      }
      ws.activate();
      await ctx.sync();
      return { sheet: name, table: tableName };
    });
  }

  deleteSheet(name: string): Promise<void> {
    return this.officeHost.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(name).delete();
      await ctx.sync();
    });
  }

  /**
   * Reads: the sheet and table lists (one sync), every sheet's used cells — formulas and values —
   * with the tables' ranges (one sync), and, only when a JY.FUNDING / JY.DETAIL cell is there, where
   * those spill (one sync). Then every write in one batch: native formulas (written as Range.formulas,
   * which dynamic-array Excel evaluates as arrays), frozen values, the note sheet, the very hidden
   * record sheet and the hidden _JY_* names.
   */
  async makePortable(): Promise<PortableReport> {
    const [{ findJyCells, planPortable }, { NOTE_SHEET, RECORD_SHEET }] = await portableModules();
    return this.officeHost.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets.load("items/name");
      const tables = ctx.workbook.tables.load("items/name");
      await ctx.sync();
      const names = sheets.items.map((s) => s.name);
      if (names.includes(RECORD_SHEET)) return { converted: [], skipped: [], alreadyPortable: true };
      const used = sheets.items.map((s) => ({ name: s.name, range: s.getUsedRangeOrNullObject().load("formulas,values,rowIndex,columnIndex") }));
      const tableRanges = tables.items.map((t) => ({ name: t.name, range: t.getRange().load("address") }));
      await ctx.sync();
      const grid: GridSheet[] = used
        .filter((u) => !u.range.isNullObject)
        .map((u) => ({ name: u.name, top: u.range.rowIndex, left: u.range.columnIndex, formulas: u.range.formulas, values: u.range.values }));
      const cells = findJyCells(grid);
      const spilling = cells.filter((c) => c.maySpill).map((c) => ({ c, range: ctx.workbook.worksheets.getItem(c.sheet).getRangeByIndexes(c.row, c.col, 1, 1).getSpillingToRangeOrNullObject().load("rowCount,columnCount") }));
      if (spilling.length > 0) await ctx.sync();
      const extents = new Map<JyCell, SpillExtent | null>(spilling.map(({ c, range }) => [c, range.isNullObject ? null : { rows: range.rowCount, cols: range.columnCount }]));
      const bounds = tableRanges.map((t) => ({ name: t.name, at: parseAddress(t.range.address) }));
      const tableAt = (sheet: string, row: number, col: number) =>
        bounds.find((b) => b.at && b.at.sheet === sheet && row > b.at.top && row <= b.at.bottom && col >= b.at.left && col <= b.at.right)?.name ?? null;
      const plan = planPortable(grid, cells, (c) => extents.get(c) ?? null, tableAt);
      if (plan.writes.length === 0) return plan.report;
      applyWrites(ctx, plan.writes);
      addTextSheet(ctx, NOTE_SHEET, plan.note, [18, 14, 14, 90]);
      const record = addTextSheet(ctx, RECORD_SHEET, plan.record, []);
      record.visibility = "VeryHidden";
      for (const n of plan.names) ctx.workbook.names.add(n.name, `=${n.formula}`).visible = false;
      await ctx.sync();
      return plan.report;
    });
  }

  /**
   * One read (record sheet, the sheets' formulas and values, names), then every write and removal
   * in one batch. Restore checks each recorded cell first (grid.ts); when some are refused the
   * record stays, holding their rows, so a later restore can finish.
   */
  async restorePortable(): Promise<GridRestoreReport> {
    const [{ planRestore }, { NOTE_SHEET, RECORD_SHEET }, { DEFINED_NAME_SET }] = await portableModules();
    return this.officeHost.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets.load("items/name");
      const record = ctx.workbook.worksheets.getItemOrNullObject(RECORD_SHEET);
      const used = record.getUsedRangeOrNullObject(true).load("values");
      const names = ctx.workbook.names.load("items/name");
      await ctx.sync();
      if (record.isNullObject || used.isNullObject) return { restored: [], missing: [], wasPortable: false };
      const sheetNames = sheets.items.map((s) => s.name);
      // The sheets' extents first, then their formulas and values: in blocks of rows when large,
      // since portable formulas run to 5,000 characters and Excel on the web refuses a response
      // over 5 MB.
      const extents = sheets.items
        .filter((s) => s.name !== RECORD_SHEET && s.name !== NOTE_SHEET)
        .map((s) => ({ sheet: s, range: s.getUsedRangeOrNullObject().load("rowIndex,columnIndex,rowCount,columnCount") }));
      await ctx.sync();
      const blocks: Array<{ name: string; range: Excel.Range }> = [];
      for (const { sheet, range } of extents) {
        if (range.isNullObject) continue;
        const rows = range.rowCount ?? 0;
        const cols = Math.max(1, range.columnCount ?? 1);
        const step = Math.max(1, Math.floor(RESTORE_READ_CELLS / cols));
        if (!(rows > step)) blocks.push({ name: sheet.name, range: range.load("formulas,values,rowIndex,columnIndex") });
        else for (let r = 0; r < rows; r += step) blocks.push({ name: sheet.name, range: sheet.getRangeByIndexes(range.rowIndex + r, range.columnIndex, Math.min(step, rows - r), cols).load("formulas,values,rowIndex,columnIndex") });
      }
      await ctx.sync();
      const now = new Map<string, { formulas: Map<string, string>; values: Map<string, unknown> }>();
      for (const { name, range } of blocks) {
        const sheet = now.get(name) ?? { formulas: new Map<string, string>(), values: new Map<string, unknown>() };
        now.set(name, sheet);
        range.formulas.forEach((row, r) =>
          row.forEach((f, c) => {
            const ref = a1(range.rowIndex + r, range.columnIndex + c);
            if (typeof f === "string" && f.startsWith("=")) sheet.formulas.set(ref, f);
            const v = range.values[r]?.[c];
            if (v !== "" && v !== null && v !== undefined) sheet.values.set(ref, v);
          }),
        );
      }
      for (const { sheet } of extents) if (!now.has(sheet.name)) now.set(sheet.name, { formulas: new Map(), values: new Map() });
      const plan = planRestore(used.values, sheetNames, {
        formulas: (sheet) => now.get(sheet)?.formulas,
        value: (sheet, row, col) => now.get(sheet)?.values.get(a1(row, col)) ?? null,
      });
      applyWrites(ctx, plan.writes);
      if (plan.keep) {
        // Not finished: the record keeps the rows still to restore; the note and the names stay.
        // (A damaged record is left exactly as it is.)
        if (!plan.report.damaged?.length) {
          const width = Math.max(1, ...used.values.map((r) => r.length));
          record.getRangeByIndexes(0, 0, used.values.length, width).clear("Contents");
          const cells = rectangle(plan.keep);
          const range = record.getRangeByIndexes(0, 0, cells.length, cells[0].length);
          range.numberFormat = cells.map((r) => r.map(() => "@"));
          range.values = cells;
        }
      } else {
        record.visibility = "Visible";
        record.delete();
        if (sheetNames.includes(NOTE_SHEET)) ctx.workbook.worksheets.getItem(NOTE_SHEET).delete();
        for (const n of names.items) if (DEFINED_NAME_SET.has(n.name)) n.delete();
      }
      await ctx.sync();
      return plan.report;
    });
  }
}

/** Cells read per request when restore reads a large sheet (a few MB of portable formulas at most). */
const RESTORE_READ_CELLS = 500;

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

/**
 * Writes cell changes grouped into runs down a column (one range per run of the same kind), so a
 * register of thousands of rows is a few hundred range writes in one batch.
 */
function applyWrites(ctx: Excel.RequestContext, writes: GridWrite[]): void {
  // Clears first (a restored formula spills into the cells they free), then column by column.
  const key = (w: GridWrite) => `${w.kind === "clear" ? 0 : 1}\u0000${w.sheet}\u0000${w.col}\u0000${w.kind}`;
  const sorted = [...writes].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.row - b.row));
  let i = 0;
  while (i < sorted.length) {
    let j = i + 1;
    while (j < sorted.length && key(sorted[j]) === key(sorted[i]) && sorted[j].row === sorted[j - 1].row + 1) j++;
    const run = sorted.slice(i, j);
    const first = run[0];
    const range = ctx.workbook.worksheets.getItem(first.sheet).getRangeByIndexes(first.row, first.col, run.length, 1);
    if (first.kind === "clear") range.clear("Contents");
    else if (first.kind === "formula") range.formulas = run.map((w) => [(w as { formula: string }).formula]);
    else range.values = run.map((w) => [asTypedText((w as { value: string | number | boolean }).value)]);
    i = j;
  }
}

/** Adds a sheet of text rows (number format "@": "=…" stays text). */
function addTextSheet(ctx: Excel.RequestContext, name: string, rows: string[][], widths: number[]): Excel.Worksheet {
  const ws = ctx.workbook.worksheets.add(name);
  const cells = rectangle(rows);
  const range = ws.getRangeByIndexes(0, 0, cells.length, cells[0].length);
  range.numberFormat = cells.map((r) => r.map(() => "@"));
  range.values = cells;
  widths.forEach((w, i) => {
    ws.getRangeByIndexes(0, i, 1, 1).getEntireColumn().format.columnWidth = w * 7;
  });
  return ws;
}

/** The port of the running add-in. */
export function excelWorkbook(): ExcelWorkbook {
  return new ExcelWorkbook({ run: (batch) => Excel.run(batch), office: Office });
}
