/**
 * Interpretation decision (README): a town and a park for one foundry (华士镇 in place, 高新区 among
 * the flags, or both among the flags): the park pays all (五（二）), the town nothing, and a 需核实
 * finding says so and what to check. Never silent.
 */
import { assessInput } from "../../src/engine";
import { check, funding } from "../../src/functions/jy";

const codes = (input: Parameters<typeof assessInput>[0]) => {
  const r = assessInput(input);
  if (!r.ok) throw r.error;
  return r.assessment.findings.map((f) => [f.code, f.severity, f.clause]);
};

describe("a town and a park for one enterprise", () => {
  test.each([
    ["place 华士镇, flag 高新区", { flags: "高新区", place: "华士镇" }],
    ["flags 华士镇 高新区", { flags: "华士镇 高新区", place: null }],
    ["place 临港, flag 澄江街道", { flags: "澄江街道", place: "临港" }],
  ])("foundry, %s: the park pays all, the town nothing, a 需核实 finding", (_, where) => {
    const input = { sector: "铸造", sales1: "10000000", sales2: "10000000", ...where };
    expect(funding(input.sector, input.sales1, input.sales2, input.flags, null, input.place)).toEqual([[0, 0, 300000]]);
    expect(codes(input)).toContainEqual(["TOWN_AND_PARK", "warning", "五（二）"]);
    const zh = check("zh", input.sector, input.sales1, input.sales2, input.flags, null, input.place);
    expect(zh).toMatch(/同时写了镇街（(华士镇|澄江街道)）和园区（.+）：按园区全额承担计算，(华士镇|澄江街道)不出资；请核实企业是否位于.+内/);
    const en = check("en", input.sector, input.sales1, input.sales2, input.flags, null, input.place);
    expect(en).toMatch(/Both a town \(.+\) and a park \(.+\) are given: the park pays all/);
  });

  test("a park alone, or a town alone: no such finding", () => {
    expect(codes({ sector: "铸造", sales1: "10000000", sales2: "10000000", flags: "高新区" }).map((c) => c[0])).not.toContain("TOWN_AND_PARK");
    expect(codes({ sector: "铸造", sales1: "10000000", sales2: "10000000", place: "华士镇" }).map((c) => c[0])).not.toContain("TOWN_AND_PARK");
  });

  test("chemical with a town and a park: the city pays (五（一）), said by its own finding", () => {
    const c = codes({ sector: "化工", sales1: "10000000", sales2: "10000000", flags: "高新区", place: "华士镇" }).map((x) => x[0]);
    expect(c).toContain("ZONE_CITY_PAYS_CHEMICAL");
    expect(c).not.toContain("TOWN_AND_PARK");
  });
});
