/**
 * Restore's matching (verify.locate), as properties: rows inserted anywhere above or between the
 * converted cells → every cell found at its true new place; a cell overwritten as well → that cell
 * refused, and no other cell ever sent to a wrong place.
 */
import fc from "fast-check";
import { shiftFormula } from "../../src/portable/formula";
import { locate, refOf, type Wanted } from "../../src/portable/verify";

/** A native-like formula of row r (each row's formula a shifted copy of the others). */
const native = (r: number) => `IFERROR(ROUND(MEDIAN(0,B${r},C${r})*_JY_T1,0),NA())+(A${r}="化工")`;
const city = (r: number) => `ROUND(F${r}*70/100,0)`;

function register(rows: number): Wanted[] {
  const out: Wanted[] = [];
  for (let r = 2; r < rows + 2; r++) out.push({ row: r, col: 6, formula: native(r) }, { row: r, col: 7, formula: city(r) }, { row: r, col: 10, formula: null });
  return out;
}

/** The sheet after inserting a row before each of `at` (sheet rows, applied from the bottom up). */
function afterInserts(wanted: Wanted[], at: number[]): { formulas: Map<string, string>; moved: (row: number) => number } {
  const sorted = [...at].sort((a, b) => a - b);
  const moved = (row: number) => row + sorted.filter((a) => a <= row).length;
  const formulas = new Map<string, string>();
  for (const w of wanted) {
    if (w.formula === null) continue;
    // The host shifts each reference with its row: the same as shifting the whole formula here.
    formulas.set(refOf(moved(w.row), w.col), shiftFormula(w.formula, moved(w.row) - w.row, 0));
  }
  return { formulas, moved };
}

describe("restore finds converted cells after rows were inserted", () => {
  test("rows inserted anywhere: every cell at its true place", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 6 }), (rows, at) => {
        const wanted = register(rows);
        const { formulas, moved } = afterInserts(wanted, at);
        const shifts = locate(wanted, formulas, () => true);
        wanted.forEach((w, i) => expect(shifts[i]).toEqual({ dr: moved(w.row) - w.row, dc: 0 }));
      }),
      { numRuns: 200 },
    );
  });

  test("and one cell overwritten: that cell refused, no cell sent anywhere wrong", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 30 }), fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 6 }), fc.nat(), (rows, at, pick) => {
        const wanted = register(rows);
        const { formulas, moved } = afterInserts(wanted, at);
        const victims = wanted.filter((w) => w.formula !== null);
        const victim = victims[pick % victims.length];
        formulas.delete(refOf(moved(victim.row), victim.col));
        const shifts = locate(wanted, formulas, () => true);
        wanted.forEach((w, i) => {
          const s = shifts[i];
          if (w === victim) expect(s).toBeNull();
          if (s && w.formula !== null) expect(formulas.get(refOf(w.row + s.dr, w.col + s.dc))).toBe(shiftFormula(w.formula, s.dr, s.dc));
          // Where a cell was found, it is the cell that really came from there.
          if (s) expect(s.dr).toBe(moved(w.row) - w.row);
        });
      }),
      { numRuns: 200 },
    );
  });
});
