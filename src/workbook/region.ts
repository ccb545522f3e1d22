/** Finding a register inside a block of cells: the most register-like of its first rows is the header. */
import { columnLetters, registerScore } from "../engine/register";
import type { RegisterRead } from "./port";

/** How many leading rows may hold a title above the header. */
const HEADER_SEARCH_ROWS = 5;
/** A header row must show sector and both years' sales (3 points each). */
export const MIN_REGISTER_SCORE = 9;

/** Splits a region's values (top-left at 0-based top/left) into header and rows; null if no header. */
export function splitRegionValues(values: unknown[][], top: number, left: number, sheet: string): RegisterRead | null {
  let best = -1;
  let bestScore = 0;
  for (let i = 0; i < Math.min(HEADER_SEARCH_ROWS, values.length); i++) {
    const s = registerScore(values[i]);
    if (s > bestScore) {
      best = i;
      bestScore = s;
    }
  }
  if (best < 0 || bestScore < MIN_REGISTER_SCORE) return null;
  return {
    sheet,
    table: null,
    anchor: `${columnLetters(left)}${top + best + 1}`,
    top: top + best,
    left,
    headers: values[best],
    rows: values.slice(best + 1),
  };
}
