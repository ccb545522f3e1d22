/**
 * `jyreward audit`: registers read from .xlsx files without Excel, findings and payer totals,
 * Chinese by default, --json, exit codes 0 / 1 / 2, folders; JY formulas saved as
 * _xldudf_JY_REWARD (an Excel without the add-in) or with no cached value change nothing.
 */
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { jsonLines, runCli } from "../cli/run-cli";

jest.setTimeout(60_000);

const HEADER = ["企业名称", "统一社会信用代码", "镇街园区", "行业", "退出年度", "第一年销售额（元）", "第二年销售额（元）", "标记", "已停产", "设备已拆除", "已通过验收", "整治计划已报送", "奖励金额"];

type Row = [string, string | null, string, string, number, number, number, string | null];

async function register(file: string, rows: Row[], options: { xldudf?: boolean } = {}) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("登记表");
  ws.addRow(["2025年落后产能退出企业登记表"]);
  ws.addRow(HEADER);
  rows.forEach((r, i) => {
    const n = i + 3;
    ws.addRow([...r, "是", "是", "是", "是"]);
    // The reward column as Excel without the add-in saves it: a _xldudf_ call with no value.
    const name = options.xldudf ? "_xldudf_JY_REWARD" : "JY.REWARD";
    ws.getCell(`M${n}`).value = { formula: `${name}(D${n},F${n},G${n},H${n},"元",C${n})` } as ExcelJS.CellFormulaValue;
  });
  await wb.xlsx.writeFile(file);
}

const clean: Row[] = [
  ["澄江精细化工有限公司", null, "澄江街道", "化工", 2025, 60000000, 60000000, null],
  ["华士铸件厂", null, "华士镇", "铸造", 2025, 12000000, 8000000, null],
  ["高新区铝业", null, "高新区", "铸造", 2025, 10000000, 10000000, "铝加工"],
];

function folder(): string {
  return mkdtempSync(path.join(os.tmpdir(), "jy-audit-"));
}

describe("jyreward audit", () => {
  test("a clean register: totals by payer in Chinese, exit 0, _xldudf_ formulas recognised", async () => {
    const dir = folder();
    const file = path.join(dir, "澄江.xlsx");
    await register(file, clean, { xldudf: true });
    const r = runCli(["audit", file, "--today", "2025-06-01"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("澄江.xlsx");
    expect(r.stdout).toContain("符合 3");
    // 4,800,000 + 300,000 + 200,000 = 5,300,000.00; city 4,800,000 + 210,000; town 90,000; park 200,000.
    expect(r.stdout).toContain("奖励合计 5,300,000.00 元");
    expect(r.stdout).toContain("市财政 5,010,000.00 元");
    expect(r.stdout).toContain("华士镇 90,000.00 元");
    expect(r.stdout).toMatch(/园区财政 200,000\.00 元/);
    expect(r.stdout).toContain("JY 公式 3 个（其中 3 个以 _xldudf_ 形式保存）");
  });

  test("an excluded row gives exit 1 and names the row; --json for machines; --lang en", async () => {
    const dir = folder();
    const file = path.join(dir, "华士.xlsx");
    await register(file, [...clean, ["华士搬迁化工", null, "华士镇", "化工", 2025, 45000000, 52000000, "搬迁入园"]]);
    const r = runCli(["audit", file, "--today", "2025-06-01"]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/第 6 行 华士搬迁化工 \[不列入奖补\] 不列入奖补范围：搬迁入园.*（五（五））/);
    const j = runCli(["audit", file, "--json", "--today", "2025-06-01"]);
    expect(j.status).toBe(1);
    const [report] = jsonLines(j.stdout);
    expect(report.ok).toBe(false);
    const reg = (report.registers as Array<{ counts: { excluded: number; eligible: number }; totals: { reward: number } }>)[0];
    expect(reg.counts).toMatchObject({ excluded: 1, eligible: 3 });
    expect(reg.totals.reward).toBe(530_000_000);
    const en = runCli(["audit", file, "--lang", "en", "--today", "2025-06-01"]);
    expect(en.stdout).toContain("Total reward 5,300,000.00 yuan");
    expect(en.stdout).toMatch(/row 6 .*\[Excluded\]/);
  });

  test("a folder of files in one call; an unreadable file gives exit 2 and the others are still audited", async () => {
    const dir = folder();
    mkdirSync(path.join(dir, "towns"));
    await register(path.join(dir, "towns", "a.xlsx"), clean);
    await register(path.join(dir, "towns", "b.xlsx"), clean.slice(0, 1));
    writeFileSync(path.join(dir, "towns", "broken.xlsx"), "not a workbook");
    const r = runCli(["audit", dir, "--today", "2025-06-01"]);
    expect(r.status).toBe(2);
    expect(r.stdout).toContain(path.join("towns", "a.xlsx"));
    expect(r.stdout).toContain(path.join("towns", "b.xlsx"));
    expect(r.stdout).toMatch(/broken\.xlsx ==\n {2}错误: 无法读取/);
    expect(r.stdout).toContain("奖励合计 4,800,000.00 元");
  });
});
