import { headerUnit, mapColumns, missingColumns, saveMapping } from "../../src/engine/register";

describe("column mapping by header", () => {
  test("Chinese headers as a town writes them", () => {
    const m = mapColumns(["序号", "企业名称", "统一社会信用代码", "所在镇街", "行业", "退出年度", "第一年销售额（万元）", "第二年销售额（万元）", "标记", "是否停产", "设备拆除", "验收情况", "奖励金额", "市财政", "镇财政", "园区财政"]);
    expect(m.columns).toEqual({ name: 1, uscc: 2, place: 3, sector: 4, exitYear: 5, sales1: 6, sales2: 7, flags: 8, stopped: 9, dismantled: 10, accepted: 11, reward: 12, city: 13, town: 14, park: 15 });
    expect(m.unit).toBe("万元");
    expect(missingColumns(m)).toEqual([]);
  });

  test("English headers, any case and spacing", () => {
    const m = mapColumns(["Enterprise Name", "USCC", "Town / Park", "Industry Code", "Exit year", "Sales 1", "SALES 2", "Flags", "Production stopped", "Equipment dismantled", "Acceptance passed", "Town finance"]);
    expect(m.columns).toMatchObject({ name: 0, uscc: 1, place: 2, sector: 3, exitYear: 4, sales1: 5, sales2: 6, flags: 7, stopped: 8, dismantled: 9, accepted: 10, town: 11 });
    expect(m.unit).toBe("元");
  });

  test("two sales columns labelled by year: the earlier is year 1", () => {
    const m = mapColumns(["企业名称", "行业", "2024年销售额（元）", "2023年销售额（元）"]);
    expect(m.columns.sales1).toBe(3);
    expect(m.columns.sales2).toBe(2);
  });

  test("a distinctive header inside a longer one is found", () => {
    const m = mapColumns(["企业名称（全称）", "所属行业（化工/铸造）", "第一年销售额", "第二年销售额"]);
    expect(m.columns).toMatchObject({ name: 0, sector: 1, sales1: 2, sales2: 3 });
  });

  test("a saved mapping wins, by header text, wherever that column moved", () => {
    const headers = ["企业", "类别", "甲年", "乙年"];
    expect(missingColumns(mapColumns(headers))).toEqual(["sector", "sales1", "sales2"]);
    const saved = { columns: { sector: "类别", sales1: "甲年", sales2: "乙年" }, unit: "万元" as const };
    const moved = ["乙年", "备用", "企业", "甲年", "类别"];
    const m = mapColumns(moved, saved);
    expect(m.columns).toMatchObject({ sector: 4, sales1: 3, sales2: 0, name: 2 });
    expect(m.unit).toBe("万元");
    expect(saveMapping(m, moved).columns).toMatchObject(saved.columns);
  });

  test("the unit a header states", () => {
    expect(headerUnit("销售额（万元）")).toBe("万元");
    expect(headerUnit("销售额(元)")).toBe("元");
    expect(headerUnit("Sales (10k yuan)")).toBe("万元");
    expect(headerUnit("销售额")).toBeNull();
  });
});
