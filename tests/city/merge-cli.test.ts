/**
 * `jyreward merge` on the city corpus (tests/fixtures/city/corpus.ts: ten towns and both parks,
 * two past years): the city totals by payer and by payment deadline, the rows that are one
 * enterprise in two registers, the rows a past year rewarded — all against the generator's records
 * through the bench's own reference, never the reader — and the workbook it writes: every row with
 * its source, 核查结果, a 拨付明细 per payer with its total in 人民币大写, written whole.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { capitalAmount } from "../../src/engine";
import { locateRegister } from "../../src/engine/register";
import { readSpreadsheet, type SpreadsheetFile } from "../../src/hosts/xlsx/read";
import { runCli } from "../cli/run-cli";
import { writeCorpus, type Expected } from "../fixtures/city/corpus";
import { findSoffice } from "../libreoffice/soffice";

jest.setTimeout(600_000);

const OUT = path.resolve(__dirname, "../../test-output/city");

let dir: string;
let expected: Expected;
let json: {
  totals: { reward: number; city: number; town: number; park: number; towns: Array<{ nameZh: string; fen: number }>; parks: Array<{ nameZh: string; fen: number }>; byDeadline: Array<{ exitYear: number; deadline: string; reward: number }>; counts: { enterprises: number } };
  findings: Array<{ code: string; severity: string; clause: string; messageZh: string; source: { file: string; sheet: string; row: number }; others: Array<{ file: string; row: number }> }>;
};
let book: SpreadsheetFile;
let stdout: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "jy-city-"));
  // Two registers become .xls and .ods where LibreOffice is installed (CI installs it).
  expected = writeCorpus(dir, findSoffice()).expected;
  mkdirSync(OUT, { recursive: true });
  const out = path.join(OUT, "全市汇总.xlsx");
  const text = runCli(["merge", path.join(dir, "towns"), "--history", path.join(dir, "history"), "-o", out, "--today", "2025-12-15"]);
  stdout = text.stdout;
  expect([text.status, text.stderr]).toEqual([1, ""]);
  writeFileSync(path.join(OUT, "merge-output.txt"), text.stdout);
  const r = runCli(["merge", path.join(dir, "towns"), "--history", path.join(dir, "history"), "-o", path.join(dir, "again.xlsx"), "--json", "--today", "2025-12-15"]);
  expect(r.status).toBe(1);
  json = JSON.parse(r.stdout);
  book = await readSpreadsheet(new Uint8Array(readFileSync(out)), "全市汇总.xlsx");
});

const sheet = (name: string) => book.sheets.find((s) => s.name === name)!;
const fenOf = (v: unknown) => Math.round(Number(v) * 100);

describe("jyreward merge: the city's totals", () => {
  test("the corpus is the city's year: at least 10 town registers and two past years", () => {
    const files = readdirSync(path.join(dir, "towns")).filter((f) => /\.(xlsx|xls|ods)$/.test(f));
    expect(files.length).toBeGreaterThanOrEqual(10);
    expect(readdirSync(path.join(dir, "history"))).toHaveLength(2);
    expect(json.totals.counts.enterprises).toBe(expected.enterprises);
  });

  test("by payer, to the 分, as the records say through the reference", () => {
    const t = json.totals;
    expect({ reward: t.reward, city: t.city, town: t.town, park: t.park }).toEqual({ reward: expected.reward, city: expected.city, town: expected.town, park: expected.park });
    expect(Object.fromEntries(t.towns.map((x) => [x.nameZh, x.fen]))).toEqual(expected.towns);
    expect(Object.fromEntries(t.parks.filter((p) => p.fen).map((p) => [p.nameZh, p.fen]))).toEqual(expected.parks);
  });

  test("by payment deadline: the exit year's next 10月31日 (DEADLINES payment)", () => {
    expect(Object.fromEntries(json.totals.byDeadline.map((d) => [d.exitYear, d.reward]))).toEqual(Object.fromEntries(Object.entries(expected.byExitYear).map(([y, f]) => [Number(y), f])));
    for (const d of json.totals.byDeadline) expect(d.deadline).toBe(`${d.exitYear + 1}-10-31`);
    expect(stdout).toContain("2026年10月31日前（2025年退出");
  });
});

describe("jyreward merge: across registers and years", () => {
  test("every row that is one enterprise with a row of another register is 需核实, naming the other sources", () => {
    const dup = json.findings.filter((f) => f.code === "DUPLICATE_ACROSS_REGISTERS");
    expect(dup.map((f) => `${f.source.file}|${f.source.row}`).sort()).toEqual([...expected.duplicates].sort());
    for (const f of dup) {
      expect([f.severity, f.clause]).toEqual(["warning", "四（二）"]);
      for (const o of f.others) expect(f.messageZh).toContain(`${o.file}「`);
      expect(f.others.every((o) => o.file !== f.source.file)).toBe(true);
    }
  });

  test("every row a past year rewarded is a 不列入奖补 candidate with that year and source; an excluded past row is not", () => {
    const hits = json.findings.filter((f) => f.code === "REWARDED_BEFORE");
    expect(Object.fromEntries(hits.map((f) => [`${f.source.file}|${f.source.row}`, f.others.map((o) => Number(/^(\d{4})/.exec(o.file)![1]))]))).toEqual(expected.rewardedBefore);
    for (const f of hits) {
      expect([f.severity, f.clause]).toEqual(["excluded", "四（三）"]);
      expect(f.messageZh).toMatch(/已于\d{4}年度（\d{4}年度全市汇总\.xlsx「全市登记表」第 \d+ 行）/);
    }
    expect(stdout).toMatch(/往年已获奖补 2 行/);
  });
});

describe("jyreward merge: the city workbook", () => {
  test("has the summary, the city register, the findings, the approval forms and a 拨付明细 per payer", () => {
    const names = book.sheets.map((s) => s.name);
    expect(names.slice(0, 4)).toEqual(["资金统计", "全市登记表", "核查结果", "奖励资金核定表"]);
    const payers = names.filter((n) => n.startsWith("拨付明细-")).map((n) => n.slice("拨付明细-".length));
    expect(payers.sort()).toEqual(["市财政", ...Object.keys(expected.towns), ...Object.keys(expected.parks)].sort());
  });

  test("the city register holds every enterprise once, and its source cell names the same enterprise", async () => {
    const reg = sheet("全市登记表");
    const read = locateRegister(reg.values)!;
    const header = read.headers.map(String);
    const at = (h: string) => header.indexOf(h);
    const rows = read.rows.filter((r) => r.some((v) => v !== null && v !== ""));
    expect(rows).toHaveLength(expected.enterprises);
    const sources = new Map<string, SpreadsheetFile>();
    for (const row of rows) {
      const file = String(row[at("来源文件")]);
      if (!sources.has(file)) sources.set(file, await readSpreadsheet(new Uint8Array(readFileSync(path.join(dir, "towns", file))), file));
      const src = sources.get(file)!.sheets.find((s) => s.name === row[at("来源工作表")])!;
      const line = src.values[Number(row[at("来源行")]) - 1];
      expect([file, line.includes(row[at("企业名称")])]).toEqual([file, true]);
    }
  });

  test("核查结果 lists every register's findings and the findings across registers", () => {
    const audit = runCli(["audit", path.join(dir, "towns"), "--json", "--today", "2025-12-15"]);
    const perFile = audit.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { file: string; registers: Array<{ findings: unknown[] }> })
      .reduce((n, a) => n + a.registers.reduce((m, r) => m + r.findings.length, 0), 0);
    const rows = sheet("核查结果").values.slice(1).filter((r) => r && r[0] !== null && r[0] !== undefined);
    expect(rows).toHaveLength(perFile + json.findings.length);
    expect(rows.filter((r) => r[2] === "多个台账重复申报")).toHaveLength(expected.duplicates.length);
  });

  test("each 拨付明细 totals its payer's share, and writes the total in 人民币大写", () => {
    const shares: Record<string, number> = { 市财政: expected.city, ...expected.towns, ...expected.parks };
    for (const [payer, fen] of Object.entries(shares)) {
      const values = sheet(`拨付明细-${payer}`).values;
      const total = values.find((r) => r?.[0] === "合计")!;
      const words = values.find((r) => r?.[0] === "合计（大写）")!;
      expect([payer, fenOf(total[8])]).toEqual([payer, fen]);
      expect([payer, words[1]]).toEqual([payer, `人民币${capitalAmount(fen)}`]);
    }
  });

  test("this year's city workbook, given as history next year, flags every enterprise it rewarded", () => {
    const next = mkdtempSync(path.join(os.tmpdir(), "jy-city-next-"));
    const r = runCli(["merge", path.join(dir, "towns"), "--history", path.join(OUT, "全市汇总.xlsx"), "-o", path.join(next, "next.xlsx"), "--json"]);
    const hits = (JSON.parse(r.stdout) as typeof json).findings.filter((f) => f.code === "REWARDED_BEFORE");
    expect(hits.length).toBe(expected.rewardedEnterprises);
  });
});

describe("jyreward merge: usage and files", () => {
  test("without -o: a sentence and exit code 2", () => {
    const r = runCli(["merge", path.join(dir, "towns")]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("-o");
  });

  test("an output folder that does not exist: a sentence, nothing written", () => {
    const target = path.join(dir, "no-such-folder", "city.xlsx");
    const r = runCli(["merge", path.join(dir, "towns"), "-o", target]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/无法写入 .*city\.xlsx：文件夹 .*no-such-folder 不存在/);
    expect(existsSync(path.dirname(target))).toBe(false);
  });

  test("an existing output is replaced whole, with no temporary file left beside it", () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), "jy-city-out-"));
    const target = path.join(folder, "city.xlsx");
    writeFileSync(target, "old");
    expect(runCli(["merge", path.join(dir, "towns"), "-o", target]).status).toBe(1);
    expect(readdirSync(folder)).toEqual(["city.xlsx"]);
    expect(readFileSync(target).subarray(0, 2).toString()).toBe("PK");
  });

  test("English: the same totals in English words", () => {
    const r = runCli(["--lang", "en", "merge", path.join(dir, "towns"), "-o", path.join(dir, "en.xlsx")]);
    expect(r.stdout).toMatch(/^Merged \d+ files/);
    expect(r.stdout).toContain("Total reward");
    expect(r.stdout).not.toMatch(/已合并|奖励合计|按奖励发放期限|万元）/);
  });

  test("--pdf without LibreOffice: the workbook is written, the PDF is not, and a sentence says how to get it", () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), "jy-nopath-"));
    const target = path.join(dir, "nopdf.xlsx");
    const r = runCli(["merge", path.join(dir, "towns"), "-o", target, "--pdf", path.join(dir, "papers.pdf")], "", { PATH: empty, SOFFICE: "" });
    expect(r.status).toBe(2);
    expect(existsSync(target)).toBe(true);
    expect(existsSync(path.join(dir, "papers.pdf"))).toBe(false);
    expect(r.stderr).toContain("没有安装 LibreOffice");
  });
});
