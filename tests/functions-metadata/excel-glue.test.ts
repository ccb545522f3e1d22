/**
 * The Excel glue (src/functions/index.ts) as Excel's runtime sees it: the four ids associated,
 * cell values in, numbers / spills out, and every ClaimError turned into CustomFunctions.Error with
 * #VALUE! or #N/A and the message in Office's display language. All 332 cases of cases.json go
 * through it with the argument shapes Excel passes (numbers, flags as a range or a 1×1 text range).
 */
import { loadCases, type PolicyCase } from "../engine/policy-cases";
import { asPassed, BLANK } from "../workbook/fake-excel";
import { registerTemplate, templateColumnIndex } from "../../src/workbook/template";

/** Excel passes null for an omitted optional argument, which the TypeScript signatures don't say. */
type Cells = (...args: unknown[]) => any;
type Glue = Record<"rewardFn" | "fundingFn" | "detailFn" | "checkFn", Cells>;

class FakeCustomFunctionsError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
  }
}

const associate = jest.fn();
const office = { context: { displayLanguage: "zh-CN" } };
let glue: Glue;

beforeAll(() => {
  Object.assign(globalThis, {
    CustomFunctions: {
      associate,
      Error: FakeCustomFunctionsError,
      ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!" },
    },
    Office: office,
  });
  jest.isolateModules(() => {
    glue = require("../../src/functions/index");
  });
});

afterAll(() => {
  delete (globalThis as Record<string, unknown>).CustomFunctions;
  delete (globalThis as Record<string, unknown>).Office;
});

beforeEach(() => {
  office.context.displayLanguage = "zh-CN";
});

function excelError(fn: () => unknown): FakeCustomFunctionsError {
  try {
    fn();
  } catch (e) {
    if (e instanceof FakeCustomFunctionsError) return e;
    throw new Error(`expected a CustomFunctions.Error, got ${String(e)}`);
  }
  throw new Error("expected a CustomFunctions.Error, got a value");
}

test("each id of functions.json is associated with its function, once", () => {
  const calls = associate.mock.calls.map(([id, fn]) => [id, fn]);
  expect(calls).toEqual([
    ["REWARD", glue.rewardFn],
    ["FUNDING", glue.fundingFn],
    ["DETAIL", glue.detailFn],
    ["CHECK", glue.checkFn],
  ]);
});

describe("worked examples of RULES.md, as Excel passes them", () => {
  test.each([
    ["化工", 60000000, 60000000, null, 4800000],
    ["化工", 400000000, 200000000, null, 18000000],
    ["化工", 1200000000, 800000000, null, 43000000],
    ["化工", 3000000000, 1000000000, null, 50000000],
    ["化工", 300000, 500000, null, 50000],
    ["化工", 100000000.1, 100000000.1, null, 8000000.01],
    ["铸造", 12000000, 8000000, null, 300000],
    ["铸造", 10000000, 10000000, [["铝加工"]], 200000],
    ["铸造", 1666667, 1666667, null, 50000.01],
    ["铸造", 12000000, 8000000, [["产能置换"]], 0],
  ])("REWARD(%s, %d, %d, %j) = %d", (sector, s1, s2, flags, expected) => {
    expect(glue.rewardFn(sector, s1, s2, flags, null, null)).toBe(expected);
  });

  test("FUNDING is one row city / town / park; the park pays all in 高新区, given as flag or as place", () => {
    expect(glue.fundingFn("铸造", 12000000, 8000000, null, null, null)).toEqual([[210000, 90000, 0]]);
    expect(glue.fundingFn("铸造", 10000000, 10000000, [["高新区"]], null, null)).toEqual([[0, 0, 300000]]);
    expect(glue.fundingFn("铸造", 10000000, 10000000, [[null]], null, "高新区")).toEqual([[0, 0, 300000]]);
    expect(glue.fundingFn("化工", 60000000, 60000000, null, null, "高新区")).toEqual([[4800000, 0, 0]]);
  });

  test("flags as a range of several cells, blanks included", () => {
    expect(glue.rewardFn("铸造", 10000000, 10000000, [["铝加工", null], ["", "华士镇"]], null, null)).toBe(200000);
  });

  test("unit 万元: sales and result in 万元", () => {
    expect(glue.rewardFn("化工", 6000, 6000, null, "万元", null)).toBe(480);
  });
});

describe("errors become Excel error values with the message in the display language", () => {
  test("blank sales (null from an empty cell) is #VALUE! naming the argument, never 0", () => {
    const zh = excelError(() => glue.rewardFn("化工", null, 60000000, null, null, null));
    expect(zh.code).toBe("#VALUE!");
    expect(zh.message).toContain("第一年销售额");
    office.context.displayLanguage = "en-US";
    const en = excelError(() => glue.rewardFn("化工", 60000000, null, null, null, null));
    expect(en.code).toBe("#VALUE!");
    expect(en.message).toMatch(/^sales2: .*blank/);
  });

  test("an explicit 0 is a number, and CHECK warns about it", () => {
    expect(typeof glue.rewardFn("化工", 0, 0, null, null, null)).toBe("number");
    expect(glue.checkFn("化工", 0, 0, null, null, null)).not.toBe("无异常");
  });

  test("a sector this policy does not cover is #N/A naming the governing document", () => {
    for (const fn of [glue.rewardFn, glue.fundingFn, glue.detailFn]) {
      const e = excelError(() => fn("热电", 5000000, 5000000, null, null, null));
      expect(e.code).toBe("#N/A");
      expect(e.message).toContain("澄政发〔2020〕9号");
    }
    office.context.displayLanguage = "en-GB";
    expect(excelError(() => glue.rewardFn("热电", 5000000, 5000000, null, null, null)).message).toMatch(/governed by/);
  });

  test("an unknown flag in a range names its cell; a bad unit names the unit", () => {
    const flag = excelError(() => glue.rewardFn("铸造", 1, 1, [["铝加工", "不存在"]], null, null));
    expect(flag.code).toBe("#VALUE!");
    expect(flag.message).toContain("第1行第2列");
    expect(excelError(() => glue.rewardFn("铸造", 1, 1, null, "美元", null)).message).toContain("单位");
  });

  test("an error value in a cell (Excel passes an error object) is refused, not computed", () => {
    const e = excelError(() => glue.rewardFn("化工", { type: "Error", errorType: "Div0", code: "#DIV/0!" }, 1, null, null, null));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toContain("#DIV/0!");
  });
});

test("DETAIL spills two columns in the display language; CHECK says 无异常 / OK", () => {
  const zh: unknown[][] = glue.detailFn("铸造", 12000000, 8000000, null, null, null);
  expect(zh.every((row) => row.length === 2)).toBe(true);
  expect(zh.map((r) => r[0]).join()).toMatch(/市财政/);
  expect(glue.checkFn("铸造", 12000000, 8000000, null, null, null)).toBe("无异常");
  office.context.displayLanguage = "en-US";
  const en: unknown[][] = glue.detailFn("铸造", 12000000, 8000000, null, null, null);
  expect(en.map((r) => r[0]).join()).toMatch(/city finance/);
  expect(glue.checkFn("铸造", 12000000, 8000000, null, null, null)).toBe("OK");
});

describe.each([false, true])("blank cells as Excel passes them (blanks as 0: %s)", (zero) => {
  const call = (fn: Cells, ...args: unknown[]) => fn(...args.map((a) => asPassed(a, zero)));

  test("a template row with empty 标记, 镇街园区 and unit computes as with those cells filled in", () => {
    expect(call(glue.rewardFn, "化工", 60000000, 60000000, [[BLANK]], BLANK, BLANK)).toBe(4800000);
    expect(call(glue.fundingFn, "铸造", 12000000, 8000000, [[BLANK]], "元", BLANK)).toEqual([[210000, 90000, 0]]);
    expect(call(glue.checkFn, "铸造", 12000000, 8000000, [[BLANK]], BLANK, BLANK)).toBe("无异常");
    expect(call(glue.detailFn, "铸造", 12000000, 8000000, [[BLANK]], BLANK, BLANK)).toEqual(glue.detailFn("铸造", 12000000, 8000000, null, null, null));
  });

  test("blanks inside a flags range are skipped; the flags that are there still count", () => {
    expect(call(glue.rewardFn, "铸造", 10000000, 10000000, [["铝加工", BLANK], [BLANK, BLANK]], BLANK, "高新区")).toBe(200000);
    expect(call(glue.fundingFn, "铸造", 10000000, 10000000, [[BLANK, "高新区"]], BLANK, BLANK)).toEqual([[0, 0, 300000]]);
  });

  test("a blank sector is #VALUE! saying the cell is empty, however Excel passes it", () => {
    const e = excelError(() => call(glue.rewardFn, BLANK, 60000000, 60000000, [[BLANK]], BLANK, BLANK));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe(excelError(() => glue.rewardFn(null, 60000000, 60000000, null, null, null)).message);
  });

  test("a blank sales cell is never a silent 0: #VALUE! where Excel passes null, a JY.CHECK finding where it passes 0", () => {
    if (!zero) {
      expect(excelError(() => call(glue.rewardFn, "化工", BLANK, 60000000, [[BLANK]], BLANK, BLANK)).code).toBe("#VALUE!");
      expect(excelError(() => call(glue.checkFn, "化工", BLANK, 60000000, [[BLANK]], BLANK, BLANK)).code).toBe("#VALUE!");
    } else {
      expect(call(glue.checkFn, "化工", BLANK, 60000000, [[BLANK]], BLANK, BLANK)).not.toBe("无异常");
    }
  });
});

test.each(["元", "万元"] as const)("the template's example rows (%s), empty 标记 included, compute the same whether Excel passes blanks as null or as 0", (unit) => {
  const rows = registerTemplate(unit, 2025).cells.slice(1);
  const cell = (row: unknown[], key: Parameters<typeof templateColumnIndex>[0]) => {
    const v = row[templateColumnIndex(key)];
    return v === null || v === "" ? BLANK : v;
  };
  const results = rows.map((row) => {
    const args = [cell(row, "sector"), cell(row, "sales1"), cell(row, "sales2"), [[cell(row, "flags")]], unit, cell(row, "place")];
    const asNull = glue.fundingFn(...args.map((a) => asPassed(a, false)));
    expect(glue.fundingFn(...args.map((a) => asPassed(a, true)))).toEqual(asNull);
    expect(glue.checkFn(...args.map((a) => asPassed(a, true)))).toBe(glue.checkFn(...args.map((a) => asPassed(a, false))));
    return glue.rewardFn(...args.map((a) => asPassed(a, true)));
  });
  // 化工 6,000万 × 2 → 480万; 铸造 铝加工 → 20万; 3391 in 高新区 → 30万.
  const scale = unit === "元" ? 1 : 10000;
  expect(results).toEqual([4800000 / scale, 200000 / scale, 300000 / scale]);
  expect(rows.filter((r) => cell(r, "flags") === BLANK)).toHaveLength(2);
});

test("a data type in a cell (an entity, a formatted number) is read by its basic value", () => {
  const entity = { type: "Entity", text: "华士镇", basicValue: "华士镇", properties: {} };
  const money = { type: "FormattedNumber", basicValue: 60000000, numberFormat: "#,##0" };
  expect(glue.fundingFn({ type: "String", basicValue: "化工" }, money, money, null, null, entity)).toEqual(glue.fundingFn("化工", 60000000, 60000000, null, null, "华士镇"));
});

const cases: PolicyCase[] = loadCases();

test("cases.json holds the 332 cases", () => {
  expect(cases).toHaveLength(332);
});

describe.each(cases.map((c, i) => [i, c] as const))("case %i through the Excel glue", (i, c) => {
  // Excel passes numbers for numeric cells; flags alternately as a range and as one text (1×1).
  const flags = c.flags.length === 0 ? null : i % 2 === 0 ? [c.flags] : [[c.flags.join("、")]];
  const args = [c.sector, Number(c.sales1), Number(c.sales2), flags, c.unit, null] as const;
  test(`${c.sector} ${c.sales1} / ${c.sales2} ${c.flags.join(",")} ${c.unit}`, () => {
    const e = c.expect;
    if ("error" in e) {
      expect(excelError(() => glue.rewardFn(...args)).code).toBe("#N/A");
      expect(excelError(() => glue.fundingFn(...args)).code).toBe("#N/A");
      return;
    }
    expect(glue.rewardFn(...args)).toBe(Number(e.reward));
    expect(glue.fundingFn(...args)).toEqual([[Number(e.city), Number(e.town), Number(e.park)]]);
    // The same claim from a build that passes blanks as 0: a flags range with blank cells, a blank place.
    const zeros = [c.sector, Number(c.sales1), Number(c.sales2), [[...c.flags, 0], [0, 0]], c.unit, 0] as const;
    expect(glue.fundingFn(...zeros)).toEqual([[Number(e.city), Number(e.town), Number(e.park)]]);
  });
});
