/**
 * Keeps the pane's scan up to date: reads the register through the port (one batched read), scans
 * it in slices so typing is never blocked, re-scans after changes (debounced) and on demand, and
 * keeps the register's location and column mapping in the document's settings.
 */
import { mapColumns, missingColumns, RegisterScanner, skipNonEnterprises, type RegisterScan, type SavedMapping } from "../engine/register";
import type { RegisterLocation, RegisterRead, WorkbookPort } from "../workbook";

/** Document settings the pane keeps (engineer D's settings sit beside them). */
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
  private unsubscribe: (() => void) | null = null;
  private stopped = false;

  constructor(
    private readonly port: WorkbookPort,
    private readonly onState: (s: ScanState) => void,
    private readonly options: ScanOptions = {},
  ) {}

  async start(): Promise<void> {
    this.unsubscribe = await this.port.onChange(() => this.schedule());
    await this.rescan();
  }

  stop(): void {
    this.stopped = true;
    this.generation++;
    if (this.timer) clearTimeout(this.timer);
    this.unsubscribe?.();
  }

  /** A change happened: scan again once the user pauses. */
  schedule(): void {
    if (this.stopped) return;
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
      const hint = this.port.settings.get<RegisterLocation>(SETTINGS.register);
      let read = await this.port.readRegister(hint);
      if (generation !== this.generation) return;
      if (!read) {
        this.set({ status: "no-register", scan: null, register: null, at: new Date() });
        return;
      }
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
      await this.remember(read, hint);
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

  private async remember(read: RegisterRead, hint: RegisterLocation | null): Promise<void> {
    const location: RegisterLocation = { sheet: read.sheet, table: read.table, anchor: read.anchor };
    if (!hint || hint.sheet !== location.sheet || hint.table !== location.table || hint.anchor !== location.anchor) {
      await this.port.settings.set(SETTINGS.register, location);
    }
  }

  /** Keeps a corrected mapping in the document and scans with it; null goes back to the headers. */
  async saveMapping(mapping: SavedMapping | null): Promise<void> {
    if (mapping) await this.port.settings.set(SETTINGS.mapping, mapping);
    else await this.port.settings.remove(SETTINGS.mapping);
    await this.rescan();
  }

  /** Forgets the register's place (e.g. after the user picked another one) and scans again. */
  async findAgain(): Promise<void> {
    await this.port.settings.remove(SETTINGS.register);
    await this.rescan();
  }
}
