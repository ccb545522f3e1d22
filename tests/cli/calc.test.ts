/**
 * `jyreward calc` as a user meets it: the JSON Lines protocol (bad lines, blank lines, numbers read
 * exactly, order over many chunks), the single-claim breakdown, languages, help and exit codes.
 */
import { jsonLines, runCli } from "./run-cli";

const ok = (sales1: unknown = "60000000", sales2: unknown = "60000000", extra: Record<string, unknown> = {}) =>
  JSON.stringify({ sector: "化工", sales1, sales2, ...extra });

describe("stream mode: one answer per claim, in order", () => {
  test("bad lines give an error line and the lines after them still come out", () => {
    const lines = [
      ok(),
      "{not json",
      "[1, 2]",
      "42",
      '"化工"',
      "null",
      '{"sector":"化工","sales1":"60000000"}',
      '{"sales1":"1","sales2":"2"}',
      '{"sector":"化工","sales1":"60000000","sales2":"60000000","flag":"产能置换"}',
      '{"sector":"化工","sales1":"-5","sales2":"60000000"}',
      '{"sector":"铸造","sales1":"12000000","sales2":"8000000","flags":["产能置换"]}',
      '{"sector":"铸造","sales1":"12000000","sales2":"8000000","unit":"美元"}',
      '{"sector":"热电","sales1":"5000000","sales2":"5000000"}',
      ok(),
    ];
    const run = runCli(["calc"], lines.join("\n") + "\n");
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    const out = jsonLines(run.stdout);
    expect(out).toHaveLength(lines.length);
    const err = (i: number) => out[i].error as { code: string; argument: string | null; message: string; line: number };
    expect(out[0]).toMatchObject({ status: "eligible", reward: "4800000.00" });
    expect(err(1)).toMatchObject({ code: "#VALUE!", argument: null, line: 2, message: expect.stringContaining("第 2 行不是有效的 JSON") });
    for (const [i, kind] of [[2, "array"], [3, "number"], [4, "string"], [5, "null"]] as const) {
      expect(err(i)).toMatchObject({ code: "#VALUE!", argument: null, line: i + 1, message: expect.stringContaining(`应为一个 JSON 对象（申报），收到 ${kind}`) });
    }
    expect(err(6)).toMatchObject({ code: "#VALUE!", argument: "sales2", message: expect.stringContaining("未填写") });
    expect(err(7)).toMatchObject({ code: "#VALUE!", argument: "sector", message: expect.stringContaining("为空") });
    expect(err(8)).toMatchObject({ code: "#VALUE!", argument: null, message: expect.stringContaining("未知字段 “flag”") });
    expect(err(9)).toMatchObject({ code: "#VALUE!", argument: "sales1", message: expect.stringContaining("不能为负数") });
    expect(out[10]).toMatchObject({ status: "excluded", reward: "0.00", findings: [{ code: "EXCLUDED_CAPACITY_SWAP", clause: "五（五）" }] });
    expect(err(11)).toMatchObject({ code: "#VALUE!", argument: "unit", message: expect.stringContaining("美元") });
    expect(err(12)).toMatchObject({ code: "#N/A", argument: null, message: expect.stringContaining("澄政发〔2020〕9号") });
    expect(out[13]).toMatchObject({ status: "eligible", reward: "4800000.00" });
    for (const line of out) if ("error" in line) expect(Object.keys(line)).toEqual(["error"]);
  });

  test("blank and whitespace-only lines are skipped; line numbers still count them; CRLF, a BOM and a last line without newline are read", () => {
    const input = "\uFEFF" + ok() + "\r\n\r\n   \t\n" + "{oops\r\n" + "\n" + ok("300000", "500000");
    const out = jsonLines(runCli(["calc"], input).stdout);
    expect(out).toHaveLength(3);
    expect(out[0]).toMatchObject({ reward: "4800000.00" });
    expect(out[1]).toMatchObject({ error: { code: "#VALUE!", line: 4 } });
    expect(out[2]).toMatchObject({ reward: "50000.00", findings: [{ code: "FLOOR_TOP_UP", severity: "info", clause: "五（一）" }] });
  });

  test("empty input gives empty output and exit 0", () => {
    const run = runCli(["calc"], "");
    expect(run).toEqual({ status: 0, stdout: "", stderr: "" });
  });

  test("JSON numbers are read from their text exactly, not through a double", () => {
    // As doubles both are 100000000.1, whose base gives …000.005 → 8000000.01; read exactly the
    // base is 100000000.09999999999999999 and the reward 8000000.00.
    const exact = '{"sector":"化工","sales1":100000000.09999999999999999,"sales2":100000000.09999999999999999}';
    const tenth = '{"sector":"化工","sales1":100000000.1,"sales2":100000000.10}';
    const escapedKey = '{"sector":"化工","sales\\u0031":100000000.09999999999999999,"sales2":"100000000.09999999999999999"}';
    const decoy = '{"id":"\\"sales1\\": 1, {[","sector":"化工","sales1":100000000.1,"sales2":100000000.1}';
    const duplicate = '{"sector":"化工","sales1":1,"sales1":60000000,"sales2":6e7}';
    const out = jsonLines(runCli(["calc"], [exact, tenth, escapedKey, decoy, duplicate].join("\n")).stdout);
    expect(out.map((o) => o.reward)).toEqual(["8000000.00", "8000000.01", "8000000.00", "8000000.01", "4800000.00"]);
    expect(out[3].id).toBe('"sales1": 1, {[');
  });

  test("bad numbers and types are errors naming the field, never an amount", () => {
    const lines = [
      '{"sector":"化工","sales1":-0.01,"sales2":1}',
      '{"sector":"化工","sales1":1e300,"sales2":1}',
      '{"sector":"化工","sales1":true,"sales2":1}',
      '{"sector":"化工","sales1":[[1,2]],"sales2":1}',
      '{"sector":"化工","sales1":{"code":"#DIV/0!"},"sales2":1}',
      '{"sector":"化工","sales1":1,"sales2":"12abc"}',
      '{"sector":26,"sales1":1,"sales2":1}',
      '{"sector":"化工","sales1":1,"sales2":1,"flags":[1]}',
      '{"sector":"铸造","sales1":1,"sales2":1,"flags":"高新区、临港"}',
      '{"sector":"铸造","sales1":1,"sales2":1,"place":"火星"}',
    ];
    const out = jsonLines(runCli(["calc"], lines.join("\n")).stdout);
    expect(out.map((o) => (o.error as { argument: string }).argument)).toEqual(["sales1", "sales1", "sales1", "sales1", "sales1", "sales2", "sector", "flags", "flags", "place"]);
    for (const o of out) expect(o).not.toHaveProperty("reward");
  });

  test("id is echoed first; flags as text, list or place; 万元 amounts in 万元", () => {
    const lines = [
      JSON.stringify({ id: 7, sector: "2614", sales1: 6000, sales2: "6000", unit: "万元" }),
      JSON.stringify({ id: { row: 3 }, sector: 3391, sales1: "10,000,000", sales2: "10000000", flags: ["铝加工", "华士镇"] }),
      JSON.stringify({ id: "c", sector: "foundry", sales1: "10000000", sales2: "10000000", place: "高新区" }),
    ];
    const run = runCli(["calc"], lines.join("\n"));
    const out = jsonLines(run.stdout);
    expect(Object.keys(out[0])[0]).toBe("id");
    expect(out[0]).toEqual({ id: 7, status: "eligible", reward: "480.000000", city: "480.000000", town: "0.000000", park: "0.000000", findings: [] });
    expect(out[1]).toMatchObject({ id: { row: 3 }, reward: "200000.00", city: "140000.00", town: "60000.00", park: "0.00" });
    expect(out[2]).toMatchObject({ id: "c", reward: "300000.00", park: "300000.00", findings: [{ code: "PARK_PAYS", clause: "五（二）" }] });
  });

  test("thousands of claims over many input chunks keep their order and their Chinese text intact", () => {
    const n = 6000;
    const lines = Array.from({ length: n }, (_, i) => JSON.stringify({ id: `第${i}家企业·${"江阴".repeat(i % 17)}`, sector: i % 2 ? "铸造" : "化工", sales1: String(1000000 + i), sales2: i * 1000 }));
    const out = jsonLines(runCli(["calc"], lines.join("\n") + "\n").stdout);
    expect(out).toHaveLength(n);
    out.forEach((o, i) => expect(o.id).toBe(`第${i}家企业·${"江阴".repeat(i % 17)}`));
    expect(out[5000]).toMatchObject({ reward: "240200.00" });
  });
});

describe("languages", () => {
  const bad = '{"sector":"化工","sales1":"abc","sales2":"1"}\n';
  test("Chinese by default, and with a zh, C or unset locale", () => {
    for (const env of [{}, { LANG: "C.UTF-8" }, { LANG: "" }, { LANG: "zh_TW.UTF-8" }]) {
      const out = jsonLines(runCli(["calc"], bad, env).stdout);
      expect((out[0].error as { message: string }).message).toContain("第一年销售额：");
    }
  });
  test("English with --lang en (before or after the command) or an English locale", () => {
    for (const [args, env] of [[["calc", "--lang", "en"], {}], [["--lang=en", "calc"], {}], [["calc"], { LANG: "en_US.UTF-8" }], [["calc"], { LC_ALL: "en_GB.UTF-8" }]] as const) {
      const out = jsonLines(runCli([...args], bad, env).stdout);
      expect((out[0].error as { message: string }).message).toMatch(/^sales1: “abc” is not a number/);
    }
  });
  test("--lang zh overrides an English locale", () => {
    const out = jsonLines(runCli(["calc", "--lang", "zh"], bad, { LANG: "en_US.UTF-8" }).stdout);
    expect((out[0].error as { message: string }).message).toContain("不是数字");
  });
});

describe("single-claim mode: a readable breakdown", () => {
  test("Chinese: inputs, detail lines with clauses, the split by payer, the findings", () => {
    const run = runCli(["calc", "--sector", "铸造", "--sales1", "1666667", "--sales2", "1,666,667", "--place", "华士镇"]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    const text = run.stdout;
    for (const part of [
      "输入",
      "第一年销售额（sales1）  1666667 元",
      "计算明细",
      "两年销售额平均值（基数）  1,666,667.00 元",
      "基数 × 3%                    50,000.01 元  【五（二）】",
      "奖励金额（四舍五入到分）     50,000.01 元  【五（二）】",
      "资金承担",
      "市财政                    35,000.01 元  【五（二）】",
      "镇（街道）财政（华士镇）  15,000.00 元  【五（二）】",
      "合计                      50,000.01 元",
      "核查意见（0）",
      "无异常",
    ]) {
      // Column widths follow the longest label; compare with runs of spaces folded.
      expect(text.replace(/ +/g, " ")).toContain(part.replace(/ +/g, " "));
    }
  });

  test("English, 万元, park pays, findings with their clauses", () => {
    const run = runCli(["calc", "--lang", "en", "--sector", "foundry", "--sales1", "1.5", "--sales2", "0.5", "--unit", "万元", "--flags", "hightech"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Breakdown");
    expect(run.stdout).toContain("Top-up to the floor");
    expect(run.stdout).toContain("Park finance (High-tech Zone)");
    // 万元 on screen to two places, with the exact amount in 元 beside it.
    expect(run.stdout).toMatch(/Park finance \(High-tech Zone\)\s+5\.00 ×10k yuan \(50,000\.00 yuan\)\s+【五（二）】/);
    expect(run.stdout).toMatch(/Top-up to the floor\s+4\.97 ×10k yuan \(49,700\.00 yuan\)\s+【五（二）】/);
    expect(run.stdout).toContain("[Note] Computed 0.03 ×10k yuan (300.00 yuan) is below the floor 5.00 ×10k yuan (50,000.00 yuan); topped up by 4.97 ×10k yuan (49,700.00 yuan)【五（二）】");
    expect(run.stdout).not.toMatch(/\d\.\d{3,} ×10k/);
    expect(run.stdout).toContain("(FLOOR_TOP_UP)");
    expect(run.stdout).not.toMatch(/输入|计算明细/);
  });

  test("万元 on screen: two places, half-up, and the exact 元; --json and stream mode stay exact", () => {
    const run = runCli(["calc", "--sector", "铸造", "--sales1", "166.6667", "--sales2", "166.6667", "--unit", "万元", "--place", "华士镇"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/奖励金额（四舍五入到分）\s+5\.00 万元（50,000\.01 元）/);
    expect(run.stdout).toMatch(/市财政\s+3\.50 万元（35,000\.01 元）/);
    expect(run.stdout).toMatch(/两年销售额平均值（基数）\s+166\.67 万元（1,666,667\.00 元）/);
    // The inputs are echoed as typed; every computed amount has two places.
    expect(run.stdout.slice(run.stdout.indexOf("计算明细"))).not.toMatch(/\d\.\d{3,} 万元/);
    const stream = runCli(["calc"], '{"sector":"铸造","sales1":"166.6667","sales2":"166.6667","unit":"万元","place":"华士镇"}\n');
    expect(JSON.parse(stream.stdout)).toMatchObject({ reward: "5.000001", city: "3.500001", town: "1.500000" });
  });

  test("cap and excluded claims", () => {
    const capped = runCli(["calc", "--sector", "化工", "--sales1", "3000000000", "--sales2", "1000000000"]);
    expect(capped.stdout).toContain("超上限核减");
    expect(capped.stdout).toMatch(/\[提示\] 计算金额 73,000,000\.00 元 超过每家企业上限 50,000,000\.00 元.*【五（一）】/);
    const excluded = runCli(["calc", "--sector", "铸造", "--sales1", "1", "--sales2", "1", "--flags", "产能置换"]);
    expect(excluded.status).toBe(0);
    expect(excluded.stdout).toContain("不列入奖补范围");
    expect(excluded.stdout).toContain("[不列入奖补]");
  });

  test("an invalid claim: #VALUE! on stderr naming the argument, exit 2, nothing on stdout", () => {
    const run = runCli(["calc", "--sector", "化工", "--sales1", "-5", "--sales2", "1"]);
    expect(run).toEqual({ status: 2, stdout: "", stderr: "#VALUE!  第一年销售额：不能为负数（-5）\n" });
    const missing = runCli(["calc", "--lang", "en", "--sector", "化工", "--sales1", "5"]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe("#VALUE!  sales2: is blank: enter that year's sales (0 if there were none)\n");
  });

  test("a sector not covered: #N/A naming the governing document, exit 3", () => {
    const run = runCli(["calc", "--sector", "热电", "--sales1", "5000000", "--sales2", "5000000"]);
    expect(run.status).toBe(3);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("#N/A");
    expect(run.stderr).toContain("澄政发〔2020〕9号");
  });
});

describe("help, usage and exit codes", () => {
  test("jyreward --help in Chinese, with the commands and exit codes; English with --lang en", () => {
    const zh = runCli(["--help"]);
    expect(zh.status).toBe(0);
    expect(zh.stdout).toContain("用法");
    expect(zh.stdout).toMatch(/calc\s+计算奖励/);
    expect(zh.stdout).toContain("退出码");
    const en = runCli(["--help", "--lang", "en"]);
    expect(en.stdout).toContain("Usage");
    expect(en.stdout).toContain("Exit codes");
    expect(runCli(["--help"], "", { LANG: "en_US.UTF-8" }).stdout).toContain("Usage");
  });

  test("jyreward calc --help in Chinese, English with --lang en", () => {
    const zh = runCli(["calc", "--help"]);
    expect(zh.status).toBe(0);
    expect(zh.stdout).toContain("空行（空白行）不是申报：跳过，不输出");
    expect(zh.stdout).toContain("按其在行中的原文精确读取");
    const en = runCli(["calc", "-h", "--lang", "en"]);
    expect(en.stdout).toContain("Blank (empty or whitespace-only) lines are not claims");
  });

  test("no command: help on stderr, exit 2; unknown command or option: exit 2 with a hint", () => {
    const none = runCli([]);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain("用法");
    const unknown = runCli(["calcs"]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("未知命令 “calcs”");
    const option = runCli(["calc", "--sectr", "化工"]);
    expect(option.status).toBe(2);
    expect(option.stderr).toContain("未知选项 --sectr");
    expect(runCli(["calc", "--lang", "fr"]).status).toBe(2);
    expect(runCli(["calc", "--sector"]).stderr).toContain("选项 --sector 缺少值");
    expect(runCli(["--version"]).stdout).toMatch(/^jyreward \d+\.\d+\.\d+\n$/);
  });
});
