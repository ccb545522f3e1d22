/** RULES.md "Worked examples (元)", row for row, through the engine and the JY functions. */
import { assessInput, fenToUnitString } from "../../src/engine";
import { funding, reward } from "../../src/functions/jy";
import { WORKED_EXAMPLES } from "./policy-cases";

describe("RULES.md worked examples (元)", () => {
  test.each(WORKED_EXAMPLES.filter((w) => !w.governedBy))(
    "$sector $sales1 / $sales2 $flags → reward $reward: city $city, town $town, park $park ($note)",
    (w) => {
      const r = assessInput({ sector: w.sector, sales1: w.sales1, sales2: w.sales2, flags: w.flags });
      if (!r.ok) throw r.error;
      const a = r.assessment.amounts;
      expect(r.assessment.status).toBe(w.status ?? "eligible");
      expect([a.reward, a.city, a.town, a.park].map((f) => fenToUnitString(f, "元"))).toEqual([w.reward, w.city, w.town, w.park]);
      expect(reward(w.sector, w.sales1, w.sales2, w.flags)).toBe(Number(w.reward));
      expect(funding(w.sector, w.sales1, w.sales2, w.flags)).toEqual([[Number(w.city), Number(w.town), Number(w.park)]]);
    },
  );

  test.each(WORKED_EXAMPLES.filter((w) => w.governedBy))("$sector $sales1 / $sales2 → error: governed by $governedBy", (w) => {
    const r = assessInput({ sector: w.sector, sales1: w.sales1, sales2: w.sales2, flags: w.flags });
    if (!r.ok) throw r.error;
    expect(r.assessment.status).toBe("not-covered");
    expect(r.assessment.findings[0].messageZh).toContain(w.governedBy as string);
    expect(() => reward(w.sector, w.sales1, w.sales2, w.flags)).toThrow(w.governedBy as string);
  });

  test("the table has all 13 rows of RULES.md", () => {
    expect(WORKED_EXAMPLES).toHaveLength(13);
  });
});
