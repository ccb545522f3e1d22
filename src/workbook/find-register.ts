/**
 * Finding and reading the register, written once over a host's cell verbs (cells.ts): at the
 * remembered place when it is still there; else the table whose headers look most like a
 * register; else the region around the active cell (a title row above the header skipped).
 * What looks like a register is region.ts's (and the register code's) to say.
 */
import { HEADER_SEARCH_ROWS, registerScore } from "../engine/register";
import type { CellBlock, CellHost, TableBounds } from "./cells";
import type { RegisterLocation, RegisterRead } from "./port";
import { MIN_REGISTER_SCORE, splitRegionValues } from "./region";

/** The register's header and rows, or null when the workbook has none. */
export async function readRegister(host: CellHost, hint: RegisterLocation | null): Promise<RegisterRead | null> {
  if (hint?.table) {
    const t = await host.table(hint.table);
    if (t) return readTable(host, t);
  } else if (hint?.anchor) {
    const region = await host.regionAround({ sheet: hint.sheet, cell: hint.anchor });
    const read = region ? await readRegion(host, region) : null;
    if (read) return read;
  }
  const scored = (await host.tables()).map((t) => ({ t, score: registerScore(t.headers) })).sort((a, b) => b.score - a.score);
  if (scored.length > 0 && scored[0].score >= MIN_REGISTER_SCORE) return readTable(host, scored[0].t);
  const around = await host.regionAround(null);
  return around ? readRegion(host, around) : null;
}

async function readTable(host: CellHost, t: TableBounds): Promise<RegisterRead> {
  const rows = t.bottom > t.top ? await host.readValues({ sheet: t.sheet, top: t.top + 1, left: t.left, rows: t.bottom - t.top, cols: t.right - t.left + 1 }) : [];
  return { sheet: t.sheet, table: t.name, anchor: null, top: t.top, left: t.left, headers: t.headers, rows };
}

async function readRegion(host: CellHost, region: CellBlock): Promise<RegisterRead | null> {
  if (region.rows <= 0 || region.cols <= 0) return null;
  const values = await host.readValues(region);
  // Only where a header can be: a merge below it would not change how the header reads.
  const merged = await host.mergedAreas({ ...region, rows: Math.min(region.rows, HEADER_SEARCH_ROWS + 2) });
  return splitRegionValues(values, region.top, region.left, region.sheet, merged);
}
