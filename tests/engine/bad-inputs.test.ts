/**
 * Input the engine cannot compute: each row gives the error code, the argument the message names,
 * and a fragment of the message. Never a number: REWARD, FUNDING, DETAIL and CHECK all raise it,
 * and assessInput returns it as a value.
 */
import { assessInput, ClaimError } from "../../src/engine";
import { check, detail, funding, reward } from "../../src/functions/jy";

type Args = { sector?: unknown; sales1?: unknown; sales2?: unknown; flags?: unknown; unit?: unknown; place?: unknown };
type Row = [description: string, args: Args, code: "#VALUE!" | "#N/A", argument: string | null, fragment: string];

const OK = { sector: "铸造", sales1: "10000000", sales2: "10000000", flags: null, unit: null, place: null };
const excelError = (code: string) => ({ code, message: "" });

// description                          inputs (the rest valid)                                   code       argument   message fragment
const BAD: Row[] = [
  ["blank sector", { sector: "" }, "#VALUE!", "sector", "为空"],
  ["whitespace sector", { sector: "   " }, "#VALUE!", "sector", "为空"],
  ["empty cell as sector", { sector: null }, "#VALUE!", "sector", "为空"],
  ["unknown sector", { sector: "钢铁" }, "#VALUE!", "sector", "无法识别 “钢铁”"],
  ["unknown English sector", { sector: "steel" }, "#VALUE!", "sector", "无法识别 “steel”"],
  ["industry division too broad (26): its 中类 named", { sector: "26" }, "#VALUE!", "sector", "范围过宽，无法判断是否属于本意见所列行业，请填写到中类（如 261、262、263、264）"],
  ["industry group too broad (339): its 小类 named", { sector: "339" }, "#VALUE!", "sector", "范围过宽，无法判断是否属于本意见所列行业，请填写到小类（如 3391、3392）"],
  ["industry division as a number", { sector: 26 }, "#VALUE!", "sector", "范围过宽"],
  ["undefined class in a chemical group (2615)", { sector: "2615" }, "#VALUE!", "sector", "不是 GB/T 4754-2017 中类 261 下的小类"],
  ["undefined class as a number", { sector: 2615 }, "#VALUE!", "sector", "中类 261 下的小类"],
  ["fractional code", { sector: 26.5 }, "#VALUE!", "sector", "不是行业代码"],
  ["logical value as sector", { sector: true }, "#VALUE!", "sector", "“TRUE”"],
  ["range as sector", { sector: [["化工", "铸造"]] }, "#VALUE!", "sector", "应为单个单元格"],
  ["error value as sector", { sector: excelError("#N/A") }, "#VALUE!", "sector", "单元格为错误值 #N/A"],
  ["Error instance as sector", { sector: new Error("#REF!") }, "#VALUE!", "sector", "错误值 #REF!"],
  ["blank sales1", { sales1: "" }, "#VALUE!", "sales1", "未填写"],
  ["whitespace sales1", { sales1: "  \t " }, "#VALUE!", "sales1", "未填写"],
  ["empty cell as sales1", { sales1: null }, "#VALUE!", "sales1", "未填写"],
  ["missing sales2", { sales2: undefined }, "#VALUE!", "sales2", "未填写"],
  ["text as sales", { sales1: "abc" }, "#VALUE!", "sales1", "“abc” 不是数字"],
  ["digits then text", { sales1: "12abc" }, "#VALUE!", "sales1", "“12abc” 不是数字"],
  ["full-width digits then text", { sales2: "１２ａｂｃ" }, "#VALUE!", "sales2", "不是数字"],
  ["negative text", { sales1: "-5" }, "#VALUE!", "sales1", "不能为负数（-5）"],
  ["negative cent as text", { sales1: "-0.01" }, "#VALUE!", "sales1", "不能为负数（-0.01）"],
  ["negative cent as number", { sales2: -0.01 }, "#VALUE!", "sales2", "不能为负数（-0.01）"],
  ["negative number", { sales1: -5 }, "#VALUE!", "sales1", "不能为负数"],
  ["NaN", { sales1: NaN }, "#VALUE!", "sales1", "NaN"],
  ["Infinity", { sales1: Infinity }, "#VALUE!", "sales1", "Infinity"],
  ["-Infinity", { sales2: -Infinity }, "#VALUE!", "sales2", "不是有限数值"],
  ["1e300 as a number", { sales1: 1e300 }, "#VALUE!", "sales1", "超过上限 10万亿元"],
  ["1e300 as text", { sales1: "1e300" }, "#VALUE!", "sales1", "超过上限 10万亿元"],
  ["one 分 above the maximum", { sales2: "10000000000000.01" }, "#VALUE!", "sales2", "超过上限"],
  ["above the maximum in 万元", { sales1: "1000000000.000001", unit: "万元" }, "#VALUE!", "sales1", "1,000,000,000 万元"],
  ["logical TRUE as sales", { sales1: true }, "#VALUE!", "sales1", "逻辑值 “TRUE”"],
  ["logical FALSE as sales", { sales2: false }, "#VALUE!", "sales2", "逻辑值 “FALSE”"],
  ["a row range as sales", { sales1: [[1, 2]] }, "#VALUE!", "sales1", "应为单个单元格"],
  ["a column range as sales", { sales1: [[1], [2]] }, "#VALUE!", "sales1", "应为单个单元格"],
  ["error value as sales", { sales1: excelError("#DIV/0!") }, "#VALUE!", "sales1", "单元格为错误值 #DIV/0!"],
  ["Error instance as sales", { sales2: new Error("#VALUE!") }, "#VALUE!", "sales2", "错误值 #VALUE!"],
  ["bad thousands grouping", { sales1: "1,23" }, "#VALUE!", "sales1", "不是数字"],
  ["two decimal points", { sales1: "1.2.3" }, "#VALUE!", "sales1", "不是数字"],
  ["the text NaN", { sales1: "NaN" }, "#VALUE!", "sales1", "“NaN” 不是数字"],
  ["the text Infinity", { sales1: "Infinity" }, "#VALUE!", "sales1", "不是数字"],
  ["hexadecimal", { sales1: "0x10" }, "#VALUE!", "sales1", "不是数字"],
  ["an object", { sales1: {} }, "#VALUE!", "sales1", "应为数字"],
  ["unknown flag", { flags: "钢铁" }, "#VALUE!", "flags", "无法识别 “钢铁”"],
  ["unknown flag after a good one", { flags: "铝加工、未知标记" }, "#VALUE!", "flags", "无法识别 “未知标记”"],
  ["two towns", { flags: "华士镇、周庄镇" }, "#VALUE!", "flags", "同时写了两个镇街：华士镇、周庄镇"],
  ["both parks", { flags: "高新区 临港" }, "#VALUE!", "flags", "同时标记了高新区和临港经济开发区"],
  ["both parks in a range", { flags: [["高新区"], ["lingang"]] }, "#VALUE!", "flags", "同时标记了高新区和临港"],
  ["two towns in a range", { flags: [["华士", "zhouzhuang"]] }, "#VALUE!", "flags", "区域第1行第2列：同时写了两个镇街"],
  ["a number inside a flags range", { flags: [[1]] }, "#VALUE!", "flags", "区域第1行第1列：应为文字标记，收到 “1”"],
  ["a number after a flag in a range", { flags: [["铝加工", 5]] }, "#VALUE!", "flags", "区域第1行第2列"],
  ["an error object inside a flags range", { flags: [["铝加工"], [excelError("#DIV/0!")]] }, "#VALUE!", "flags", "区域第2行第1列：单元格为错误值 #DIV/0!"],
  ["an Error instance inside a flags range", { flags: [[new Error("#N/A")]] }, "#VALUE!", "flags", "单元格为错误值 #N/A"],
  ["a logical value as flags", { flags: true }, "#VALUE!", "flags", "应为文字标记，收到 “TRUE”"],
  ["a number as flags", { flags: 5 }, "#VALUE!", "flags", "应为文字标记"],
  ["unknown unit", { unit: "美元" }, "#VALUE!", "unit", "无法识别 “美元”"],
  ["thousands of yuan", { unit: "千元" }, "#VALUE!", "unit", "应为 元 或 万元"],
  ["a number as unit", { unit: 10000 }, "#VALUE!", "unit", "无法识别 “10000”"],
  ["a range as unit", { unit: [["元", "万元"]] }, "#VALUE!", "unit", "应为单个单元格"],
  ["an error value as unit", { unit: excelError("#REF!") }, "#VALUE!", "unit", "单元格为错误值 #REF!"],
  ["a logical value as unit", { unit: false }, "#VALUE!", "unit", "“FALSE”"],
  ["unknown place", { place: "火星" }, "#VALUE!", "place", "无法识别地点 “火星”"],
  ["an exclusion is not a place", { place: "产能置换" }, "#VALUE!", "place", "无法识别地点 “产能置换”"],
  ["place differs from the town in flags", { flags: "周庄镇", place: "华士镇" }, "#VALUE!", "place", "华士镇 与标记中的 周庄镇 不一致"],
  ["place names the other park", { flags: "高新区", place: "临港" }, "#VALUE!", "place", "园区不一致"],
  ["two towns as place", { place: "华士镇、周庄镇" }, "#VALUE!", "place", "同时写了两个镇街"],
  ["a number as place", { place: 5 }, "#VALUE!", "place", "应为文字标记"],
  ["the first bad argument is named: sector before sales", { sector: "钢铁", sales1: "-1" }, "#VALUE!", "sector", "钢铁"],
  ["unit is read before sales", { unit: "美元", sales1: "abc" }, "#VALUE!", "unit", "美元"],
  ["thermal power is not covered", { sector: "热电" }, "#N/A", null, "澄政发〔2020〕9号"],
  ["thermal power by code 4412", { sector: 4412 }, "#N/A", null, "澄政发〔2020〕9号"],
  ["printing and dyeing is not covered", { sector: "印染" }, "#N/A", null, "江阴市印染行业整合相关政策"],
  ["another sector is not covered", { sector: "其它" }, "#N/A", null, "本意见未规定奖励标准"],
  ["a well-formed code of another industry", { sector: "3311" }, "#N/A", null, "本意见未规定奖励标准"],
];

const argsOf = (row: Row) => {
  const a = { ...OK, ...row[1] };
  return [a.sector, a.sales1, a.sales2, a.flags, a.unit, a.place] as const;
};

function raised(fn: () => unknown): ClaimError {
  let value: unknown;
  try {
    value = fn();
  } catch (e) {
    if (e instanceof ClaimError) return e;
    throw e;
  }
  throw new Error(`expected a ClaimError, got ${JSON.stringify(value)}`);
}

test(`the table holds at least 60 bad inputs (${BAD.length})`, () => {
  expect(BAD.length).toBeGreaterThanOrEqual(60);
});

describe.each(BAD)("%s", (_description, _args, code, argument, fragment) => {
  const row = BAD.find((r) => r[0] === _description) as Row;
  const args = argsOf(row);

  test(`${code} naming ${argument ?? "the governing document"}: “${fragment}”`, () => {
    const e = raised(() => reward(...args));
    expect(e.code).toBe(code);
    expect(e.argument).toBe(code === "#N/A" ? null : argument);
    expect(e.messageZh).toContain(fragment);
    expect(e.messageEn.length).toBeGreaterThan(0);
    if (argument && code === "#VALUE!") expect(e.messageEn.startsWith(`${argument}: `)).toBe(true);
  });

  test("never a number: every function raises it, assessInput returns it", () => {
    for (const fn of [() => reward(...args), () => funding(...args), () => detail("zh", ...args)]) expect(raised(fn).code).toBe(code);
    const r = assessInput({ sector: args[0], sales1: args[1], sales2: args[2], flags: args[3], unit: args[4], place: args[5] });
    if (code === "#N/A") {
      expect(r.ok && r.assessment.status).toBe("not-covered");
      expect(r.ok && r.assessment.amounts.reward).toBe(0);
    } else {
      expect(r.ok).toBe(false);
      expect(raised(() => check("zh", ...args)).code).toBe("#VALUE!");
    }
  });
});
