/**
 * The README's command-line examples, run as printed: every `console` block of the "Command line"
 * section (`$ command` lines, each followed by the output it shows), the JSON Lines example (its
 * input block through `jyreward calc`, compared with its output block), and every jyreward line of
 * the README's `sh` blocks names a real command.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { COMMANDS } from "../../src/cli/main";
import { TEMPLATE_COLUMNS } from "../../src/workbook/template";
import { columnLetters } from "../../src/engine/register/address";
import { blocks, section as sectionOf, sessions } from "../docs/markdown";

jest.setTimeout(300_000);

const ROOT = path.resolve(__dirname, "../..");
const README = readFileSync(path.join(ROOT, "README.md"), "utf8");

const section = (title: string) => sectionOf(README, title);

const ENV = { ...process.env, LANG: "zh_CN.UTF-8", LC_ALL: "", LC_MESSAGES: "", NO_COLOR: "1" };
const shell = (command: string, input?: string) =>
  spawnSync("bash", ["-c", `{ ${command}\n} 2>&1`], { cwd: ROOT, env: ENV, encoding: "utf8", input, maxBuffer: 16 * 1024 * 1024 });

describe("README: Command line", () => {
  const examples = sessions(section("Command line: jyreward"));

  test("has console examples for --version through node, npx and npm exec, an unreadable file and one claim", () => {
    const commands = examples.map((e) => e.command);
    expect(commands).toEqual(
      expect.arrayContaining([
        "node bin/jyreward.js --version",
        "npx jyreward --version",
        "npm exec -- jyreward --version",
        expect.stringMatching(/^node bin\/jyreward\.js portable /),
        expect.stringMatching(/^node bin\/jyreward\.js calc --sector /),
      ]),
    );
  });

  test.each(examples.map((e) => [e.command, e.output]))("$ %s", (command, output) => {
    const r = shell(command);
    expect(r.stdout).toBe(output);
  });

  test("the JSON Lines example: its input through jyreward calc gives its output, line for line", () => {
    const text = section("Command line: jyreward");
    const jsonl = blocks(text).filter((b) => b.lang === "jsonl");
    expect(jsonl).toHaveLength(2);
    const r = spawnSync(process.execPath, ["bin/jyreward.js", "calc"], { cwd: ROOT, env: ENV, encoding: "utf8", input: jsonl[0].body });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(jsonl[1].body);
  });
});

test("every jyreward line in the README's sh blocks names a real command", () => {
  const lines = blocks(README)
    .filter((b) => b.lang === "sh")
    .flatMap((b) => b.body.split("\n"))
    .map((l) => l.trim())
    .filter((l) => /^(jyreward|npx jyreward|node bin\/jyreward\.js) /.test(l));
  expect(lines.length).toBeGreaterThanOrEqual(4);
  for (const l of lines) {
    const command = l.replace(/^(npx jyreward|node bin\/jyreward\.js|jyreward)\s+/, "").split(/\s/)[0];
    expect([l, Object.keys(COMMANDS).includes(command)]).toEqual([l, true]);
  }
});

test("使用说明: the template example names the template's own columns", () => {
  const usage = section("使用说明（财务人员快速上手）");
  const m = /`=JY\.FUNDING\((\w)2, (\w)2, (\w)2, (\w)2, , (\w)2\)`/.exec(usage);
  expect(m).not.toBeNull();
  const letter = (key: string) => columnLetters(TEMPLATE_COLUMNS.findIndex((c) => c.key === key));
  expect(m!.slice(1)).toEqual([letter("sector"), letter("sales1"), letter("sales2"), letter("flags"), letter("place")]);
  // The text around it says which column is which, as the template has them.
  expect(usage).toContain(`${letter("place")} 列“镇街园区”，${letter("sector")} 列“行业”，${letter("sales1")}、${letter("sales2")} 列两年销售额，${letter("flags")} 列“标记”`);
});
