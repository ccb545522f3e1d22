import fc from "fast-check";
import { assessInput, FINDINGS, type FindingCode } from "../../src/engine";
import { RegisterScanner, scanRegister } from "../../src/engine/register";

const HEADERS = ["企业名称", "统一社会信用代码", "镇街园区", "行业", "退出年度", "第一年销售额", "第二年销售额", "标记"];
/** Findings about a register row as a whole, which assess does not raise (INVALID_INPUT is both). */
const REGISTER_ONLY = new Set((Object.keys(FINDINGS) as FindingCode[]).filter((code) => FINDINGS[code].raisedBy === "register"));

const claimRow = fc.record({
  place: fc.constantFrom("", "华士镇", "周庄", "高新区", "临港"),
  sector: fc.constantFrom("化工", "铸造", "2614", "3391", "热电", "印染", "其它"),
  sales1: fc.oneof(fc.integer({ min: 0, max: 3_000_000_000 }), fc.constant(0), fc.integer({ min: 0, max: 9_999_999_999 }).map((n) => n / 100)),
  sales2: fc.oneof(fc.integer({ min: 0, max: 3_000_000_000 }), fc.constant(0)),
  flags: fc.constantFrom("", "铝加工", "沿江", "产能置换", "搬迁入园", "地条钢", "违规新增", "铝加工、沿江"),
});

describe("the register scan", () => {
  test("it reports exactly the engine's findings and money, row by row", () => {
    fc.assert(
      fc.property(fc.array(claimRow, { minLength: 1, maxLength: 30 }), (claims) => {
        const rows = claims.map((c, i) => [`企业${i}`, "", c.place, c.sector, 2025, c.sales1, c.sales2, c.flags]);
        const scan = scanRegister({ headers: HEADERS, rows, today: "2025-06-01" });
        let reward = 0;
        claims.forEach((c, i) => {
          const r = assessInput({ sector: c.sector, sales1: c.sales1, sales2: c.sales2, flags: c.flags, place: c.place });
          const expected = r.ok ? r.assessment.findings.map((f) => f.code) : ["INVALID_INPUT"];
          if (r.ok) reward += r.assessment.amounts.reward;
          const got = scan.findings.filter((f) => f.row === i + 2 && (!REGISTER_ONLY.has(f.code) || f.code === "INVALID_INPUT")).map((f) => f.code);
          expect(got.sort()).toEqual(expected.sort());
        });
        expect(scan.totals.reward).toBe(reward);
      }),
      { numRuns: 60 },
    );
  });

  test("scanning in slices gives what one pass gives", () => {
    const rows = Array.from({ length: 57 }, (_, i) => [`企业${i % 50}`, "", "华士镇", i % 3 === 0 ? "铸造" : "化工", 2025, 1000000 * (i + 1), 900000 * (i + 1), i % 7 === 0 ? "沿江" : ""]);
    const whole = scanRegister({ headers: HEADERS, rows, today: "2025-06-01" });
    const sliced = new RegisterScanner({ headers: HEADERS, rows, today: "2025-06-01" });
    let steps = 0;
    while (!sliced.step(5)) steps++;
    expect(steps).toBeGreaterThan(5);
    expect(sliced.result()).toEqual(whole);
  });

  test("addresses follow where the register sits on the sheet; blank rows are skipped", () => {
    const rows = [["甲化工", "", "华士镇", "化工", 2025, "abc", 1, ""], [null, "", "", "", "", "", "", ""], ["乙铸造", "", "", "铸造", 2025, 20000000, 20000000, ""]];
    const scan = scanRegister({ headers: HEADERS, rows, origin: { row: 4, col: 2 }, today: "2025-06-01" });
    expect(scan.totals.counts.rows).toBe(2);
    const bad = scan.findings.find((f) => f.code === "INVALID_INPUT");
    expect(bad).toMatchObject({ row: 6, cells: ["H6"], enterprise: "甲化工" });
    const missing = scan.findings.find((f) => f.code === "PLACE_MISSING");
    expect(missing).toMatchObject({ row: 8, cells: ["E8"] });
  });

  test("a register without the required columns reads no row, and says which are missing", () => {
    const scan = scanRegister({ headers: ["企业名称", "行业"], rows: [["甲", "化工"]] });
    expect(scan.missing).toEqual(["sales1", "sales2"]);
    expect(scan.findings).toEqual([]);
    expect(scan.totals.counts.rows).toBe(1);
  });

  test("an exit date (not just a year) is checked against 2022-10-01…2027-09-30 to the day", () => {
    const rows = [
      ["甲", "", "华士镇", "化工", "2022-09-30", 1e7, 1e7, ""],
      ["乙", "", "华士镇", "化工", "2022-10-01", 1e7, 1e7, ""],
      ["丙", "", "华士镇", "化工", "2027-10-01", 1e7, 1e7, ""],
    ];
    const scan = scanRegister({ headers: HEADERS, rows, today: "2022-10-02" });
    expect(scan.findings.filter((f) => f.code === "EXIT_YEAR_OUTSIDE").map((f) => f.row)).toEqual([2, 4]);
  });

  test("sales in 万元: a figure that looks like 元 is questioned", () => {
    const headers = ["企业名称", "行业", "第一年销售额（万元）", "第二年销售额（万元）"];
    const scan = scanRegister({ headers, rows: [["甲", "化工", 60000000, 6000]] });
    expect(scan.mapping.unit).toBe("万元");
    const f = scan.findings.filter((x) => x.code === "SALES_IMPLAUSIBLE_FOR_UNIT");
    expect(f).toHaveLength(1);
    expect(f[0].cells).toEqual(["C2"]);
  });
});
