/** A register inside a block of cells, as the port hands it to the pane: src/engine/register/locate.ts finds it. */
import { a1, headerCandidate, locateRegister, MIN_REGISTER_SCORE as MIN_SCORE, type MergedArea } from "../engine/register";
import type { RegisterRead } from "./port";

export const MIN_REGISTER_SCORE = MIN_SCORE;

/**
 * Splits a region's values (top-left at 0-based top/left) into header and rows. When no header
 * is found, the row most like one comes back with `found: false`, so the user can still map the
 * columns by hand (列对应); null only for a block with no such row.
 */
export function splitRegionValues(values: unknown[][], top: number, left: number, sheet: string, merged?: MergedArea[]): RegisterRead | null {
  const located = locateRegister(values, top, left, merged);
  if (located) {
    return {
      sheet,
      table: null,
      anchor: located.anchor,
      top: located.top,
      left,
      headers: located.headers,
      rows: located.rows,
      unit: located.unit,
      skipped: located.skipped,
      found: true,
    };
  }
  const candidate = headerCandidate(values, top);
  if (!candidate) return null;
  const i = candidate.top - top;
  return {
    sheet,
    table: null,
    anchor: a1(candidate.top, left),
    top: candidate.top,
    left,
    headers: candidate.headers,
    rows: values.slice(i + 1).map((r) => (r ? Array.from({ length: candidate.headers.length }, (_, c) => r[c] ?? null) : [])),
    unit: null,
    skipped: [],
    found: false,
  };
}
