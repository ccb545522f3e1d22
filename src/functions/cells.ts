/**
 * Cell values as Excel's custom-function runtime hands them over, made plain before jy.ts reads
 * them. Two of Excel's habits (office-js #4702, #5262): some desktop builds pass a blank cell to an
 * `any` parameter as 0 — alone or inside a range — where Excel on the web passes null; and a cell
 * holding a data type (an entity, a linked type, a formatted number) may arrive as an object.
 */

/** A data type's basic value (what the cell shows as text or number); other values as they are. */
export function basicValue(v: unknown): unknown {
  if (v === null || typeof v !== "object" || Array.isArray(v)) return v;
  const o = v as { type?: unknown; basicValue?: unknown };
  // Error values ({ type: "Error", … }) stay objects: jy.ts refuses them with the error's code.
  if (o.type === "Error" || !("basicValue" in o)) return v;
  return o.basicValue;
}

/**
 * Where a blank is legal (flags, unit, place), a 0 is a blank cell from a build that passes blanks
 * as 0: none of these reads a number, so no real value is lost. (A 0 sector is an error either way;
 * as a blank its message names the empty cell.) Sales never go through here: a blank sales cell must
 * stay an error, and a 0 there is a real 0 (JY.CHECK says so).
 */
export function blankable(v: unknown): unknown {
  const b = basicValue(v);
  return b === 0 ? null : b;
}

/** flags: a range (rows of cells) or one value; each cell as blankable. */
export function blankableCells(v: unknown): unknown {
  if (!Array.isArray(v)) return blankable(v);
  return v.map((row) => (Array.isArray(row) ? row.map(blankable) : blankable(row)));
}
