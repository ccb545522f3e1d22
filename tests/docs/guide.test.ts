/**
 * The user guide (docs/用户手册.md) kept true by running it:
 * - every formula of its `公式` blocks goes through the add-in's Excel glue and must show what the
 *   guide says under it;
 * - every `$ command` of its `console` blocks runs through the real CLI (`jyreward` on the PATH, as
 *   IT installs it, in a folder holding the registers the examples name) and must print what the
 *   guide shows;
 * - its tables of template columns, flags and clauses agree with the template and the policy data;
 * - the pictures it shows are exactly the ones the browser test makes, and docs/images holds no other;
 * - the README points to it first.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { CLAUSES, FLAGS, type FlagId } from "../../src/policy";
import { columnLetters } from "../../src/engine/register/address";
import { TEMPLATE_COLUMNS } from "../../src/workbook/template";
import { STRINGS } from "../../src/taskpane/i18n";
import { FINDINGS, SEVERITY_LABELS, type FindingCode } from "../../src/engine/findings";
import { PANE_ACTIONS } from "../../src/taskpane/actions";
import { makeCorpus } from "../fixtures/registers/corpus";
import { CSP, OFFICE_JS_URL } from "../../scripts/addin-config";
import { formulaExamples, runFormula } from "./formula";
import { blocks, pictures, section, sessions } from "./markdown";
import { GUIDE, GUIDE_IMAGES, GUIDE_PICTURES } from "./pictures";

jest.setTimeout(300_000);

const ROOT = path.resolve(__dirname, "../..");
const TEXT = readFileSync(GUIDE, "utf8");

/** Rows of the Markdown table that starts with `header` (cells trimmed, separator row dropped). */
function table(text: string, header: string): string[][] {
  const start = text.indexOf(header);
  if (start < 0) throw new Error(`the guide has no table headed ${header}`);
  const rows: string[][] = [];
  for (const line of text.slice(start).split("\n").slice(2)) {
    if (!line.startsWith("|")) break;
    rows.push(line.slice(1, -1).split("|").map((c) => c.trim()));
  }
  return rows;
}

describe("formulas: every 公式 example through the functions", () => {
  class FakeCustomFunctionsError extends Error {
    constructor(
      readonly code: string,
      message?: string,
    ) {
      super(message);
    }
  }
  let glue: Parameters<typeof runFormula>[0];

  beforeAll(() => {
    Object.assign(globalThis, {
      CustomFunctions: { associate: () => undefined, Error: FakeCustomFunctionsError, ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" } },
      Office: { context: { displayLanguage: "zh-CN" } },
    });
    jest.isolateModules(() => {
      glue = require("../../src/functions/index");
    });
  });

  afterAll(() => {
    delete (globalThis as Record<string, unknown>).CustomFunctions;
    delete (globalThis as Record<string, unknown>).Office;
  });

  const examples = blocks(TEXT)
    .filter((b) => b.lang === "公式")
    .flatMap((b) => formulaExamples(b.body));

  test("the guide shows each of the four functions and both error values", () => {
    for (const name of ["JY.REWARD(", "JY.FUNDING(", "JY.DETAIL(", "JY.CHECK("]) expect(examples.some((e) => e.formula.startsWith(`=${name}`))).toBe(true);
    expect(examples.some((e) => e.shown.startsWith("#VALUE!："))).toBe(true);
    expect(examples.some((e) => e.shown.startsWith("#N/A："))).toBe(true);
  });

  test.each(examples.map((e) => [e.formula, e.shown]))("%s", (formula, shown) => {
    expect(runFormula(glue, formula)).toBe(shown);
  });
});

describe("command line: every console example through jyreward", () => {
  const examples = sessions(TEXT);
  let dir: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "jy-guide-"));
    // jyreward on the PATH, as `npm link` puts it there.
    const bin = path.join(dir, ".bin");
    mkdirSync(bin);
    writeFileSync(path.join(bin, "jyreward"), `#!/bin/sh\nexec "${process.execPath}" "${path.join(ROOT, "bin", "jyreward.js")}" "$@"\n`);
    chmodSync(path.join(bin, "jyreward"), 0o755);
    env = { ...process.env, PATH: `${bin}:${process.env.PATH}`, LANG: "zh_CN.UTF-8", LC_ALL: "", LC_MESSAGES: "", NO_COLOR: "1" };
    // The registers the examples name: a town's register with JY formulas (title, 合计 and footer
    // lines), and a folder of two registers as towns send them (a 万元 one, one with notes).
    const corpus = new Map((await makeCorpus()).map((m) => [m.entry.file, m.bytes]));
    const files: Record<string, string> = {
      "登记表.xlsx": "01-title-total-footer.xlsx",
      "收到的登记表/万元表.xlsx": "03-unit-line-wan.xlsx",
      "收到的登记表/备注表.xlsx": "04-notes-keywords.xlsx",
    };
    for (const [to, from] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, to)), { recursive: true });
      writeFileSync(path.join(dir, to), corpus.get(from)!);
    }
  });

  test("the guide shows portable, restore, audit and calc", () => {
    const commands = examples.map((e) => e.command.split(" ")[1]);
    expect(commands).toEqual(expect.arrayContaining(["portable", "restore", "audit", "calc"]));
  });

  // In order: restore reads the file portable wrote.
  test.each(examples.map((e) => [e.command, e.output]))("$ %s", (command, output) => {
    const r = spawnSync("bash", ["-c", `{ ${command}\n} 2>&1`], { cwd: dir, env, encoding: "utf8", maxBuffer: 16 * 1024 * 1024 });
    expect(r.stdout).toBe(output);
  });

  test("the files the examples name were written", () => {
    expect(existsSync(path.join(dir, "登记表-通用版.xlsx"))).toBe(true);
    expect(existsSync(path.join(dir, "登记表-恢复.xlsx"))).toBe(true);
  });
});

describe("the guide agrees with the template and the policy", () => {
  test("the template's columns: letters and headers as the template makes them (元)", () => {
    const rows = table(TEXT, "| 列 | 表头 | 填什么 |");
    const described = rows.flatMap(([letters, headers]) => {
      const [from, to = from] = letters.split("–");
      const names = headers.split("、");
      const first = TEMPLATE_COLUMNS.findIndex((_, i) => columnLetters(i) === from);
      const last = TEMPLATE_COLUMNS.findIndex((_, i) => columnLetters(i) === to);
      expect([letters, last - first + 1]).toEqual([letters, names.length]);
      return names.map((name, k) => [columnLetters(first + k), name]);
    });
    expect(described).toEqual(TEMPLATE_COLUMNS.map((c, i) => [columnLetters(i), c.header("元")]));
  });

  test("the template formula in the text names the template's own columns", () => {
    const m = /`=JY\.FUNDING\((\w)2, (\w)2, (\w)2, (\w)2, , (\w)2\)`/.exec(TEXT);
    expect(m).not.toBeNull();
    const letter = (key: string) => columnLetters(TEMPLATE_COLUMNS.findIndex((c) => c.key === key));
    expect(m!.slice(1)).toEqual([letter("sector"), letter("sales1"), letter("sales2"), letter("flags"), letter("place")]);
  });

  test("the flags table: every spelling is one the functions accept, for the flag and clause the row says", () => {
    const rows = table(TEXT, "| 标记 | 也可写作 | 作用 | 条款 |");
    const flagOf = (word: string): FlagId | undefined =>
      (Object.keys(FLAGS) as FlagId[]).find((id) => id === word || FLAGS[id].labelZh === word || FLAGS[id].aliases.includes(word));
    const seen = rows.map(([flag, aliases, , clause]) => {
      const words = [flag, ...aliases.split("、").filter((w) => w !== "—")];
      const ids = new Set(words.map(flagOf));
      expect([flag, [...ids]]).toEqual([flag, [flagOf(flag)]]);
      expect([flag, clause]).toEqual([flag, FLAGS[flagOf(flag)!].clause]);
      return flagOf(flag);
    });
    expect(new Set(seen)).toEqual(new Set(Object.keys(FLAGS)));
  });

  test("the findings table names every kind of finding as the pane labels it, with its severity, and no other", () => {
    const codeOf = new Map(Object.entries(FINDINGS).map(([code, spec]) => [spec.label.zh, code as FindingCode]));
    const named = table(TEXT, "| 事项 | 类别 | 怎么处理 |").flatMap(([kinds, severity]) => kinds.split(" / ").map((kind) => [kind, severity]));
    expect(named.map(([kind]) => kind).sort()).toEqual(Object.values(STRINGS.zh.kind).sort());
    for (const [kind, severity] of named) expect([kind, severity]).toEqual([kind, SEVERITY_LABELS[FINDINGS[codeOf.get(kind)!].severity].zh]);
  });

  test("the pane's list of actions in the guide names every action the pane offers", () => {
    const listed = /操作与设置（([^）]+)）/.exec(section(TEXT, "二、打开任务窗格"))![1].split("、");
    expect(listed).toEqual([...PANE_ACTIONS.map((a) => a.label(STRINGS.zh)), STRINGS.zh.settingsShort]);
  });

  test("every clause the guide cites is one of the policy's clauses", () => {
    const cited = new Set(TEXT.match(/[三四五七]（[一二三四五六]）\d?|(?<=（)七(?=）)/g));
    expect(cited.size).toBeGreaterThan(8);
    for (const id of cited) expect([id, id in CLAUSES]).toEqual([id, true]);
  });

  test("the outside hosts the IT chapter names are ones the pages' Content-Security-Policy allows, and office.js's", () => {
    const hosts = [...section(TEXT, "十一、信息中心：部署与维护").matchAll(/`([a-z0-9.-]+\.(?:com|cn|net))`/g)].map((m) => m[1]);
    expect(hosts.length).toBeGreaterThan(0);
    for (const h of hosts) expect([h, CSP.includes(`https://${h}`)]).toEqual([h, true]);
    expect(hosts).toContain(new URL(OFFICE_JS_URL).host);
  });

  test("the npm scripts the IT chapter runs exist", () => {
    const scripts = Object.keys(JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")).scripts);
    const named = [...section(TEXT, "十一、信息中心：部署与维护").matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]);
    expect(named.length).toBeGreaterThanOrEqual(3);
    for (const s of named) expect([s, scripts.includes(s)]).toEqual([s, true]);
  });
});

test("the README sends Chinese readers to the guide first: at its top and in 使用说明", () => {
  const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
  expect(readme.slice(0, readme.indexOf("\n## "))).toContain("](docs/用户手册.md)");
  expect(section(readme, "使用说明（财务人员快速上手）").split("\n").slice(0, 4).join("\n")).toContain("](docs/用户手册.md)");
});

describe("pictures", () => {
  const shown = pictures(TEXT).map((p) => p.path);

  test("the guide shows each picture the browser test makes, once, and no other", () => {
    expect([...shown].sort()).toEqual(Object.keys(GUIDE_PICTURES).map((name) => `images/${name}`).sort());
  });

  test("docs/images holds exactly those pictures", () => {
    expect(readdirSync(GUIDE_IMAGES).sort()).toEqual(Object.keys(GUIDE_PICTURES).sort());
  });

  test("every picture has a caption (its alt text)", () => {
    for (const p of pictures(TEXT)) expect([p.path, p.alt.length > 4]).toEqual([p.path, true]);
  });
});
