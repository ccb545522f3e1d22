/**
 * The city consolidation's rules (四（二）, 四（三）) as case tables: when two rows are one enterprise
 * (a valid credit code, else the name where a code is missing), when a past year's row means the
 * reward was paid already; and properties over random registers: the findings across registers are
 * mutual, the totals are the sum of their payers.
 */
import fc from "fast-check";
import { consolidate, type SourceRegister } from "../../src/engine/city";
import { mapColumns } from "../../src/engine/register";
import { creditCode } from "../fixtures/city/corpus";

const HEADERS = ["企业名称", "统一社会信用代码", "镇街园区", "行业", "退出年度", "第一年销售额（元）", "第二年销售额（元）", "标记"];
type Row = [name: string, code: string | null, place: string, sector: string, year: number | null, s1: number, s2: number, flags: string];

const register = (file: string, rows: Row[]): SourceRegister => ({ file, sheet: "登记表", top: 0, rows, mapping: mapColumns(HEADERS) });
const A = creditCode(1);
const B = creditCode(2);
/** A code whose check character is wrong: not a valid code, so the name decides. */
const BAD = A.slice(0, 17) + (A[17] === "0" ? "1" : "0");
const row = (name: string, code: string | null, o: Partial<{ sector: string; flags: string; year: number | null; place: string }> = {}): Row => [
  name,
  code,
  o.place ?? "华士镇",
  o.sector ?? "化工",
  o.year === undefined ? 2025 : o.year,
  60_000_000,
  60_000_000,
  o.flags ?? "",
];

describe("one enterprise in two registers (四（二）)", () => {
  test.each<[string, Row, Row, boolean, string | null]>([
    ["the same valid code, names written differently", row("华士化工有限公司", A), row("华士化工有限责任公司", A), true, "统一社会信用代码"],
    ["the same name, one row without a code", row("华士化工有限公司", A), row("华士化工有限公司", null), true, "企业名称"],
    ["the same name in other widths and brackets", row("江阴（华士）化工厂", null), row("江阴(华士)化工厂 ", null), true, "企业名称"],
    ["the same name, a code that fails its check character", row("华士化工有限公司", BAD), row("华士化工有限公司", BAD), true, "企业名称"],
    ["the same name, two different valid codes: two enterprises", row("华士化工有限公司", A), row("华士化工有限公司", B), false, null],
    ["different names and codes", row("华士化工有限公司", A), row("周庄铸件厂", B, { sector: "铸造" }), false, null],
  ])("%s", (_case, a, b, same, by) => {
    const c = consolidate([register("华士镇.xlsx", [a]), register("周庄镇.xlsx", [b])]);
    const dup = c.findings.filter((f) => f.code === "DUPLICATE_ACROSS_REGISTERS");
    expect(dup.length).toBe(same ? 2 : 0);
    for (const f of dup) {
      expect([f.severity, f.clause]).toEqual(["warning", "四（二）"]);
      expect(f.messageZh).toContain(`${by}相同`);
      expect(f.others).toHaveLength(1);
      expect(f.others[0].file).not.toBe(f.source.file);
    }
  });

  test("a row without a code, named like two enterprises with different codes: joined to neither", () => {
    const c = consolidate([register("华士镇.xlsx", [row("华士化工有限公司", A)]), register("周庄镇.xlsx", [row("华士化工有限公司", B)]), register("月城镇.xlsx", [row("华士化工有限公司", null)])]);
    expect(c.findings).toEqual([]);
  });

  test("twice in one register is the register scan's finding, not a cross-file one", () => {
    const c = consolidate([register("华士镇.xlsx", [row("华士化工有限公司", A), row("华士化工有限公司", A)])]);
    expect(c.findings).toEqual([]);
  });
});

describe("rewarded in a past year (四（三）: once per closure)", () => {
  test.each<[string, Row, string, boolean, string]>([
    ["rewarded then, same code", row("华士化工有限公司", A, { year: 2023 }), "2023年度全市汇总.xlsx", true, "已于2023年度"],
    ["rewarded then, matched by name where the row now has no code", row("华士化工有限公司", B, { year: 2024 }), "2024年度全市汇总.xlsx", true, "已于2024年度"],
    ["no exit year in the past row: the year in the file's name", row("华士化工有限公司", A, { year: null }), "2022年汇总.xlsx", true, "已于2022年度"],
    ["excluded then (产能置换): never paid, so no hit", row("华士化工有限公司", A, { year: 2024, sector: "铸造", flags: "产能置换" }), "2024年度全市汇总.xlsx", false, ""],
    ["not covered then (热电): never paid, so no hit", row("华士化工有限公司", A, { year: 2024, sector: "热电" }), "2024年度全市汇总.xlsx", false, ""],
    ["the same name with another valid code: another enterprise", row("华士化工有限公司", B, { year: 2024 }), "2024年度全市汇总.xlsx", false, ""],
  ])("%s", (_case, past, file, hit, says) => {
    const now = _case.includes("no code") ? row("华士化工有限公司", null) : row("华士化工有限公司", A);
    const c = consolidate([register("华士镇.xlsx", [now])], [register(file, [past])]);
    const hits = c.findings.filter((f) => f.code === "REWARDED_BEFORE");
    expect(hits.length).toBe(hit ? 1 : 0);
    if (hit) {
      expect([hits[0].severity, hits[0].clause]).toEqual(["excluded", "四（三）"]);
      expect(hits[0].messageZh).toContain(says);
      expect(hits[0].messageZh).toContain(`${file}「登记表」第 2 行`);
      expect(c.totals.rewardedBefore).toBe(1);
      expect(c.totals.rewardedBeforeFen).toBe(c.totals.reward);
    }
  });
});

describe("properties over random registers", () => {
  const names = ["甲化工", "乙铸件", "丙化工", "丁铸造", "戊热电"];
  const arbRow = fc.record({
    name: fc.constantFrom(...names),
    code: fc.constantFrom<string | null>(null, A, B, creditCode(3)),
    sector: fc.constantFrom("化工", "铸造", "热电", "3391"),
    place: fc.constantFrom("华士镇", "周庄镇", "高新区", "临港", ""),
    year: fc.constantFrom(2023, 2024, 2025),
    s1: fc.integer({ min: 0, max: 2_000_000_000 }),
    s2: fc.integer({ min: 0, max: 2_000_000_000 }),
  });
  const arbRegisters = fc.array(fc.array(arbRow, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 5 });

  test("a row flagged across registers names rows that name it back; totals are the sum of the payers", () => {
    fc.assert(
      fc.property(arbRegisters, (regs) => {
        const c = consolidate(regs.map((rows, i) => register(`镇${i}.xlsx`, rows.map((r): Row => [r.name, r.code, r.place, r.sector, r.year, r.s1, r.s2, ""]))));
        const key = (s: { file: string; row: number }) => `${s.file}|${s.row}`;
        const flagged = new Map(c.findings.filter((f) => f.code === "DUPLICATE_ACROSS_REGISTERS").map((f) => [key(f.source), f.others.map(key)]));
        for (const [here, others] of flagged) for (const o of others) expect(flagged.get(o) ?? []).toContain(here);
        const t = c.totals;
        expect(t.reward).toBe(t.city + t.town + t.park);
        expect(t.town).toBe(t.towns.reduce((s, x) => s + x.fen, 0) + t.townUnknown);
        expect(t.park).toBe(t.parks.reduce((s, x) => s + x.fen, 0));
        expect(t.byDeadline.reduce((s, d) => s + d.reward, 0)).toBe(t.reward);
      }),
      { numRuns: 300 },
    );
  });
});
