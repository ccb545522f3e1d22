/**
 * `jyreward portable` / `restore` as a user runs them: nothing to convert gives a byte-for-byte copy
 * and says so; restore of a workbook that is not portable writes nothing and says so; files that
 * cannot be read give one sentence in the output language naming the file and what to do (exit 2),
 * never a library's or the system's own message.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { plainWorkbook } from "../portable/plain-workbook";
import { registerWorkbook } from "../portable/fixture";
import { policyClaims } from "../portable/claims";
import { runCli } from "./run-cli";

jest.setTimeout(120_000);

const dir = mkdtempSync(path.join(os.tmpdir(), "jy-portable-cli-"));
const file = (name: string) => path.join(dir, name);
const RAW = /ENOENT|EISDIR|central directory|is this a zip|TypeError|Cannot read prop|undefined/;

beforeAll(async () => {
  writeFileSync(file("plain.xlsx"), await plainWorkbook());
  writeFileSync(file("register.xlsx"), (await registerWorkbook(policyClaims().slice(0, 4))).bytes);
  writeFileSync(file("notes.xlsx"), "这不是工作簿，只是文字。\n");
  const zip = new JSZip();
  zip.file("readme.txt", "a zip, but no workbook inside");
  writeFileSync(file("other.zip.xlsx"), await zip.generateAsync({ type: "uint8array" }));
  mkdirSync(file("folder.xlsx"));
});

describe("nothing to convert or restore", () => {
  test("portable of a workbook without JY formulas: a byte-for-byte copy, said so, exit 0", () => {
    const r = runCli(["portable", file("plain.xlsx"), file("plain-out.xlsx")]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("未作改动：输出文件与输入文件逐字节相同");
    expect(readFileSync(file("plain-out.xlsx")).equals(readFileSync(file("plain.xlsx")))).toBe(true);
  });

  test("portable of a portable workbook: a byte-for-byte copy (English)", () => {
    expect(runCli(["portable", file("register.xlsx"), file("register-p.xlsx")]).status).toBe(0);
    const r = runCli(["portable", file("register-p.xlsx"), file("register-pp.xlsx"), "--lang", "en"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("already portable");
    expect(r.stdout).toContain("byte-for-byte copy");
    expect(readFileSync(file("register-pp.xlsx")).equals(readFileSync(file("register-p.xlsx")))).toBe(true);
  });

  test("restore of a workbook that is not portable: no output, a sentence naming both files, exit 1", () => {
    const r = runCli(["restore", file("plain.xlsx"), file("plain-restored.xlsx")]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`“${file("plain.xlsx")}”不是通用版工作簿`);
    expect(r.stderr).toContain(`未写出“${file("plain-restored.xlsx")}”`);
    expect(existsSync(file("plain-restored.xlsx"))).toBe(false);
  });
});

describe("files that cannot be read: one sentence, exit 2", () => {
  const cases: Array<[string, string, RegExp, RegExp]> = [
    ["missing", "no-such.xlsx", /找不到文件“.*no-such\.xlsx”：请检查路径和文件名/, /"[^"]*no-such\.xlsx" was not found: check the path/],
    ["a folder", "folder.xlsx", /“.*folder\.xlsx”是文件夹，不是工作簿/, /"[^"]*folder\.xlsx" is a folder, not a workbook/],
    ["not a zip", "notes.xlsx", /“.*notes\.xlsx”不是 \.xlsx 工作簿，或文件已损坏.*另存为/, /"[^"]*notes\.xlsx" is not an \.xlsx workbook, or it is damaged.*save/],
    ["a zip without a workbook", "other.zip.xlsx", /“.*other\.zip\.xlsx”不是可读的 Excel 工作簿/, /"[^"]*other\.zip\.xlsx" is not a readable Excel workbook/],
  ];
  for (const command of ["portable", "restore"]) {
    test.each(cases)(`${command}: %s`, (_, name, zh, en) => {
      const out = file(`${command}-${name}-out.xlsx`);
      const a = runCli([command, file(name), out]);
      expect([a.status, a.stderr]).toEqual([2, expect.stringMatching(zh)]);
      expect(a.stderr).not.toMatch(RAW);
      const b = runCli([command, file(name), out, "--lang", "en"]);
      expect([b.status, b.stderr]).toEqual([2, expect.stringMatching(en)]);
      expect(b.stderr).not.toMatch(RAW);
      expect(existsSync(out)).toBe(false);
    });
  }
});
