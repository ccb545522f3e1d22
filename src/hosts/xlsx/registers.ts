/**
 * The registers in a spreadsheet file: each visible sheet's register as the shared reader locates
 * it (src/engine/register/locate.ts), scanned. One place for `jyreward audit`, `jyreward merge` and
 * the pane's 合并各镇报表; the make-portable record and note sheets are not registers.
 */
import { locateRegister, scanRegister, type LocatedRegister, type RegisterScan, type SkippedRow } from "../../engine/register";
import type { SourceRegister } from "../../engine/city";
import { callsJy } from "../../portable/formula";
import { NOTE_SHEET, RECORD_SHEET } from "../../portable/record";
import type { SpreadsheetFile } from "./read";

export interface SheetRegister {
  sheet: string;
  anchor: string;
  /** The register as the shared reader located it. */
  read: LocatedRegister;
  /** Rows read as no enterprise (titles, 合计, footers, blank, 序号 only). */
  skipped: SkippedRow[];
  scan: RegisterScan;
  jyFormulas: number;
  savedAsXldudf: number;
}

export function registersIn(book: SpreadsheetFile, today?: string): { portable: boolean; registers: SheetRegister[] } {
  const registers: SheetRegister[] = [];
  for (const ws of book.sheets) {
    if (ws.name === RECORD_SHEET || ws.name === NOTE_SHEET || ws.state === "veryHidden") continue;
    let jyFormulas = 0;
    let savedAsXldudf = 0;
    for (const formula of ws.formulas.values()) {
      if (callsJy(formula)) {
        jyFormulas++;
        if (/_xldudf_JY_/i.test(formula)) savedAsXldudf++;
      }
    }
    const read = locateRegister(ws.values, 0, 0, ws.merges);
    if (!read) continue;
    const scan = scanRegister({ headers: read.headers, rows: read.rows, origin: { row: read.top, col: read.left }, unit: read.unit, today });
    registers.push({ sheet: ws.name, read, anchor: read.anchor, skipped: read.skipped, scan, jyFormulas, savedAsXldudf });
  }
  return { portable: book.sheets.some((w) => w.name === RECORD_SHEET), registers };
}

/** A file's registers as the city consolidation takes them (src/engine/city). */
export function sourceRegisters(file: string, registers: SheetRegister[]): SourceRegister[] {
  return registers.map((r) => ({ file, sheet: r.sheet, top: r.read.top, rows: r.read.rows, mapping: r.scan.mapping }));
}
