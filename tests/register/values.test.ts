import { readExitWhen, readYesNo, deadlinesFor } from "../../src/engine/register";

describe("status cells", () => {
  test.each([
    ["是", "yes"], ["已停产", "yes"], ["√", "yes"], [true, "yes"], ["2025-06-30", "yes"], [45838, "yes"], ["YES", "yes"],
    ["否", "no"], ["未验收", "no"], [false, "no"], [0, "no"], ["×", "no"],
    ["", "blank"], [null, "blank"], ["  ", "blank"],
    ["待定", "unreadable"], [123, "unreadable"],
  ])("%p → %s", (value, expected) => {
    expect(readYesNo(value)).toBe(expected);
  });
});

describe("exit year cells", () => {
  test.each([
    [2024, { year: 2024, date: null, month: null }],
    ["2025年", { year: 2025, date: null, month: null }],
    ["2022-09-30", { year: 2022, date: "2022-09-30", month: 9 }],
    ["2023年5月", { year: 2023, date: null, month: 5 }],
    [45000, { year: 2023, date: "2023-03-15", month: 3 }],
    ["", "blank"],
    ["去年", "unreadable"],
    [12, "unreadable"],
  ])("%p", (value, expected) => {
    expect(readExitWhen(value)).toEqual(expected);
  });
});

describe("deadlines, 四（一）（三）", () => {
  test("plan 4/30, acceptance 11/30, payment 10/31 of the next year", () => {
    const d = deadlinesFor(2025, "2025-05-01");
    expect(d.map((x) => [x.key, x.date, x.clause, x.passed])).toEqual([
      ["plan", "2025-04-30", "四（一）", true],
      ["acceptance", "2025-11-30", "四（三）", false],
      ["payment", "2026-10-31", "四（三）", false],
    ]);
  });
  test("the last day itself is not late", () => {
    expect(deadlinesFor(2025, "2025-11-30")[1].passed).toBe(false);
    expect(deadlinesFor(2025, "2025-12-01")[1].passed).toBe(true);
  });
});
