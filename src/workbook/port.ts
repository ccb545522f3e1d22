/**
 * The one narrow port between the pane and a workbook. Excel (Office.js, excel.ts) and the
 * playground (HyperFormula) implement it; the pane knows nothing else. Writes happen only on a
 * user's click, insert new sheets only (never overwrite), and can be undone. Make portable and
 * restore are written once over the hosts' cell verbs (cells.ts, portable.ts).
 */
import type { SheetSpec } from "./sheets";
import type { SkippedRow } from "../engine/register";
import type { Unit } from "../engine/unit";
import type { PortableReport } from "../portable/record";
import type { GridRestoreReport } from "../portable/grid";

export type { PortableReport, GridRestoreReport };

/** Where the register is: a table, or a region found around a header cell. */
export interface RegisterLocation {
  sheet: string;
  /** Table name when the register is a table (Excel table / playground table). */
  table: string | null;
  /** For a region: A1 address of a cell inside it (the header row's first cell). */
  anchor: string | null;
}

/** One batched read of the register. */
export interface RegisterRead extends RegisterLocation {
  /** 0-based sheet row and column of the header row's first cell. */
  top: number;
  left: number;
  headers: unknown[];
  /** Values under the header; blanks as "" or null, errors as their code ("#N/A"). */
  rows: unknown[][];
  /** The unit a line above the header states (单位：万元). */
  unit?: Unit | null;
  /** Rows that are no enterprise (titles, 合计, footers, blank, 序号 only), blanked in `rows`. */
  skipped?: SkippedRow[];
  /**
   * false: no row looks like a register's header; `headers` is the row most like one, offered for
   * mapping by hand (a saved mapping that fits it makes it a register).
   */
  found?: boolean;
}

/** The document's own settings (Office.context.document.settings; the playground's store). */
export interface SettingsStore {
  get<T>(key: string): T | null;
  /** Sets and saves with the document. */
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
}

export interface ChangeEvent {
  sheet: string | null;
}

export interface AddedSheet {
  /** The name actually used (a free name is chosen when the wanted one exists). */
  sheet: string;
  /** Table created on it, if any. */
  table: string | null;
}

/** What a host may not be able to do (an older Excel lacks the API). */
export type HostFeature = "makePortable" | "restore" | "template" | "autoOpen";

/** Why a feature is not available, in both languages. */
export interface Unsupported {
  zh: string;
  en: string;
}

/**
 * The life of the page behind the pane, where the host has one (Excel's shared runtime: the page
 * runs while the pane is closed, and may load hidden only to compute the JY.* cells).
 */
export interface PaneLife {
  /** Calls `listener` when the pane is shown (true) or hidden (false); returns a function that stops it. */
  onVisibility(listener: (visible: boolean) => void): Promise<() => Promise<void>>;
  /** Whether the pane is shown now (the page may have loaded hidden, for the JY.* cells only). */
  visibleNow(): boolean;
  /** Whether the add-in loads, and the pane opens, when this workbook opens. Only on a user's choice. */
  setOpenWithWorkbook(on: boolean): Promise<void>;
  opensWithWorkbook(): Promise<boolean>;
  show(): Promise<void>;
}

export interface WorkbookPort {
  readonly host: "excel" | "playground";
  /** The host's display language, e.g. "zh-CN" or "en-US". */
  displayLanguage(): string;
  /** Null when the host can do `feature`; else why not. */
  unsupported(feature: HostFeature): Unsupported | null;
  /** The page's life in the host; null where the pane is the whole page (the playground). */
  readonly pane: PaneLife | null;
  /**
   * Reads the register: at `hint` when given and still there; else the table whose headers look
   * most like a register; else the region around the active cell.
   */
  readRegister(hint: RegisterLocation | null): Promise<RegisterRead | null>;
  /** Selects cells (A1 addresses) on a sheet and brings them into view. */
  select(sheet: string, cells: string[]): Promise<void>;
  /** Calls `listener` after any cell changes; returns a function that stops it. */
  onChange(listener: (e: ChangeEvent) => void): Promise<() => Promise<void> | void>;
  readonly settings: SettingsStore;
  sheetNames(): Promise<string[]>;
  /** A sheet's values from A1 to its last used cell (a past year's city register); null when there is no such sheet. */
  readSheetValues(sheet: string): Promise<unknown[][] | null>;
  /** Adds a new sheet built from a spec (tables, validation, formats, formulas, chart). */
  addSheet(spec: SheetSpec): Promise<AddedSheet>;
  /** Deletes a sheet (the pane only offers this to undo a sheet it added). */
  deleteSheet(name: string): Promise<void>;
  /**
   * Make portable (src/portable/grid.ts plans it): every JY.REWARD / JY.FUNDING cell gets a native
   * formula, JY.DETAIL / JY.CHECK cells keep their values as constants, and the originals go to the
   * very hidden record sheet, with the note sheet and the _JY_* names. Nothing happens when the
   * workbook already has a record (alreadyPortable).
   */
  makePortable(): Promise<PortableReport>;
  /** Restore: every recorded cell's original formula back; the record, note and names removed. */
  restorePortable(): Promise<GridRestoreReport>;
}

/** A name not yet taken: "资金统计", "资金统计 (2)", … */
export function freeSheetName(wanted: string, taken: string[]): string {
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  if (!lower.has(wanted.toLowerCase())) return wanted;
  for (let i = 2; ; i++) {
    const name = `${wanted} (${i})`;
    if (!lower.has(name.toLowerCase())) return name;
  }
}
