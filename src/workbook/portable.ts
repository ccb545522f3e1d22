/**
 * Make portable and restore, written once over a host's cell verbs (cells.ts); the planning is
 * src/portable/grid.ts. The record goes in before any formula changes, so a run that stops half
 * way (a closed workbook, a refused request) leaves a workbook that restore brings back.
 */
import type { CellHost } from "./cells";
import type { PortableReport } from "../portable/record";
import type { GridRestoreReport } from "../portable/grid";

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

/** Every recorded cell's original formula back; then the record, the note and the _JY_* names go. */
export async function restorePortable(host: CellHost): Promise<GridRestoreReport> {
  const [{ planRestore }, { NOTE_SHEET, RECORD_SHEET }, { DEFINED_NAME_SET }] = await portableModules();
  const record = await host.readSheetValues(RECORD_SHEET);
  if (!record || record.length === 0) return { restored: [], missing: [], wasPortable: false };
  const sheetNames = await host.sheetNames();
  const plan = planRestore(record, sheetNames);
  await host.writeCells(plan.writes);
  // The record goes last: a restore stopped before this point can simply be run again.
  await host.removeNames(DEFINED_NAME_SET);
  await host.deleteSheets([NOTE_SHEET, RECORD_SHEET].filter((n) => sheetNames.includes(n)));
  return plan.report;
}
