/**
 * Every case of shared/policy/cases.json through the plain entry points of the JY.* custom
 * functions (src/functions/jy.ts), as a cell would call them: REWARD is the number, FUNDING the
 * row city / town / park, DETAIL ends with the same figures, CHECK returns a text, and a sector
 * this policy does not cover raises #N/A naming the governing document.
 */
import { ClaimError } from "../../src/engine";
import { SECTORS } from "../../src/policy";
import { check, detail, funding, reward } from "../../src/functions/jy";
import { caseName, isNotCovered, loadCases, type Expected } from "../engine/policy-cases";

const cases = loadCases();

function thrown(fn: () => unknown): ClaimError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ClaimError) return e;
    throw e;
  }
  throw new Error("expected a ClaimError, got a value");
}

describe.each(cases.map((c, i) => [caseName(c, i), c] as const))("%s", (_name, c) => {
  const args = [c.sector, c.sales1, c.sales2, c.flags.length ? [c.flags] : null, c.unit] as const;

  if (isNotCovered(c)) {
    test("REWARD, FUNDING and DETAIL raise #N/A naming the governing document; CHECK says why", () => {
      const governed = Object.values(SECTORS).find((s) => s.nameZh === c.sector || s.aliases.includes(c.sector))?.governedByZh as string;
      for (const fn of [() => reward(...args), () => funding(...args), () => detail("zh", ...args)]) {
        const err = thrown(fn);
        expect(err.code).toBe("#N/A");
        expect(err.messageZh).toContain(governed);
      }
      expect(thrown(() => reward(...args)).text("en")).toMatch(/governed by/);
      expect(check("zh", ...args)).toContain(governed);
    });
    return;
  }

  const e = c.expect as Expected;
  test(`REWARD ${e.reward}, FUNDING ${e.city} / ${e.town} / ${e.park}`, () => {
    expect(reward(...args)).toBe(Number(e.reward));
    expect(funding(...args)).toEqual([[Number(e.city), Number(e.town), Number(e.park)]]);
  });

  test("DETAIL ends with the same figures; CHECK returns a text", () => {
    const zh = detail("zh", ...args);
    const en = detail("en", ...args);
    expect(zh.length).toBe(en.length);
    if (e.status === "eligible") {
      expect(zh.slice(-4).map((row) => row[1])).toEqual([Number(e.reward), Number(e.city), Number(e.town), Number(e.park)]);
      expect(String(zh[zh.length - 4][0])).toContain("奖励金额");
      expect(String(en[en.length - 1][0])).toContain("park");
    } else {
      expect(zh[zh.length - 1]).toEqual(["状态【五（五）】", "不列入奖补范围"]);
    }
    for (const lang of ["zh", "en"] as const) {
      const text = check(lang, ...args);
      expect(typeof text).toBe("string");
      expect(text.length).toBeGreaterThan(0);
      if (e.status === "excluded") expect(text).toContain(lang === "zh" ? "五（五）" : "Art. 5(5)");
    }
  });
});
