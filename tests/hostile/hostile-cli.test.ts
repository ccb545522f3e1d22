/**
 * Hostile and damaged files through the real `jyreward` (a child process, as a user runs it): each
 * refused with a sentence naming the file and the limit or damage, bounded in memory, inputs left
 * byte for byte, nothing partial written; tampered records restore nothing they should not.
 * Bounds on time here only catch a hang (the figures are in the README's table and the bench).
 */
import { spawnSync } from "node:child_process";
import { crc32 } from "node:zlib";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { BIN, jsonLines, runCli } from "../cli/run-cli";
import { declareSize, lastCell, odsArrayAreas, odsOf, odsRepeatBomb, odsTable, register, registerRows, withRawEntry, workbookOf, zerosDeflated } from "./files";
import { addRecordRow, editSheet, emptyRecordRow, insertRowAbove, overwriteCell, RECORD, setRecordText } from "./tamper";
import { describeWithLibreOffice, recalcInLibreOffice } from "../libreoffice/soffice";

jest.setTimeout(240_000);

const dir = mkdtempSync(path.join(os.tmpdir(), "jy-hostile-"));
const file = (name: string, bytes?: Uint8Array) => {
  const p = path.join(dir, name);
  if (bytes) writeFileSync(p, bytes);
  return p;
};

const PEAK = path.join(__dirname, "peak-memory.cjs");

/** Runs jyreward with its peak memory recorded (peak-memory.cjs): exit code, output, and peak memory in MB. */
function measured(args: string[], input = ""): { status: number | null; stdout: string; stderr: string; peakMb: number } {
  const peakFile = path.join(dir, "peak.txt");
  rmSync(peakFile, { force: true });
  const r = spawnSync(process.execPath, ["--require", PEAK, BIN, ...args], {
    input,
    encoding: "utf8",
    env: { ...process.env, LANG: "zh_CN.UTF-8", LC_ALL: "", LC_MESSAGES: "", JY_PEAK_FILE: peakFile },
    maxBuffer: 64 * 1024 * 1024,
    timeout: 120_000,
  });
  const kb = Number(readFileSync(peakFile, "utf8"));
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, peakMb: kb / 1024 };
}

const leftovers = () => readdirSync(dir).filter((n) => n.endsWith(".tmp"));

async function portable(n: number, name: string): Promise<string> {
  const input = file(`${name}-in.xlsx`, await register(n));
  const out = file(`${name}.xlsx`);
  const r = runCli(["portable", input, out]);
  expect(r.status).toBe(0);
  return out;
}

describe("bounded reading: bombs and huge sheets refused before inflating", () => {
  test("a sheet whose header declares 1.5 GB: exit 2, a sentence naming the file, the part and the limit; memory stays small", async () => {
    const input = file("sheet-declared.xlsx", declareSize(await register(20), "xl/worksheets/sheet1.xml", 1_500_000_000));
    const before = readFileSync(input);
    const out = file("sheet-declared-out.xlsx");
    const r = measured(["portable", input, out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("sheet-declared.xlsx");
    expect(r.stderr).toContain("xl/worksheets/sheet1.xml");
    expect(r.stderr).toContain("200 MB");
    expect(r.stderr).not.toMatch(/at .*\.(ts|js|cjs):\d+/);
    expect(r.peakMb).toBeLessThan(500);
    expect(existsSync(out)).toBe(false);
    expect(readFileSync(input).equals(before)).toBe(true);
    // The limit is a flag: raised, the same file gets past the guard (and is refused as damaged).
    const raised = measured(["portable", "--max-mb", "2000", input, out, "--lang", "en"]);
    expect(raised.status).toBe(2);
    expect(raised.stderr).not.toContain("over the limit of");
  });

  test("a 20,000-row register (80,000 JY cells): made portable and restored within the default limits, every part back byte for byte", async () => {
    const input = file("large-in.xlsx", await register(20_000));
    const out = file("large-portable.xlsx");
    const made = measured(["portable", input, out]);
    expect([made.status, made.stderr]).toEqual([0, ""]);
    const parts = async (p: string) => {
      const zip = await JSZip.loadAsync(readFileSync(p));
      return new Map(await Promise.all(Object.keys(zip.files).filter((n) => !zip.files[n].dir).map(async (n) => [n, await zip.files[n].async("string")] as const)));
    };
    const after = await parts(out);
    // Each converted cell holds a row name; the native formulas are four names; the record is a few rows.
    const sheet = after.get("xl/worksheets/sheet1.xml")!;
    expect(sheet.match(/<f t="array" ref="[A-Z]+\d+">_JY_C\d+<\/f>/g)).toHaveLength(80_000);
    expect(after.get("xl/workbook.xml")!.match(/name="_JY_C\d+"/g)).toHaveLength(4);
    const record = [...after.values()].find((x) => x.includes("jyreward-portable/"))!;
    expect(record.match(/<row /g)!.length).toBeLessThan(400);
    const total = [...after.values()].reduce((n, x) => n + Buffer.byteLength(x), 0);
    expect(total).toBeLessThan(2 * [...(await parts(input)).values()].reduce((n, x) => n + Buffer.byteLength(x), 0));
    expect(made.peakMb).toBeLessThan(1500);

    const back = file("large-back.xlsx");
    const restored = measured(["restore", out, back]);
    expect([restored.status, restored.stderr]).toEqual([0, ""]);
    expect(restored.peakMb).toBeLessThan(1500);
    expect(await parts(back)).toEqual(await parts(input));
  });

  test("a part whose header understates it (1 KB declared, 1 GB inside): stopped at the declared size", async () => {
    const raw = zerosDeflated(1000);
    const input = file("lying.xlsx", await withRawEntry(await register(20), "xl/worksheets/sheet1.xml", raw, 1024));
    const r = measured(["portable", "--lang", "en", input, file("lying-out.xlsx")]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/lying\.xlsx: the part xl\/worksheets\/sheet1\.xml inflates past the 1024 bytes its header declares/);
    expect(r.peakMb).toBeLessThan(500);
  });

  test("four media entries declaring 1.9 GB each, and a real 1 GB media entry: carried over compressed, never inflated", async () => {
    let b = await workbookOf(registerRows(20), { "xl/media/image1.png": "a", "xl/media/image2.png": "b", "xl/media/image3.png": "c", "xl/media/image4.png": "d" });
    for (const k of [1, 2, 3, 4]) b = declareSize(b, `xl/media/image${k}.png`, 1_900_000_000);
    const declared = file("media-declared.xlsx", b);
    const r1 = measured(["portable", declared, file("media-declared-out.xlsx")]);
    expect(r1.status).toBe(0);
    expect(r1.peakMb).toBeLessThan(500);

    const zeros = Buffer.alloc(1000 * 1024 * 1024);
    const real = file("media-real.xlsx", await withRawEntry(await register(20), "xl/media/image1.png", zerosDeflated(1000), zeros.length, crc32(zeros)));
    const out = file("media-real-out.xlsx");
    const r2 = measured(["portable", real, out]);
    expect(r2.status).toBe(0);
    expect(r2.peakMb).toBeLessThan(500);
    // No larger than the input plus what the conversion adds (the same register without media).
    const plain = await portable(20, "plain20");
    expect(readFileSync(out).length).toBeLessThan(readFileSync(real).length + readFileSync(plain).length);
    // restore learns the file is not portable from workbook.xml alone: no output, exit 1, quickly.
    const r3 = measured(["restore", real, file("media-real-back.xlsx")]);
    expect(r3.status).toBe(1);
    expect(r3.stderr).toContain("不是通用版");
    expect(r3.peakMb).toBeLessThan(500);
    expect(existsSync(file("media-real-back.xlsx"))).toBe(false);
  });

  test("one value at XFD1048576 (a 2 KB file): portable and restore answer at once, with little memory", async () => {
    const input = file("last-cell.xlsx", await lastCell());
    const r = measured(["portable", input, file("last-cell-out.xlsx")]);
    expect(r.status).toBe(0);
    expect(r.peakMb).toBeLessThan(500);
    const back = measured(["restore", input, file("last-cell-back.xlsx")]);
    expect(back.status).toBe(1);
  });

  test("audit of a folder: the XFD1048576 file, a bomb and a 1 GB media file each answered, the good register still audited", async () => {
    const folder = path.join(dir, "audit-folder");
    mkdirSync(folder);
    writeFileSync(path.join(folder, "a-last-cell.xlsx"), await lastCell());
    writeFileSync(path.join(folder, "b-bomb.xlsx"), declareSize(await register(5), "xl/worksheets/sheet1.xml", 1_500_000_000));
    const zeros = Buffer.alloc(1000 * 1024 * 1024);
    writeFileSync(path.join(folder, "c-media.xlsx"), await withRawEntry(await register(5), "xl/media/image1.png", zerosDeflated(1000), zeros.length, crc32(zeros)));
    writeFileSync(path.join(folder, "d-good.xlsx"), await register(5));
    const r = measured(["audit", "--lang", "en", "--json", folder]);
    expect(r.status).toBe(2);
    expect(r.peakMb).toBeLessThan(500);
    const out = jsonLines(r.stdout);
    expect(out).toHaveLength(4);
    const byName = new Map(out.map((o) => [path.basename(String(o.file)), o]));
    // The reader visits the cells that exist: the stray cell is one cell, and the register above it is read.
    expect(byName.get("a-last-cell.xlsx")!.error).toBeNull();
    expect((byName.get("a-last-cell.xlsx")!.registers as Array<{ header: string }>).map((g) => g.header)).toEqual(["A1"]);
    expect(JSON.stringify(byName.get("b-bomb.xlsx"))).toMatch(/over the limit of 200 MB/);
    expect(byName.get("c-media.xlsx")!.error).toBeNull();
    expect(byName.get("d-good.xlsx")!.error).toBeNull();
    expect((byName.get("d-good.xlsx")!.registers as unknown[]).length).toBe(1);
  });

  test("audit: a sheet holding more cells than --max-cells is refused with a sentence; the other files are still audited", async () => {
    const folder = path.join(dir, "audit-cells");
    mkdirSync(folder);
    writeFileSync(path.join(folder, "a-big.xlsx"), await register(40));
    writeFileSync(path.join(folder, "b-small.xlsx"), await register(2));
    const r = measured(["audit", "--lang", "en", "--json", "--max-cells", "60", folder]);
    expect(r.status).toBe(2);
    const byName = new Map(jsonLines(r.stdout).map((o) => [path.basename(String(o.file)), o]));
    expect(JSON.stringify(byName.get("a-big.xlsx"))).toMatch(/cannot read a-big\.xlsx: the sheet \S+ holds more than 60 cells, the limit \(raise it with --max-cells\)/);
    expect(byName.get("b-small.xlsx")!.error).toBeNull();
  });

  test("audit: an .ods of a few KB declaring 17 billion repeated cells is refused before they are built; the good registers beside it are audited", async () => {
    const folder = path.join(dir, "audit-ods");
    mkdirSync(folder);
    writeFileSync(path.join(folder, "a-bomb.ods"), await odsRepeatBomb());
    writeFileSync(path.join(folder, "b-good.xlsx"), await register(5));
    writeFileSync(path.join(folder, "c-good.ods"), await odsOf(odsTable("台账", [["行业", "第一年销售额", "第二年销售额", "镇街园区"], ["化工", 60_000_000, 60_000_000, "华士镇"], ["铸造", 9_000_000, 9_500_000, "周庄镇"]])));
    const r = measured(["audit", "--json", folder]);
    expect(r.status).toBe(2);
    expect(r.peakMb).toBeLessThan(500);
    const byName = new Map(jsonLines(r.stdout).map((o) => [path.basename(String(o.file)), o]));
    expect(byName.size).toBe(3);
    expect(JSON.stringify(byName.get("a-bomb.ods"))).toContain("无法读取 a-bomb.ods：工作表 台账 的单元格超过上限 2,000,000 个（可用 --max-cells 调高）");
    for (const good of ["b-good.xlsx", "c-good.ods"]) {
      expect(byName.get(good)!.error).toBeNull();
      expect((byName.get(good)!.registers as unknown[]).length).toBe(1);
    }
  });

  test("audit: an .ods of 20,000 array formulas then 300,000 cells (SheetJS alone compares each cell with each area) is audited, bounded in memory", async () => {
    const input = file("array-areas.ods", await odsArrayAreas(30));
    const r = measured(["audit", "--json", input]);
    expect(r.status).toBe(1);
    expect(r.peakMb).toBeLessThan(500);
    const [out] = jsonLines(r.stdout);
    expect(out.error).toBeNull();
    expect((out.registers as unknown[]).length).toBe(1);
  });

  test("not a zip at all: a sentence, exit 2", () => {
    const input = file("text.xlsx", new TextEncoder().encode("hello, not a workbook"));
    const r = runCli(["portable", "--lang", "en", input, file("text-out.xlsx")]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/text\.xlsx" is not an \.xlsx workbook/);
  });
});

describe("nothing lost: output written whole or not at all", () => {
  test("output over input on a disk that fills up (ulimit -f): exit 2, a sentence, the input byte for byte, no temporary file", async () => {
    const input = file("full.xlsx", await register(200));
    const before = readFileSync(input);
    // The file-size limit (in KB) is below the output's size: the write fails with EFBIG (SIGXFSZ ignored).
    const r = spawnSync("bash", ["-c", `trap '' XFSZ; ulimit -f 16; exec "${process.execPath}" "${BIN}" portable "${input}" "${input}"`], {
      encoding: "utf8",
      env: { ...process.env, LANG: "zh_CN.UTF-8" },
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("full.xlsx");
    expect(r.stderr).toMatch(/文件超过系统允许的大小|磁盘空间不足/);
    expect(r.stderr).not.toMatch(/at .*\.(ts|js|cjs):\d+/);
    expect(readFileSync(input).equals(before)).toBe(true);
    expect(leftovers()).toEqual([]);
  });

  test("a missing folder: a sentence naming it, exit 2, no stack trace", async () => {
    const input = file("ok.xlsx", await register(3));
    const r = runCli(["portable", "--lang", "en", input, path.join(dir, "no-such-folder", "out.xlsx")]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/Cannot write .*out\.xlsx: the folder .*no-such-folder does not exist\./);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  test("a read-only output file is not replaced: a sentence, exit 2, the file as it was", async () => {
    const input = file("ro-in.xlsx", await register(3));
    const target = file("ro-out.xlsx", new TextEncoder().encode("keep me"));
    chmodSync(target, 0o444);
    const r = runCli(["portable", "--lang", "en", input, target]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/Cannot write .*ro-out\.xlsx: permission denied/);
    expect(readFileSync(target, "utf8")).toBe("keep me");
    expect(leftovers()).toEqual([]);
  });

  test("calc's output to /dev/full: a sentence, exit 2", () => {
    const r = spawnSync("bash", ["-c", `exec "${process.execPath}" "${BIN}" calc --lang en > /dev/full`], {
      input: '{"sector":"化工","sales1":"60000000","sales2":"60000000"}\n',
      encoding: "utf8",
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cannot write the output \(standard output\): the disk is full/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  test("a name with a right-to-left override is shown escaped", () => {
    const name = file("bad\u202Exslx.exe");
    writeFileSync(name, "not a workbook");
    const r = runCli(["portable", name, file("rlo-out.xlsx")]);
    expect(r.status).toBe(2);
    expect(r.stderr).not.toContain("\u202E");
    expect(r.stderr).toContain("bad\\u{202E}xslx.exe");
    // audit's report the same: the file's name and the reason it could not be read.
    const a = runCli(["audit", name]);
    expect(a.status).toBe(2);
    expect(a.stdout).not.toContain("\u202E");
    expect(a.stdout).toContain("bad\\u{202E}xslx.exe");
  });
});

describe("restore verifies before it writes", () => {
  const zipText = async (p: string, part: RegExp) => {
    const zip = await JSZip.loadAsync(readFileSync(p));
    const name = Object.keys(zip.files).find((n) => part.test(n))!;
    return zip.file(name)!.async("string");
  };

  test("untouched: every cell back, the record gone", async () => {
    const p = await portable(6, "clean");
    const out = file("clean-back.xlsx");
    const r = runCli(["restore", "--json", p, out]);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.restored).toHaveLength(24);
    expect(report.refused).toEqual([]);
    expect(await zipText(out, /workbook\.xml$/)).not.toContain(RECORD);
  });

  test("a record row emptied: nothing restored, nothing written, the row named, exit 1", async () => {
    const p = await portable(6, "emptied");
    const tampered = file("emptied-t.xlsx", await emptyRecordRow(readFileSync(p), 5));
    const out = file("emptied-back.xlsx");
    const r = runCli(["restore", tampered, out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("记录第 5 行被清空");
    expect(existsSync(out)).toBe(false);
  });

  test("the last record row cut off: the count in the record says so", async () => {
    const p = await portable(6, "cut");
    const bytes = readFileSync(p);
    const zip = await JSZip.loadAsync(bytes);
    const rec = Object.keys(zip.files).filter((n) => /worksheets\/sheet\d+\.xml$/.test(n)).sort().pop()!;
    const last = Math.max(...[...(await zip.file(rec)!.async("string")).matchAll(/<row r="(\d+)">/g)].map((m) => Number(m[1])));
    const tampered = file("cut-t.xlsx", await emptyRecordRow(bytes, last));
    const r = runCli(["restore", "--lang", "en", tampered, file("cut-back.xlsx")]);
    expect(r.status).toBe(1);
    const [, should, holds] = /it should hold (\d+) rows, it holds (\d+)/.exec(r.stderr) ?? [];
    expect(Number(holds)).toBe(Number(should) - 1);
  });

  test("a malformed cell in the record: damage, no output", async () => {
    const p = await portable(6, "malformed");
    const tampered = file("malformed-t.xlsx", await setRecordText(readFileSync(p), "F4", "<c r=\"F2\"><f>garbage"));
    const r = runCli(["restore", "--lang", "en", tampered, file("malformed-back.xlsx")]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/record row 4/);
    expect(existsSync(file("malformed-back.xlsx"))).toBe(false);
  });

  test("an extra record row aimed at a name cell with a DDE formula: refused, never written", async () => {
    const p = await portable(6, "dde");
    const evil = "cmd|'/c calc'!A1";
    const tampered = file(
      "dde-t.xlsx",
      await addRecordRow(readFileSync(p), ["台账", "A3", "native", evil, `<c r="A3"><f>${evil.replace(/'/g, "&apos;")}</f></c>`, `<c r="A3"><f t="array" ref="A3">${evil}</f></c>`]),
    );
    const out = file("dde-back.xlsx");
    const r = runCli(["restore", "--lang", "en", tampered, out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/not a JY formula the add-in converts/);
    expect(existsSync(out)).toBe(false);
    // Even with the formula an add-in formula, a row aimed at a cell that was never converted is refused.
    const jy = '_xldudf_JY_REWARD(A3,B3,C3,D3,"元",E3)';
    const aimed = file("aimed-t.xlsx", await addRecordRow(readFileSync(p), ["台账", "A3", "frozen", jy, `<c r="A3"><f>${jy.replace(/"/g, "&quot;")}</f></c>`, `<c r="A3"><v>1</v></c>`]));
    const r2 = runCli(["restore", "--lang", "en", aimed, out]);
    expect(r2.status).toBe(1);
    expect(existsSync(out)).toBe(false);
  });

  test("a converted cell overwritten with 999: that cell refused and listed, the rest restored, the record kept for it", async () => {
    const p = await portable(6, "999");
    const tampered = file("999-t.xlsx", await overwriteCell(readFileSync(p), "台账", "F4", 999));
    const out = file("999-back.xlsx");
    const r = runCli(["restore", "--json", tampered, out]);
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.refused.map((x: { cell: string }) => x.cell)).toEqual(["F4"]);
    expect(report.restored).toHaveLength(23);
    // The output keeps the record with that one row; restoring it again still refuses F4 and nothing else.
    const again = runCli(["restore", "--json", out, file("999-back2.xlsx")]);
    expect(again.status).toBe(1);
    const second = JSON.parse(again.stdout);
    expect(second.refused.map((x: { cell: string }) => x.cell)).toEqual(["F4"]);
    expect(second.restored).toEqual([]);
    const sheet = await zipText(out, /worksheets\/sheet1\.xml$/);
    expect(sheet).toContain('<c r="F4"><v>999</v></c>');
    expect(sheet).toContain("_xldudf_JY_REWARD(A5,B5,C5,D5");
  });

  test("a row inserted above the register: every cell found one row down and restored there, the header untouched", async () => {
    const p = await portable(6, "inserted");
    const tampered = file("inserted-t.xlsx", await insertRowAbove(readFileSync(p), "台账", "江阴市落后产能退出奖励台账"));
    const out = file("inserted-back.xlsx");
    const r = runCli(["restore", "--json", tampered, out]);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.refused).toEqual([]);
    expect(report.moved).toHaveLength(24);
    expect(report.moved[0]).toEqual({ sheet: "台账", cell: "F2", now: "F3" });
    const sheet = await zipText(out, /worksheets\/sheet1\.xml$/);
    expect(sheet).toMatch(/<c r="F3"><f>_xldudf_JY_REWARD\(A3,B3,C3,D3,&quot;元&quot;,E3\)<\/f>/);
    expect(sheet).toMatch(/<c r="F2" t="inlineStr"><is><t>奖励<\/t>/);
  });
});

describeWithLibreOffice("restore after LibreOffice saved a register with a row inserted above it", (soffice) => {
  test("LibreOffice's own save (shared strings, its formula spelling): every cell found one row down", async () => {
    const p = await portable(8, "lo");
    const edited = await insertRowAbove(readFileSync(p), "台账", "江阴市落后产能退出奖励台账");
    const saved = file("lo-saved.xlsx", recalcInLibreOffice(soffice, edited, "lo.xlsx"));
    const out = file("lo-back.xlsx");
    const r = runCli(["restore", "--json", saved, out]);
    const report = JSON.parse(r.stdout);
    expect(report.damaged).toEqual([]);
    expect(report.refused).toEqual([]);
    expect(report.restored).toHaveLength(32);
    expect(report.moved.every((m: { cell: string; now: string }) => Number(m.now.slice(1)) === Number(m.cell.slice(1)) + 1)).toBe(true);
    expect(r.status).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(out));
    const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    expect(sheet).toMatch(/<c [^>]*r="F3"[^>]*><f[^>]*>(?:_xldudf_JY_REWARD|JY\.REWARD)\(A3,B3,C3,D3,/i);
    expect(sheet).toMatch(/<c [^>]*r="G3"[^>]*><f t="array" ref="G3:I3">_xldudf_JY_FUNDING\(A3,B3,C3,D3,/i);
    expect(sheet).not.toMatch(/<c [^>]*r="F2"[^>]*><f/);
  });
});

describe("calc: every line answered, in order, whatever it holds", () => {
  test("a line nested 5,000 deep, a 5 MB line and a nested sales among good claims: one output line each, in order", () => {
    const good = (id: number) => JSON.stringify({ id, sector: "化工", sales1: "60000000", sales2: "60000000" });
    const lines = [
      good(1),
      `{"id":${"[".repeat(5000)}1${"]".repeat(5000)},"sector":"化工","sales1":"1","sales2":"1"}`,
      good(3),
      `{"id":4,"sector":"化工","sales1":"1","sales2":"1","place":"${"x".repeat(5 * 1024 * 1024)}"}`,
      good(5),
      `{"id":6,"sector":"化工","sales1":[[["1"]]],"sales2":"1"}`,
      good(7),
    ];
    const r = measured(["calc", "--lang", "en"], lines.join("\n") + "\n");
    expect(r.status).toBe(0);
    const out = jsonLines(r.stdout);
    expect(out).toHaveLength(7);
    expect(out.map((o) => (o.error ? (o.error as { line: number }).line : o.id))).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect((out[1].error as { message: string }).message).toMatch(/line 2 nests JSON deeper than 16 levels/);
    expect((out[3].error as { message: string }).message).toMatch(/line 4 is longer than the limit of 1,048,576 characters/);
    expect((out[5].error as { argument: string }).argument).toBe("sales1");
    expect(r.stderr).toBe("");
  });
});
