/**
 * Make portable and restore, written once over a host's cell verbs (cells.ts); the planning is
 * src/portable/grid.ts. The record goes in before any formula changes, so a run that stops half
 * way (a closed workbook, a refused request) leaves a workbook that restore brings back.
 */
import type { CellHost } from "./cells";
import type { PortableReport } from "../portable/record";
import type { GridNow, GridRestoreReport, GridSheet } from "../portable/grid";
import { a1 } from "../engine/register";

/** The portable code (translator, policy tables) loads when an action runs, not with the pane. */
const portableModules = () => Promise.all([import("../portable/grid"), import("../portable/record"), import("../portable/native")]);

/** Column widths of the note sheet, in characters. */
const NOTE_WIDTHS = [18, 14, 14, 90];

/**
 * Every JY.REWARD / JY.FUNDING cell gets a native formula, JY.DETAIL / JY.CHECK cells keep their
 * values; the originals go to the very hidden record sheet, with the note sheet and the _JY_* names.
 * Nothing happens when the workbook already has a record.
 */
export async function makePortable(host: CellHost): Promise<PortableReport> {
  const [{ findJyCells, planPortable }, { NOTE_SHEET, RECORD_SHEET }] = await portableModules();
  const names = await host.sheetNames();
  if (names.includes(RECORD_SHEET)) return { converted: [], skipped: [], alreadyPortable: true };
  const grid = await host.readUsedCells(names);
  const cells = findJyCells(grid);
  const extents = await host.spillExtents(cells.filter((c) => c.maySpill));
  const tables = await host.tables();
  const tableAt = (sheet: string, row: number, col: number) =>
    tables.find((t) => t.sheet === sheet && row > t.top && row <= t.bottom && col >= t.left && col <= t.right)?.name ?? null;
  const plan = planPortable(grid, cells, (c) => extents.get(c) ?? null, tableAt);
  if (plan.writes.length === 0) return plan.report;
  // Record first, then the names the native formulas use, then the formulas themselves.
  await host.addTextSheet(RECORD_SHEET, plan.record, { veryHidden: true, widths: [] });
  await host.addTextSheet(NOTE_SHEET, plan.note, { veryHidden: false, widths: NOTE_WIDTHS });
  await host.addNames(plan.names);
  await host.writeCells(plan.writes);
  return plan.report;
}

/**
 * Every recorded cell's original formula back; then the record, the note and the _JY_* names go.
 * Each entry is checked first against the cell it names as it is now (src/portable/verify.ts, the
 * checks `jyreward restore` makes): a damaged record restores nothing and stays as it is; an entry
 * whose cell was edited since, or whose sheet is gone, is refused and listed, and the record is
 * rewritten with only those entries (the note and names stay), so a later restore can finish.
 * Cells found moved (rows or columns inserted since) are restored where they are now.
 */
export async function restorePortable(host: CellHost): Promise<GridRestoreReport> {
  const [{ planRestore }, { NOTE_SHEET, RECORD_SHEET }, { DEFINED_NAME_SET }] = await portableModules();
  const record = await host.readSheetValues(RECORD_SHEET);
  if (!record || record.length === 0) return { restored: [], missing: [], wasPortable: false };
  const sheetNames = await host.sheetNames();
  const now = await host.readUsedCells(sheetNames.filter((n) => n !== RECORD_SHEET && n !== NOTE_SHEET));
  const spell = host.portableSpelling ? await host.portableSpelling() : undefined;
  const plan = planRestore(record, sheetNames, cellsNow(now, spell));
  if (plan.report.damaged?.length) return plan.report;
  await host.writeCells(plan.writes);
  if (plan.keep) {
    // Written after the cells: a run stopped in between leaves every entry still in the record.
    await host.replaceTextSheet(RECORD_SHEET, plan.keep);
    return plan.report;
  }
  // The record goes last: a restore stopped before this point can simply be run again.
  await host.removeNames(new Set([...DEFINED_NAME_SET, ...plan.names]));
  await host.deleteSheets([NOTE_SHEET, RECORD_SHEET].filter((n) => sheetNames.includes(n)));
  return plan.report;
}

/** The sheets' used cells as restore's checks read them: formulas by A1, values by row and column. */
function cellsNow(sheets: GridSheet[], spell?: (formula: string) => string): GridNow {
  const byName = new Map(sheets.map((s) => [s.name, s]));
  const formulas = new Map<string, Map<string, string>>();
  return {
    formulas: (name) => {
      const sheet = byName.get(name);
      if (!sheet) return undefined;
      let out = formulas.get(name);
      if (!out) {
        out = new Map();
        for (const [r, row] of sheet.formulas.entries()) {
          if (!row) continue;
          for (const [c, f] of row.entries()) if (typeof f === "string" && f.startsWith("=")) out.set(a1(sheet.top + r, sheet.left + c), f);
        }
        formulas.set(name, out);
      }
      return out;
    },
    value: (name, row, col) => {
      const sheet = byName.get(name);
      return sheet ? (sheet.values[row - sheet.top]?.[col - sheet.left] ?? null) : null;
    },
    spell,
  };
}
