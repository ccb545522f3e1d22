/**
 * Registers as the towns really send them (tests/fixtures/registers/corpus.ts): every file of the
 * corpus through `jyreward audit --json` and through the pane's scan over the playground's
 * HyperFormula workbook loaded from the same file; enterprise count, status counts, payer totals
 * to the 分, note findings and skipped rows all as the claims behind the file give them through
 * the engine. Unreadable files: a sentence naming the file and what to do, exit code 2.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import * as XLSX from "@e965/xlsx";
import { PlaygroundWorkbook } from "../../src/playground/workbook";
import { readRegisterFile } from "../../src/playground/files";
import { readSpreadsheet, readWithSheetJs, SpreadsheetReadError, type FileSheet } from "../../src/hosts/xlsx/read";
import { readOoxmlSheets } from "../../src/hosts/xlsx/ooxml";
import JSZip from "jszip";
import type { RegisterFinding, RegisterTotals, SkippedRow } from "../../src/engine/register";
import { ScanController } from "../../src/taskpane/scanner";
import { jsonLines, runCli } from "../cli/run-cli";
import { findSoffice, inCI } from "../libreoffice/soffice";
import { CONVERSIONS, writeCorpus, type CorpusEntry, type Expected } from "../fixtures/registers/corpus";

jest.setTimeout(240_000);

const TODAY = "2025-12-15";
const soffice = findSoffice();
if (!soffice && !inCI()) {
  // eslint-disable-next-line no-console
  console.warn(`\n*** corpus: LibreOffice (soffice) not found, so the .xls / .ods files (${CONVERSIONS.map((c) => c.file).join(", ")}) are NOT tested. Install it: apt-get install -y --no-install-recommends libreoffice-calc ***\n`);
}

let dir: string;
let entries: CorpusEntry[];
let audited: Map<string, Record<string, any>>;

beforeAll(async () => {
  if (!soffice && inCI()) throw new Error("soffice not found: CI must install libreoffice-calc for the .xls / .ods corpus files");
  dir = mkdtempSync(path.join(os.tmpdir(), "jy-corpus-"));
  entries = await writeCorpus(dir, soffice);
  const r = runCli(["audit", dir, "--json", "--today", TODAY]);
  if (r.stderr !== "") throw new Error(`audit wrote to stderr: ${r.stderr}`);
  audited = new Map(jsonLines(r.stdout).map((l) => [path.basename(String(l.file)), l]));
});

/** What a scan gives, in the shape of the expectations. */
function observed(totals: RegisterTotals, findings: RegisterFinding[], skipped: SkippedRow[]): Expected {
  const count = (reason: SkippedRow["reason"]) => skipped.filter((s) => s.reason === reason).length;
  return {
    enterprises: totals.counts.rows,
    eligible: totals.counts.eligible,
    excluded: totals.counts.excluded,
    notCovered: totals.counts.notCovered,
    invalid: totals.counts.invalid,
    reward: totals.reward,
    city: totals.city,
    townTotal: totals.townTotal,
    parkTotal: totals.parkTotal,
    towns: Object.fromEntries(totals.towns.filter((t) => t.fen > 0).map((t) => [t.nameZh, t.fen])),
    parks: Object.fromEntries(totals.parks.filter((p) => p.fen > 0).map((p) => [p.nameZh, p.fen])),
    noteFindings: findings.filter((f) => f.code === "NOTE_MENTIONS_FLAG").length,
    skipped: { total: count("total"), footer: count("footer"), blank: count("blank"), "serial-only": count("serial-only") },
  };
}

/** The corpus's files, known before they are written (the module's list and its conversions). */
const FILES = [
  "01-title-total-footer.xlsx",
  "02-two-row-merged-wan.xlsx",
  "03-unit-line-wan.xlsx",
  "04-notes-keywords.xlsx",
  "05-table-calculated-column.xlsx",
  "06-aliases-codes.xlsx",
  "07-groups-subtotals.xlsx",
  "08-wps-style.xlsx",
  "09-shared-inline-dates.xlsx",
  "10-macro.xlsm",
  "11-far-cell.xlsx",
  ...(soffice ? CONVERSIONS.map((c) => c.file) : []),
];
const names = () => FILES;

/** Where each file's header starts: the first header row, under its title lines. */
const HEADER: Record<string, string> = {
  "01-title-total-footer.xlsx": "A3",
  "02-two-row-merged-wan.xlsx": "A2",
  "03-unit-line-wan.xlsx": "A3",
  "07-groups-subtotals.xlsx": "A3",
  "08-wps-style.xlsx": "A3",
  "12-two-row-merged-wan.xls": "A2",
  "13-title-total-footer.ods": "A3",
  "14-wps-style.xls": "A3",
};

describe("the corpus", () => {
  test("has at least 12 files in every shape (14 with LibreOffice's .xls / .ods)", () => {
    expect(entries.map((e) => e.file).sort()).toEqual(names().sort());
    expect(entries.length).toBeGreaterThanOrEqual(soffice ? 14 : 11);
  });

  test.each(names())("%s: jyreward audit --json finds every enterprise, skips the rest, totals to the 分", (file) => {
    const entry = entries.find((e) => e.file === file)!;
    const a = audited.get(file)!;
    expect(a.error).toBeNull();
    expect(a.registers).toHaveLength(1);
    const r = a.registers[0];
    expect(r.unit).toBe(entry.unit);
    expect(r.header).toBe(HEADER[file] ?? "A1");
    expect(r.missingColumns).toEqual([]);
    expect(observed(r.totals, r.findings, r.skippedRows)).toEqual(entry.expected);
    // Never an input error for a spelling staff use (铸造业, 纺织, 2221 …).
    expect(r.findings.filter((f: RegisterFinding) => f.code === "INVALID_INPUT")).toEqual([]);
  });

  test.each(names())("%s: the pane's scan over the playground workbook loaded from the file agrees", async (file) => {
    const entry = entries.find((e) => e.file === file)!;
    const opened = await readRegisterFile(new Uint8Array(readFileSync(path.join(dir, file))), file);
    const wb = new PlaygroundWorkbook("zh-CN");
    await wb.replaceWith(opened.sheet, opened.rows);
    const controller = new ScanController(wb, () => undefined, { today: TODAY, debounceMs: 0 });
    await controller.rescan();
    const state = controller.current;
    expect(state.status).toBe("done");
    expect(observed(state.scan!.totals, state.scan!.findings, state.register!.skipped ?? [])).toEqual(entry.expected);
  });
});

describe("what a file says about itself", () => {
  test("notes: each flag word the 标记 column lacks is a 需核实 finding naming the words and the clause; the amount stays", () => {
    const r = audited.get("04-notes-keywords.xlsx")!.registers[0];
    const notes = r.findings.filter((f: RegisterFinding) => f.code === "NOTE_MENTIONS_FLAG");
    expect(notes.map((f: RegisterFinding) => [f.row, f.severity, f.clause, f.messageZh])).toEqual([
      [2, "warning", "五（五）", "备注提及‘产能置换’，标记未填：如属产能置换退出，不列入奖补"],
      [3, "warning", "五（二）", "备注提及‘深井铸造’，标记未填：如属铝加工（深井铸造），奖励按 2%（而非 3%）计算"],
      [6, "warning", "五（五）", "备注提及‘搬迁入园’，标记未填：如属搬迁入园退出，不列入奖补"],
    ]);
    expect(notes[0].cells).toEqual(["H2", "G2"]);
  });

  test("the readable output lists the skipped rows and every finding, 万元 to two decimals", () => {
    const r = runCli(["audit", path.join(dir, "01-title-total-footer.xlsx"), "--today", TODAY]);
    expect(r.stdout).toContain("跳过 3 行（不计为企业）：第 14 行 合计行");
    expect(r.stdout).toContain("第 15 行 表尾「填表人:张三");
    expect(r.stdout).toContain("奖励合计 25,400,000.01 元（2,540.00 万元）");
    expect(r.stdout).toMatch(/\[提示\] 计算金额 32,000\.00 元 不足.*（五（一））/);
    const en = runCli(["audit", path.join(dir, "01-title-total-footer.xlsx"), "--today", TODAY, "--lang", "en"]);
    expect(en.stdout).toContain("3 rows skipped (not enterprises): row 14 total row");
    expect(en.stdout).toContain("Total reward 25,400,000.01 yuan (2,540.00 10k yuan)");
  });

  test("a stray cell at XFD1048576: only the cells the file holds are visited", async () => {
    const bytes = new Uint8Array(readFileSync(path.join(dir, "11-far-cell.xlsx")));
    const sheet = (await readSpreadsheet(bytes, "11-far-cell.xlsx")).sheets[0];
    let rows = 0;
    let cells = 0;
    sheet.values.forEach((row) => {
      rows++;
      row.forEach(() => cells++);
    });
    expect(rows).toBe(7);
    // Header and 5 rows × 6 columns, less 4 blank 标记 cells, plus the stray one.
    expect(cells).toBe(6 * 6 - 4 + 1);
    expect(sheet.values[1048575][16383]).toBe("末格");
    const opened = await readRegisterFile(bytes, "11-far-cell.xlsx");
    expect(opened.outside).toBe(1);
    expect(opened.rows).toHaveLength(6);
  });
});

/** A sheet as plain data: existing non-blank cells, formulas, array-covered cells, merges. */
function plain(sheet: FileSheet) {
  const cells: Array<[number, number, unknown]> = [];
  sheet.values.forEach((row, r) => row.forEach((v, c) => (v === "" ? undefined : cells.push([r, c, v]))));
  return { name: sheet.name, state: sheet.state, cells, formulas: [...sheet.formulas].sort(), covered: [...sheet.arrayCovered].sort(), merges: sheet.merges };
}

describe("the .xlsx part reader gives what SheetJS gives", () => {
  test.each(names().filter((f) => /\.xls[xm]$/.test(f)))("%s", async (file) => {
    const bytes = new Uint8Array(readFileSync(path.join(dir, file)));
    const fast = await readOoxmlSheets(await JSZip.loadAsync(bytes));
    expect(fast).not.toBeNull();
    expect(fast!.map(plain)).toEqual(readWithSheetJs(bytes, file).sheets.map(plain));
  });
});

describe("files that cannot be read say so, naming the file and what to do", () => {
  const cases: Array<[string, () => Uint8Array, RegExp, RegExp]> = [
    ["空.xlsx", () => new Uint8Array(0), /无法读取 空\.xlsx：文件是空的/, /cannot read 空\.xlsx: the file is empty/],
    ["扫描件.pdf", () => new TextEncoder().encode("%PDF-1.7\n%âãÏÓ\n1 0 obj\n"), /无法读取 扫描件\.pdf：不是电子表格文件/, /not a spreadsheet file/],
    ["截断.xlsx", () => new Uint8Array(readFileSync(path.join(dir, "01-title-total-footer.xlsx"))).slice(0, 3000), /无法读取 截断\.xlsx：文件已损坏或不完整/, /damaged or incomplete/],
    ["华士.et", () => new TextEncoder().encode("WPS spreadsheet"), /这是 WPS 的 \.et 文件，请在 WPS 中另存为 \.xlsx/, /this is a WPS \.et file/],
    [
      "加密.xlsx",
      () => {
        // The container Excel writes for a password-protected workbook (MS-OFFCRYPTO): a compound file with these streams.
        const cfb = XLSX.CFB.utils.cfb_new();
        XLSX.CFB.utils.cfb_add(cfb, "/EncryptionInfo", new Uint8Array(64));
        XLSX.CFB.utils.cfb_add(cfb, "/EncryptedPackage", new Uint8Array(4096));
        return new Uint8Array(XLSX.CFB.write(cfb, { type: "array" }) as number[]);
      },
      /无法读取 加密\.xlsx：文件已加密，请先取消密码/,
      /password-protected; remove the password/,
    ],
  ];

  test.each(cases)("%s", async (name, make, zh, en) => {
    const bad = mkdtempSync(path.join(os.tmpdir(), "jy-bad-"));
    const file = path.join(bad, name);
    writeFileSync(file, make());
    let error: unknown = null;
    try {
      await readSpreadsheet(new Uint8Array(readFileSync(file)), name);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SpreadsheetReadError);
    expect((error as SpreadsheetReadError).zh).toMatch(zh);
    expect((error as SpreadsheetReadError).en).toMatch(en);
    const r = runCli(["audit", file]);
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(zh);
    expect(r.stdout).not.toMatch(/central directory|jszip|Cannot read|undefined/i);
    const json = jsonLines(runCli(["audit", file, "--json", "--lang", "en"]).stdout)[0] as { error: { zh: string; en: string } };
    expect(json.error.en).toMatch(en);
  });
});
