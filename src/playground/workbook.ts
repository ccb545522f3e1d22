/**
 * The playground's workbook: HyperFormula sheets behind the same port as Excel, plus what a grid
 * needs to show them (tables, number formats, drop-downs, fills, a frozen header, a chart spec the
 * grid draws as SVG). HyperFormula has no tables or structured references, so formulas use their
 * A1 form; a table here is a header row whose body runs to the sheet's last used row.
 */
import { DetailedCellError, HyperFormula, type RawCellContent } from "hyperformula";
import { parseA1, registerScore } from "../engine/register";
import { splitRegionValues } from "../workbook/region";
import { freeSheetName, type AddedSheet, type ChangeEvent, type RegisterLocation, type RegisterRead, type SettingsStore, type WorkbookPort } from "../workbook/port";
import type { ChartSpec, SheetSpec, SpecCell, Validation } from "../workbook/sheets";
import { registerJyFunctions } from "./jyPlugin";

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

export class PlaygroundWorkbook implements WorkbookPort {
  readonly host = "playground" as const;
  readonly settings: SettingsStore = new MemorySettings();
  readonly hf: HyperFormula;
  private readonly meta = new Map<string, SheetMeta>();
  private readonly tables = new Map<string, Table>();
  private readonly changeListeners = new Set<(e: ChangeEvent) => void>();
  private readonly viewListeners = new Set<() => void>();
  private language: string;
  activeSheet = "";
  selection: Selection = { sheet: "", cells: ["A1"] };

  constructor(language = "zh-CN", maxRows = 250_000) {
    registerJyFunctions();
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

  async readRegister(hint: RegisterLocation | null): Promise<RegisterRead | null> {
    if (hint?.table && this.tables.has(hint.table)) return this.readTable(this.tables.get(hint.table) as Table);
    if (hint?.anchor && this.sheetId(hint.sheet) !== undefined) {
      const read = this.readRegion(hint.sheet);
      if (read) return read;
    }
    const scored = [...this.tables.values()]
      .map((t) => ({ t, score: registerScore(this.rowValues(t.sheet, t.top, t.left, t.right)) }))
      .sort((a, b) => b.score - a.score);
    if (scored.length > 0 && scored[0].score >= 9) return this.readTable(scored[0].t);
    return this.readRegion(this.selection.sheet || this.activeSheet);
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
    this.hf.removeSheet(id);
    this.meta.delete(name);
    for (const [k, t] of this.tables) if (t.sheet === name) this.tables.delete(k);
    if (this.activeSheet === name) {
      this.activeSheet = this.hf.getSheetNames()[0] ?? "";
      this.selection = { sheet: this.activeSheet, cells: ["A1"] };
    }
    this.emitChange(name);
  }

  // ---- what the grid and the playground page use ----

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

  sheetMeta(sheet: string): SheetMeta {
    return this.meta.get(sheet) ?? emptyMeta();
  }

  sheetSize(sheet: string): { rows: number; cols: number } {
    const id = this.sheetId(sheet);
    if (id === undefined) return { rows: 0, cols: 0 };
    const d = this.hf.getSheetDimensions(id);
    return { rows: d.height, cols: d.width };
  }

  cell(sheet: string, row: number, col: number): CellView {
    const id = this.sheetId(sheet);
    if (id === undefined) return { value: null, error: null };
    const v = this.hf.getCellValue({ sheet: id, row, col });
    if (v instanceof DetailedCellError) return { value: null, error: { code: v.value, message: v.message } };
    return { value: v as string | number | boolean | null, error: null };
  }

  /** What the formula bar shows: the formula, or the value as typed. */
  cellInput(sheet: string, row: number, col: number): string {
    const id = this.sheetId(sheet);
    if (id === undefined) return "";
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
    if (typeof c === "string" && (/^[+-]?\d/.test(c) || c.startsWith("="))) return `'${c}`;
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
    const id = this.sheetId(sheet) as number;
    const out: unknown[] = [];
    for (let c = left; c <= right; c++) out.push(this.plain(this.hf.getCellValue({ sheet: id, row, col: c })));
    return out;
  }

  private readTable(t: Table): RegisterRead {
    const id = this.sheetId(t.sheet) as number;
    const height = this.hf.getSheetDimensions(id).height;
    const values = height > t.top + 1 ? this.hf.getRangeValues({ start: { sheet: id, row: t.top + 1, col: t.left }, end: { sheet: id, row: height - 1, col: t.right } }) : [];
    return {
      sheet: t.sheet,
      table: t.name,
      anchor: null,
      top: t.top,
      left: t.left,
      headers: this.rowValues(t.sheet, t.top, t.left, t.right),
      rows: values.map((r) => r.map((v) => this.plain(v))),
    };
  }

  private readRegion(sheet: string): RegisterRead | null {
    const id = this.sheetId(sheet);
    if (id === undefined) return null;
    const values = this.hf.getSheetValues(id).map((r) => r.map((v) => this.plain(v)));
    return splitRegionValues(values, 0, 0, sheet);
  }
}


