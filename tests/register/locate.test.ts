/**
 * Finding the register in a block of cells (src/engine/register/locate.ts), case by case: title and
 * unit lines, one- and two-row headers (with and without the merged areas known), rows that are no
 * enterprise, and the row offered for 列对应 when no header is found. Then a property: whatever
 * title lines, blank rows, 合计 rows and footers are put around a register, the same enterprises
 * are read, at the same sheet rows.
 */
import fc from "fast-check";
import { headerCandidate, joinHeaderRows, locateRegister, mapColumns, skipReason } from "../../src/engine/register";

const HEADER = ["序号", "企业名称", "镇街园区", "行业", "第一年销售额（元）", "第二年销售额（元）", "标记"];
const ROWS = [
  [1, "甲化工", "华士镇", "化工", 60000000, 60000000, null],
  [2, "乙铸造", "周庄镇", "铸造", 12000000, 8000000, "铝加工"],
  [3, "丙铸件", "高新区", "3391", 10000000, 10000000, null],
];

describe("rows that are no enterprise", () => {
  test.each([
    [["合计", null, null, null, 1, 2], "total"],
    [["合 计"], "total"],
    [[null, "小计"], "total"],
    [["总计：", null, 3], "total"],
    [["本页合计"], "total"],
    [["小计（华士镇）"], "total"],
    [["华士镇小计"], "total"],
    [["全镇合计", null, null, null, 5, 5], "total"],
    [["填表人：张三", null, "联系电话：86001234"], "footer"],
    [["审核人:"], "footer"],
    [["负责人 王五"], "footer"],
    [["注：销售额不含税"], "footer"],
    [[null, null, null], "blank"],
    [["  "], "blank"],
    [[7], "serial-only"],
    [["12"], "serial-only"],
    [[1, "甲化工", "华士镇", "化工", 1, 2], null],
    [[null, "合计化工厂", "华士镇", "化工", 1, 2], null],
    [[2024], "serial-only"],
  ] as Array<[unknown[], string | null]>)("%j → %s", (row, reason) => {
    expect(skipReason(row, 7)).toBe(reason);
  });
});

describe("headers", () => {
  test("one row under a title, 填报单位 and a unit line: the unit line sets the unit", () => {
    const values = [["2025年落后产能退出企业登记表"], ["填报单位：华士镇", null, null, null, "单位：万元"], HEADER.map((h) => h.replace("（元）", "")), ...ROWS];
    const r = locateRegister(values, 0, 0)!;
    expect([r.anchor, r.top, r.headerTop, r.unit]).toEqual(["A3", 2, 2, "万元"]);
    expect(r.rows).toHaveLength(3);
    expect(r.skipped.map((s) => [s.row, s.reason])).toEqual([[1, "title"], [2, "title"]]);
    expect(mapColumns(r.headers, null, r.unit).unit).toBe("万元");
  });

  test("a header's own unit wins over a unit line", () => {
    const values = [["单位：万元"], HEADER, ...ROWS];
    const r = locateRegister(values, 0, 0)!;
    expect(mapColumns(r.headers, null, r.unit).unit).toBe("元");
  });

  test.each([
    ["merged areas known", [{ top: 1, left: 4, bottom: 1, right: 5 }]],
    ["values only (Office.js: a merge's value in its first cell)", []],
  ])("two rows, group over years: %s", (_, merged) => {
    const values = [
      ["登记表"],
      ["序号", "企业名称", "所在镇街", "行业", "销售收入（万元）", null, "标记"],
      [null, null, null, null, "2023年", "2024年", null],
      ...ROWS,
    ];
    const r = locateRegister(values, 0, 0, merged)!;
    expect(r.headers).toEqual(["序号", "企业名称", "所在镇街", "行业", "销售收入(万元)/2023年", "销售收入(万元)/2024年", "标记"]);
    expect([r.anchor, r.top, r.headerTop]).toEqual(["A2", 2, 1]);
    const m = mapColumns(r.headers);
    expect([m.columns.sales1, m.columns.sales2, m.unit]).toEqual([4, 5, "万元"]);
  });

  test("two rows, group over 第一年 / 第二年", () => {
    expect(joinHeaderRows(["行业", "开票销售额", null, "标记"], [null, "第一年", "第二年", null], 4)).toEqual(["行业", "开票销售额/第一年", "开票销售额/第二年", "标记"]);
    const m = mapColumns(["行业", "开票销售额/第一年", "开票销售额/第二年"]);
    expect([m.columns.sales1, m.columns.sales2]).toEqual([1, 2]);
  });

  test("a 填报单位 line over a full header is not a two-row header", () => {
    const values = [["填报单位：华士镇", null, null, null, "填报日期：2025-11-20"], HEADER, ...ROWS];
    const r = locateRegister(values, 0, 0)!;
    expect([r.anchor, r.headers]).toEqual(["A2", HEADER]);
  });

  test("the block's offset is kept (a region found around the selection)", () => {
    const r = locateRegister([HEADER, ...ROWS], 9, 2)!;
    expect([r.anchor, r.top, r.left]).toEqual(["C10", 9, 2]);
  });

  test("no header: the row most like one and the first data row are offered for 列对应", () => {
    const values = [["名单"], ["单位", "地点", "类别", "甲", "乙"], ["甲化工", "华士镇", "化工", 1, 2]];
    expect(locateRegister(values, 0, 0)).toBeNull();
    expect(headerCandidate(values, 0)).toEqual({ top: 1, headers: ["单位", "地点", "类别", "甲", "乙"], firstRow: ["甲化工", "华士镇", "化工", 1, 2] });
  });

  test("a sparse block (a file read cell by cell): only existing rows are visited, a far cell is ignored", () => {
    const values: unknown[][] = [HEADER, ...ROWS];
    values[1048575] = [];
    values[1048575][16383] = "末格";
    const r = locateRegister(values, 0, 0)!;
    expect(r.rows).toHaveLength(3);
  });
});

test("property: titles, blanks, 合计 rows and footers around a register change nothing read", () => {
  const noise = fc.constantFrom<unknown[]>([], ["合计", null, null, null, 1, 2], ["小计"], ["填表人：张三"], ["联系电话：123"], [5]);
  fc.assert(
    fc.property(fc.array(fc.constantFrom<unknown[]>(["标题"], ["填报单位：华士镇"], ["单位：元"]), { maxLength: 5 }), fc.array(fc.tuple(fc.nat(3), noise), { maxLength: 8 }), (titles, inserts) => {
      const body: unknown[][] = ROWS.map((r) => [...r]);
      for (const [at, row] of inserts) body.splice(Math.min(at, body.length), 0, row);
      const values = [...titles, HEADER, ...body];
      const r = locateRegister(values, 0, 0)!;
      const read = r.rows.map((row, i) => ({ row: r.top + 2 + i, name: row[1] })).filter((x) => x.name !== undefined);
      const expected = values.map((row, i) => ({ row: i + 1, name: row[1] })).filter((x) => ROWS.some((e) => e[1] === x.name));
      expect(read).toEqual(expected);
      expect(r.skipped.filter((s) => s.reason !== "title" && s.reason !== "blank")).toHaveLength(inserts.filter(([, row]) => row.length > 0).length);
    }),
  );
});
