/**
 * The playground's workbook: HyperFormula sheets behind the same port as Excel, plus what a grid
 * needs to show them (tables, number formats, drop-downs, fills, a frozen header, a chart spec the
 * grid draws as SVG). HyperFormula has no tables or structured references, so formulas use their
 * A1 form; a table here is a header row whose body runs to the sheet's last used row.
 */
import { DetailedCellError, HyperFormula, type RawCellContent } from "hyperformula";
import { parseA1 } from "../engine/register";
import { readRegister } from "../workbook/find-register";
import { freeSheetName, type AddedSheet, type ChangeEvent, type HostFeature, type PaneLife, type RegisterLocation, type RegisterRead, type SettingsStore, type Unsupported, type WorkbookPort } from "../workbook/port";
import type { CellHost, TableBounds } from "../workbook/cells";
import { makePortable, restorePortable } from "../workbook/portable";
import type { ChartSpec, SheetSpec, SpecCell, Validation } from "../workbook/sheets";
import { registerJyFunctions } from "./jyPlugin";
import { registerAsc } from "./ascPlugin";
import type { PortableReport } from "../portable/record";
import type { GridRestoreReport, GridWrite } from "../portable/grid";


export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function parseRange(range: string): CellRange {
  const [a, b = a] = range.split(":");
  const p = parseA1(a);
  const q = parseA1(b);
  if (!p || !q) throw new Error(`bad range ${range}`);
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

const inside = (r: CellRange, row: number, col: number) => row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;

export interface SheetMeta {
  widths: number[];
  numberFormats: Array<{ range: CellRange; format: string }>;
  validations: Array<{ range: CellRange; rule: Validation }>;
  fills: Array<{ range: CellRange; color: string }>;
  bold: CellRange[];
  freezeRows: number;
  chart: ChartSpec | null;
  /** A very hidden sheet (make-portable's record): no tab. */
  hidden?: boolean;
}

interface Table {
  name: string;
  sheet: string;
  top: number;
  left: number;
  right: number;
}

/** What the grid shows of a cell. */
export interface CellView {
  value: string | number | boolean | null;
  error: { code: string; message: string } | null;
}

const emptyMeta = (): SheetMeta => ({ widths: [], numberFormats: [], validations: [], fills: [], bold: [], freezeRows: 0, chart: null });

class MemorySettings implements SettingsStore {
  private readonly map = new Map<string, string>();
  get<T>(key: string): T | null {
    const v = this.map.get(key);
    return v === undefined ? null : (JSON.parse(v) as T);
  }
  async set(key: string, value: unknown): Promise<void> {
    this.map.set(key, JSON.stringify(value));
  }
  async remove(key: string): Promise<void> {
    this.map.delete(key);
  }
}

export interface Selection {
  sheet: string;
  cells: string[];
}

/**
 * Rows of a sheet loaded with loadSheetDeferred that HyperFormula does not hold yet: read from
 * here, exactly as HyperFormula will give them, until computeInBackground has moved them over.
 */
interface PendingRows {
  sheet: string;
  /** Cell contents as HyperFormula takes them (cellContent); rows[r] is sheet row r. */
  rows: RawCellContent[][];
  /** The first sheet row not yet in HyperFormula. */
  next: number;
  width: number;
}

/** Numbers as HyperFormula's smartRounding exports them (Exporter.cellValueRounding). */
function roundLikeHf(value: number, places: number): number {
  if (value === 0) return value;
  const multiplier = Math.pow(10, places - Math.floor(Math.log10(Math.abs(value))));
  return value < 0 ? -Math.round(-value * multiplier) / multiplier : Math.round(value * multiplier) / multiplier;
}

export class PlaygroundWorkbook implements WorkbookPort {
  readonly host = "playground" as const;
  readonly settings: SettingsStore = new MemorySettings();
  /** The playground's pane is part of its page: always shown, nothing to open with a file. */
  readonly pane: PaneLife | null = null;
  readonly hf: HyperFormula;
  private readonly meta = new Map<string, SheetMeta>();
  private readonly tables = new Map<string, Table>();
  private readonly changeListeners = new Set<(e: ChangeEvent) => void>();
  private readonly viewListeners = new Set<() => void>();
  private language: string;
  private pending: PendingRows | null = null;
  activeSheet = "";
  selection: Selection = { sheet: "", cells: ["A1"] };

  constructor(language = "zh-CN", maxRows = 250_000) {
    registerJyFunctions();
    registerAsc();
    this.language = language;
    this.hf = HyperFormula.buildEmpty({ licenseKey: "gpl-v3", maxRows, maxColumns: 200, useArrayArithmetic: true });
  }

  // ---- the port ----

  displayLanguage(): string {
    return this.language;
  }

  setDisplayLanguage(language: string): void {
    this.language = language;
    this.hf.rebuildAndRecalculate();
    this.emitView();
  }

  readRegister(hint: RegisterLocation | null): Promise<RegisterRead | null> {
    return readRegister(this.cellHost(), hint);
  }

  async select(sheet: string, cells: string[]): Promise<void> {
    this.activeSheet = sheet;
    this.selection = { sheet, cells };
    this.emitView();
  }

  async onChange(listener: (e: ChangeEvent) => void): Promise<() => void> {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  async sheetNames(): Promise<string[]> {
    return this.hf.getSheetNames();
  }

  readSheetValues(sheet: string): Promise<unknown[][] | null> {
    return this.cellHost().readSheetValues(sheet);
  }

  async addSheet(spec: SheetSpec): Promise<AddedSheet> {
    const name = freeSheetName(spec.name, this.hf.getSheetNames());
    this.hf.addSheet(name);
    const id = this.sheetId(name) as number;
    const content = spec.cells.map((row) => row.map((c) => this.cellContent(c)));
    this.hf.setCellContents({ sheet: id, row: 0, col: 0 }, content);
    const meta: SheetMeta = {
      widths: spec.widths ?? [],
      numberFormats: (spec.numberFormats ?? []).map((n) => ({ range: parseRange(n.range), format: n.format })),
      validations: (spec.validations ?? []).map((v) => ({ range: parseRange(v.range), rule: v.rule })),
      fills: (spec.fills ?? []).map((f) => ({ range: parseRange(f.range), color: f.color })),
      bold: (spec.bold ?? []).map(parseRange),
      freezeRows: spec.freezeRows ?? 0,
      chart: spec.chart ?? null,
    };
    this.meta.set(name, meta);
    let table: string | null = null;
    if (spec.table) {
      table = freeSheetName(spec.table.name, [...this.tables.keys()]).replace(/ \((\d+)\)$/, "$1");
      this.tables.set(table, { name: table, sheet: name, top: 0, left: 0, right: spec.cells[0].length - 1 });
    }
    this.activeSheet = name;
    this.selection = { sheet: name, cells: ["A1"] };
    this.emitChange(name);
    return { sheet: name, table };
  }

  async deleteSheet(name: string): Promise<void> {
    const id = this.sheetId(name);
    if (id === undefined) return;
    if (this.pending?.sheet === name) this.pending = null;
    this.hf.removeSheet(id);
    this.meta.delete(name);
    for (const [k, t] of this.tables) if (t.sheet === name) this.tables.delete(k);
    if (this.activeSheet === name) {
      this.activeSheet = this.hf.getSheetNames()[0] ?? "";
      this.selection = { sheet: this.activeSheet, cells: ["A1"] };
    }
    this.emitChange(name);
  }

  unsupported(_feature: HostFeature): Unsupported | null {
    return null;
  }

  makePortable(): Promise<PortableReport> {
    return makePortable(this.cellHost());
  }

  restorePortable(): Promise<GridRestoreReport> {
    return restorePortable(this.cellHost());
  }

  /** HyperFormula's cell verbs for the workflows of src/workbook/portable.ts. */
  private cellHost(): CellHost {
    const hf = this.hf;
    const id = (name: string) => this.sheetId(name) as number;
    return {
      sheetNames: async () => {
        this.settle();
        return hf.getSheetNames();
      },
      readUsedCells: async (names) =>
        names.map((name) => {
          const formulas = hf.getSheetFormulas(id(name));
          const values = hf.getSheetValues(id(name)).map((r) => r.map((v) => this.plain(v)));
          return { name, top: 0, left: 0, formulas: values.map((r, i) => r.map((v, j) => formulas[i]?.[j] ?? v)), values };
        }),
      // HyperFormula spills JY.FUNDING's row into cells that hold no formula of their own.
      spillExtents: async (cells) =>
        new Map(
          cells.map((c) => {
            const sheet = id(c.sheet);
            let cols = 1;
            while (cols < 3 && hf.isCellPartOfArray({ sheet, row: c.row, col: c.col + cols }) && hf.getCellFormula({ sheet, row: c.row, col: c.col + cols }) === undefined) cols++;
            return [c, cols > 1 ? { rows: 1, cols } : null];
          }),
        ),
      tables: async () => [...this.tables.values()].map((t) => this.tableBounds(t)),
      table: async (name) => {
        const t = this.tables.get(name);
        return t ? this.tableBounds(t) : null;
      },
      // HyperFormula keeps no merges; a file opened in the playground is read with its own (files.ts).
      mergedAreas: async () => [],
      readValues: async (b) => this.blockValues(b.sheet, b.top, b.left, b.top + b.rows - 1, b.left + b.cols - 1),
      // HyperFormula has no regions: a sheet's used cells are the region around any of its cells.
      regionAround: async (at) => {
        const sheet = at?.sheet ?? (this.selection.sheet || this.activeSheet);
        if (this.sheetId(sheet) === undefined) return null;
        const size = this.sheetSize(sheet);
        return { sheet, top: 0, left: 0, rows: size.rows, cols: size.cols };
      },
      readSheetValues: async (name) => {
        this.settle();
        const sheet = this.sheetId(name);
        return sheet === undefined ? null : hf.getSheetValues(sheet).map((r) => r.map((v) => this.plain(v)));
      },
      writeCells: async (writes) => {
        // HyperFormula mis-evaluates named array constants inside array arithmetic (a named
        // expression's cached array leaks into other formulas' results), so here the formulas
        // carry the _JY_* tables written out; the names are added all the same, as in Excel, and
        // restore removes them. (tests/portable evaluates the native formulas the same way.)
        const inline = this.inlineTables();
        hf.batch(() => this.applyWrites(writes.map((w) => (w.kind === "formula" ? { ...w, formula: inline(w.formula) } : w))));
        this.emitChange(writes[0]?.sheet ?? this.activeSheet);
      },
      addTextSheet: async (name, rows, options) => this.addTextSheet(name, rows, options.veryHidden),
      replaceTextSheet: async (name, rows) => {
        hf.setSheetContent(id(name), textCells(rows));
        this.emitChange(name);
      },
      // writeCells writes the _JY_* tables out: a portable formula is compared in that spelling.
      portableSpelling: async () => this.inlineTables(),
      deleteSheets: async (names) => {
        for (const name of names) {
          const sheet = this.sheetId(name);
          if (sheet === undefined) continue;
          hf.removeSheet(sheet);
          this.meta.delete(name);
        }
        if (!hf.getSheetNames().includes(this.activeSheet)) this.setActiveSheet(this.visibleSheetNames()[0] ?? "");
        this.emitChange(names[0] ?? this.activeSheet);
      },
      addNames: async (names) => {
        for (const n of names) hf.addNamedExpression(n.name, `=${n.formula}`);
      },
      removeNames: async (names) => {
        for (const n of hf.listNamedExpressions()) if (names.has(n)) hf.removeNamedExpression(n);
      },
    };
  }

  private applyWrites(writes: GridWrite[]): void {
    for (const w of writes) {
      const address = { sheet: this.sheetId(w.sheet) as number, row: w.row, col: w.col };
      let content: RawCellContent = null;
      if (w.kind === "formula") content = w.formula;
      else if (w.kind === "value") content = typeof w.value === "string" && !/^#[A-Z0-9/!?]+[!?A]?$/.test(w.value) && w.value !== "" ? `'${w.value}` : w.value === "" ? null : w.value;
      this.hf.setCellContents(address, [[content]]);
    }
  }

  /** A sheet of text rows appended at the end (the record hidden: no tab). */
  /** A formula with the workbook's _JY_* names written out as their tables. */
  private inlineTables(): (formula: string) => string {
    const hf = this.hf;
    const tables = new Map(hf.listNamedExpressions().map((n) => [n, String(hf.getNamedExpressionFormula(n) ?? "").replace(/^=/, "")]));
    return (f) => f.replace(/_JY_[A-Z0-9]+/g, (n) => tables.get(n) ?? n);
  }

  private addTextSheet(name: string, rows: string[][], hidden: boolean): void {
    this.hf.addSheet(name);
    this.hf.setSheetContent(this.sheetId(name) as number, textCells(rows));
    this.meta.set(name, { ...emptyMeta(), widths: hidden ? [] : [18, 14, 14, 90], hidden });
  }

  // ---- what the grid and the playground page use ----

  /**
   * Replaces every sheet with one opened from a file (its register found by the pane's usual scan):
   * the remembered register place and mapping belonged to the old workbook, so they go too.
   */
  async replaceWith(name: string, rows: SpecCell[][]): Promise<void> {
    this.pending = null;
    for (const n of this.hf.getSheetNames()) this.hf.removeSheet(this.sheetId(n) as number);
    for (const n of this.hf.listNamedExpressions()) this.hf.removeNamedExpression(n);
    this.meta.clear();
    this.tables.clear();
    this.activeSheet = "";
    const width = Math.max(1, ...rows.map((r) => r.length));
    this.loadSheet(name, rows.length > 0 ? rows : [[null]], { widths: Array.from({ length: width }, () => 14) });
    await this.settings.remove("jy.register");
    await this.settings.remove("jy.mapping");
    this.emitChange(name);
  }

  /** Sheet names with a tab (not the very hidden record). */
  visibleSheetNames(): string[] {
    return this.hf.getSheetNames().filter((n) => !this.meta.get(n)?.hidden);
  }

  /** Loads a sheet from rows of values / A1 formulas (no events: used before the pane starts). */
  loadSheet(name: string, rows: SpecCell[][], meta: Partial<SheetMeta> = {}, table: string | null = null): void {
    this.hf.addSheet(name);
    const id = this.sheetId(name) as number;
    this.hf.setSheetContent(id, rows.map((r) => r.map((c) => this.cellContent(c))));
    this.meta.set(name, { ...emptyMeta(), ...meta });
    if (table) this.tables.set(table, { name: table, sheet: name, top: 0, left: 0, right: Math.max(0, rows[0].length - 1) });
    if (!this.activeSheet) {
      this.activeSheet = name;
      this.selection = { sheet: name, cells: ["A1"] };
    }
  }

  /**
   * Loads a sheet as loadSheet does, without waiting for HyperFormula: the header goes in now, the
   * rows are read from what was given (values exactly as HyperFormula will show them; a formula
   * cell reads as blank until computed) until computeInBackground() has moved them over. A page
   * shows a large register this way, and the pane scans it, before the formulas are computed.
   * Content HyperFormula would turn into something else than itself (a non-finite number) is
   * loaded at once instead.
   */
  loadSheetDeferred(name: string, rows: SpecCell[][], meta: Partial<SheetMeta> = {}, table: string | null = null): void {
    const contents = rows.map((r) => r.map((c) => this.cellContent(c)));
    const plain = contents.every((r) => r.every((c) => c === null || typeof c === "string" || typeof c === "boolean" || (typeof c === "number" && Number.isFinite(c))));
    if (!plain || this.pending || rows.length < 2) {
      this.loadSheet(name, rows, meta, table);
      return;
    }
    this.loadSheet(name, rows.slice(0, 1), meta, table);
    this.pending = { sheet: name, rows: contents, next: 1, width: Math.max(...contents.map((r) => r.length)) };
  }

  /** True while rows of a deferred sheet are not in HyperFormula yet. */
  get computing(): boolean {
    return this.pending !== null;
  }

  /**
   * Moves a deferred sheet's rows into HyperFormula, chunk by chunk, letting the browser paint and
   * take input between chunks; resolves with the milliseconds HyperFormula spent. Reading the
   * workbook meanwhile is fine; editing it first moves the rest over at once.
   */
  async computeInBackground(chunkRows = 2000): Promise<{ ms: number }> {
    let ms = 0;
    while (this.pending) {
      const p = this.pending;
      const t0 = performance.now();
      const end = Math.min(p.rows.length, p.next + chunkRows);
      this.hf.setCellContents({ sheet: this.sheetId(p.sheet) as number, row: p.next, col: 0 }, p.rows.slice(p.next, end));
      p.next = end;
      if (end >= p.rows.length) this.pending = null;
      ms += performance.now() - t0;
      this.emitView();
      if (this.pending) await new Promise<void>((resolve) => setTimeout(resolve, 0));
    }
    return { ms };
  }

  /** Moves every deferred row into HyperFormula now (before an edit, or before reading hf directly). */
  settle(): void {
    const p = this.pending;
    if (!p) return;
    this.pending = null;
    if (p.next < p.rows.length) this.hf.setCellContents({ sheet: this.sheetId(p.sheet) as number, row: p.next, col: 0 }, p.rows.slice(p.next));
  }

  /** The deferred rows of a sheet from `row` on, or null when HyperFormula holds that row. */
  private pendingAt(sheet: string, row: number): PendingRows | null {
    const p = this.pending;
    return p && p.sheet === sheet && row >= p.next ? p : null;
  }

  /** A deferred cell's value as HyperFormula will export it (formulas: not computed yet). */
  private pendingValue(raw: RawCellContent | undefined): string | number | boolean | null {
    if (raw === null || raw === undefined) return null;
    if (typeof raw === "number") return this.hf.getConfig().smartRounding ? roundLikeHf(raw, this.hf.getConfig().precisionRounding) : raw;
    if (typeof raw === "string") return raw.startsWith("=") ? null : raw.startsWith("'") ? raw.slice(1) : raw;
    return raw as boolean;
  }

  /** Values of a block of a sheet, deferred rows included (what getRangeValues gives, as plain values). */
  private blockValues(sheet: string, top: number, left: number, bottom: number, right: number): unknown[][] {
    const id = this.sheetId(sheet) as number;
    const p = this.pending && this.pending.sheet === sheet ? this.pending : null;
    const hfBottom = p ? Math.min(bottom, p.next - 1) : bottom;
    const out: unknown[][] = hfBottom >= top ? this.hf.getRangeValues({ start: { sheet: id, row: top, col: left }, end: { sheet: id, row: hfBottom, col: right } }).map((r) => r.map((v) => this.plain(v))) : [];
    if (p) {
      const round = this.hf.getConfig().smartRounding ? this.hf.getConfig().precisionRounding : null;
      for (let r = Math.max(top, p.next); r <= bottom; r++) {
        const src = p.rows[r] ?? [];
        const row: unknown[] = new Array(right - left + 1);
        for (let c = left; c <= right; c++) {
          const raw = src[c];
          // pendingValue, inlined: this loop reads every cell of a 100,000-row register.
          row[c - left] =
            raw === null || raw === undefined
              ? null
              : typeof raw === "number"
                ? round === null
                  ? raw
                  : roundLikeHf(raw, round)
                : typeof raw === "string"
                  ? raw.charCodeAt(0) === 61
                    ? null
                    : raw.charCodeAt(0) === 39
                      ? raw.slice(1)
                      : raw
                  : raw;
        }
        out.push(row);
      }
    }
    return out;
  }

  sheetMeta(sheet: string): SheetMeta {
    return this.meta.get(sheet) ?? emptyMeta();
  }

  sheetSize(sheet: string): { rows: number; cols: number } {
    const id = this.sheetId(sheet);
    if (id === undefined) return { rows: 0, cols: 0 };
    const d = this.hf.getSheetDimensions(id);
    const p = this.pending?.sheet === sheet ? this.pending : null;
    return p ? { rows: Math.max(d.height, p.rows.length), cols: Math.max(d.width, p.width) } : { rows: d.height, cols: d.width };
  }

  cell(sheet: string, row: number, col: number): CellView {
    const id = this.sheetId(sheet);
    if (id === undefined) return { value: null, error: null };
    const p = this.pendingAt(sheet, row);
    if (p) return { value: this.pendingValue(p.rows[row]?.[col]), error: null };
    const v = this.hf.getCellValue({ sheet: id, row, col });
    if (v instanceof DetailedCellError) return { value: null, error: { code: v.value, message: v.message } };
    return { value: v as string | number | boolean | null, error: null };
  }

  /** What the formula bar shows: the formula, or the value as typed. */
  cellInput(sheet: string, row: number, col: number): string {
    const id = this.sheetId(sheet);
    if (id === undefined) return "";
    const p = this.pendingAt(sheet, row);
    if (p) {
      const raw = p.rows[row]?.[col];
      return raw === null || raw === undefined ? "" : String(raw).replace(/^'/, "");
    }
    const f = this.hf.getCellFormula({ sheet: id, row, col });
    if (f !== undefined) return f;
    const v = this.hf.getCellSerialized({ sheet: id, row, col });
    return v === null || v === undefined ? "" : String(v).replace(/^'/, "");
  }

  numberFormat(sheet: string, row: number, col: number): string | null {
    const m = this.meta.get(sheet);
    const f = m?.numberFormats.find((n) => inside(n.range, row, col));
    return f?.format ?? null;
  }

  validation(sheet: string, row: number, col: number): Validation | null {
    const m = this.meta.get(sheet);
    return m?.validations.find((v) => inside(v.range, row, col))?.rule ?? this.tableValidation(sheet, row, col);
  }

  /** A table's drop-downs apply to its new rows too, as an Excel table extends them. */
  private tableValidation(sheet: string, row: number, col: number): Validation | null {
    const m = this.meta.get(sheet);
    const t = [...this.tables.values()].find((x) => x.sheet === sheet && col >= x.left && col <= x.right && row > x.top);
    if (!m || !t) return null;
    return m.validations.find((v) => col >= v.range.left && col <= v.range.right && v.range.top === t.top + 1)?.rule ?? null;
  }

  fill(sheet: string, row: number, col: number): string | null {
    return this.meta.get(sheet)?.fills.find((f) => inside(f.range, row, col))?.color ?? null;
  }

  isBold(sheet: string, row: number, col: number): boolean {
    return this.meta.get(sheet)?.bold.some((r) => inside(r, row, col)) ?? false;
  }

  /** Sets a cell as a user types it: "=…" a formula, a number, or text (text-formatted cells stay text). */
  setCellInput(sheet: string, row: number, col: number, input: string): void {
    const id = this.sheetId(sheet);
    if (id === undefined) return;
    let content: RawCellContent = input;
    if (input === "") content = null;
    else if (this.numberFormat(sheet, row, col) === "@" && !input.startsWith("=")) content = `'${input}`;
    if (this.pending?.sheet === sheet) this.settle();
    this.hf.setCellContents({ sheet: id, row, col }, [[content]]);
    this.emitChange(sheet);
  }

  setActiveSheet(sheet: string): void {
    this.activeSheet = sheet;
    this.selection = { sheet, cells: ["A1"] };
    this.emitView();
  }

  setSelection(sel: Selection): void {
    this.selection = sel;
    this.emitView();
  }

  onView(listener: () => void): () => void {
    this.viewListeners.add(listener);
    return () => this.viewListeners.delete(listener);
  }

  // ---- internals ----

  private sheetId(name: string): number | undefined {
    return this.hf.getSheetId(name);
  }

  private cellContent(c: SpecCell): RawCellContent {
    if (c === null) return null;
    if (typeof c === "object") return c.formula.a1;
    // A spec's text is text: quoted, HyperFormula keeps it as given (no number, date, TRUE or #N/A
    // read into it), and a deferred row can be read without HyperFormula (pendingValue).
    if (typeof c === "string") return `'${c}`;
    return c;
  }

  private emitChange(sheet: string): void {
    for (const l of this.changeListeners) l({ sheet });
    this.emitView();
  }

  private emitView(): void {
    for (const l of this.viewListeners) l();
  }

  private plain(v: unknown): unknown {
    if (v instanceof DetailedCellError) return v.value;
    return v;
  }

  private rowValues(sheet: string, row: number, left: number, right: number): unknown[] {
    return this.blockValues(sheet, row, left, row, right)[0] ?? [];
  }

  /** A table here: a header row whose body runs to the sheet's last used row. */
  private tableBounds(t: Table): TableBounds {
    return { name: t.name, sheet: t.sheet, top: t.top, left: t.left, bottom: Math.max(t.top, this.sheetSize(t.sheet).rows - 1), right: t.right, headers: this.rowValues(t.sheet, t.top, t.left, t.right) };
  }
}

/** Text cells as HyperFormula keeps them ("'" first, so "=…" and numbers stay text). */
function textCells(rows: string[][]): Array<Array<string | null>> {
  return rows.map((r) => r.map((c) => (c === "" ? null : `'${c}`)));
}
