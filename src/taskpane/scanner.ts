/**
 * Keeps the pane's scan up to date: reads the register through the port, scans it in slices so
 * typing is never blocked, re-scans after changes (debounced) and on demand. In Excel the page
 * behind the pane runs while the pane is closed, and may load hidden only to compute the JY.*
 * cells: the scan and the change listener run only while the pane is shown. Where the register is
 * found is remembered in memory; the document's settings change only on a user's action (a saved
 * mapping keeps its register's place with it), so a workbook nobody edited is not left modified.
 */
import { mapColumns, missingColumns, RegisterScanner, skipNonEnterprises, type RegisterScan, type SavedMapping } from "../engine/register";
import type { RegisterLocation, RegisterRead, WorkbookPort } from "../workbook";

/** Document settings the pane keeps (the pane's own settings sit beside them, Settings.tsx). */
export const SETTINGS = {
  register: "jy.register",
  mapping: "jy.mapping",
} as const;

export type ScanStatus = "idle" | "scanning" | "done" | "no-register" | "error";

export interface ScanState {
  status: ScanStatus;
  scan: RegisterScan | null;
  /** Where the register is, and its headers (rows are not kept). */
  register: (Omit<RegisterRead, "rows"> & { rowCount: number; firstRow: unknown[] }) | null;
  error: string | null;
  /** When the last scan finished. */
  at: Date | null;
}

export interface ScanOptions {
  /** ISO date the deadlines are checked against (default: today). */
  today?: string;
  /** Quiet time after the last change before re-scanning. */
  debounceMs?: number;
  /** Rows scanned between two yields to the browser. */
  sliceRows?: number;
}

const yieldToBrowser = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class ScanController {
  private state: ScanState = { status: "idle", scan: null, register: null, error: null, at: null };
  private timer: ReturnType<typeof setTimeout> | null = null;
  private generation = 0;
  private unsubscribe: (() => Promise<void> | void) | null = null;
  private stopVisibility: (() => Promise<void>) | null = null;
  /** Listening and scanning (the pane is shown). */
  private active = false;
  private stopped = false;
  /** Where the register was found this session; the saved place wins when there is one. */
  private found: RegisterLocation | null = null;

  constructor(
    private readonly port: WorkbookPort,
    private readonly onState: (s: ScanState) => void,
    private readonly options: ScanOptions = {},
  ) {}

  /** Starts scanning now, or, where the host has a hidden page (Excel), when the pane is shown. */
  async start(): Promise<void> {
    const life = this.port.pane;
    if (life) {
      try {
        this.stopVisibility = await life.onVisibility((visible) => void (visible ? this.resume() : this.pause()));
        if (!life.visibleNow()) return;
      } catch {
        // No visibility events here: scan as a page that is always shown.
      }
    }
    await this.resume();
  }

  stop(): void {
    this.stopped = true;
    void this.pause();
    void this.stopVisibility?.();
    this.stopVisibility = null;
  }

  /** The pane is shown: listen to edits and scan. */
  private async resume(): Promise<void> {
    if (this.active || this.stopped) return;
    this.active = true;
    const off = await this.port.onChange(() => this.schedule());
    if (!this.active) {
      await off();
      return;
    }
    this.unsubscribe = off;
    await this.rescan();
  }

  /** The pane is hidden: no listening, no scanning, the scan in progress dropped. */
  private async pause(): Promise<void> {
    if (!this.active) return;
    this.active = false;
    this.generation++;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const off = this.unsubscribe;
    this.unsubscribe = null;
    await off?.();
  }

  /** Whether the controller is listening and scanning (the pane is shown). */
  get running(): boolean {
    return this.active;
  }

  /** A change happened: scan again once the user pauses. */
  schedule(): void {
    if (this.stopped || !this.active) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.rescan();
    }, this.options.debounceMs ?? 400);
  }

  get current(): ScanState {
    return this.state;
  }

  private set(patch: Partial<ScanState>): void {
    this.state = { ...this.state, ...patch };
    this.onState(this.state);
  }

  /** Scans now; a newer scan started meanwhile makes this one stop where it is. */
  async rescan(): Promise<void> {
    const generation = ++this.generation;
    this.set({ status: "scanning", error: null });
    try {
      const hint = this.port.settings.get<RegisterLocation>(SETTINGS.register) ?? this.found;
      let read = await this.port.readRegister(hint);
      if (generation !== this.generation) return;
      if (!read) {
        this.set({ status: "no-register", scan: null, register: null, at: new Date() });
        return;
      }
      this.found = { sheet: read.sheet, table: read.table, anchor: read.anchor };
      if (read.skipped === undefined) {
        // A table's body: its 合计 / footer / 序号-only rows are no enterprises either.
        const { rows, skipped } = skipNonEnterprises(read.rows, read.headers.length, read.top);
        read = { ...read, rows, skipped };
      }
      const saved = this.port.settings.get<SavedMapping>(SETTINGS.mapping);
      const mapping = mapColumns(read.headers, saved, read.unit);
      const { rows: _rows, ...where } = read;
      const located = { ...where, rowCount: read.rows.length, firstRow: read.rows.find((r) => r.length > 0) ?? [] };
      if (read.found === false && missingColumns(mapping).length > 0) {
        // No header found: the likeliest row is offered for 列对应 by hand.
        this.set({ status: "no-register", scan: null, register: located, at: new Date() });
        return;
      }
      const scanner = new RegisterScanner({
        headers: read.headers,
        rows: read.rows,
        origin: { row: read.top, col: read.left },
        mapping,
        today: this.options.today,
      });
      const slice = this.options.sliceRows ?? 5000;
      while (!scanner.step(slice)) {
        await yieldToBrowser();
        if (generation !== this.generation) return;
      }
      this.set({ status: "done", scan: scanner.result(), register: located, at: new Date() });
    } catch (e) {
      if (generation !== this.generation) return;
      this.set({ status: "error", error: e instanceof Error ? e.message : String(e), at: new Date() });
    }
  }

  /**
   * Keeps a corrected mapping in the document, with the place of the register it maps, and scans
   * with it; null goes back to the headers.
   */
  async saveMapping(mapping: SavedMapping | null): Promise<void> {
    if (mapping) {
      if (this.found) await this.port.settings.set(SETTINGS.register, this.found);
      await this.port.settings.set(SETTINGS.mapping, mapping);
    } else await this.port.settings.remove(SETTINGS.mapping);
    await this.rescan();
  }

  /** Forgets the register's place (e.g. after the user picked another one) and scans again. */
  async findAgain(): Promise<void> {
    this.found = null;
    await this.port.settings.remove(SETTINGS.register);
    await this.rescan();
  }
}
