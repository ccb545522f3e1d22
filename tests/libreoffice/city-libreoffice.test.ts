/**
 * The city workbook in real LibreOffice: recalculated from scratch (forced), its 资金统计 gives the
 * corpus's totals by payer, town, park and exit year, and every native formula of 全市登记表 the
 * engine's amount; the 核定表 prints to one PDF page per rewarded enterprise, and a town's
 * 拨付明细 to one page. The PDFs and the workbook are kept under test-output/city/.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { locateRegister } from "../../src/engine/register";
import { readSpreadsheet } from "../../src/hosts/xlsx/read";
import { writeWorkbook } from "../../src/hosts/xlsx/write";
import { xlsxToPdf } from "../../src/cli/soffice";
import { runCli } from "../cli/run-cli";
import { writeCorpus, type Expected } from "../fixtures/city/corpus";
import { describeWithLibreOffice, recalcInLibreOffice } from "./soffice";
import { auditFile, expand } from "../../src/cli/audit";
import { sourcesOf } from "../../src/cli/merge";
import { consolidate } from "../../src/engine/city";
import { DEFAULT_LIMITS } from "../../src/portable/zip-guard";
import { payoutSheets } from "../../src/workbook/papers";

jest.setTimeout(900_000);

const OUT = path.resolve(__dirname, "../../test-output/city");

/** Pages of a PDF: its page objects (/Type /Page, not /Pages). */
const pageCount = (pdf: Buffer | Uint8Array) => (Buffer.from(pdf).toString("latin1").match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;

describeWithLibreOffice("the city workbook in LibreOffice", (soffice) => {
  let dir: string;
  let expected: Expected;
  let workbook: string;

  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "jy-city-lo-"));
    expected = writeCorpus(dir, soffice).expected;
    mkdirSync(OUT, { recursive: true });
    workbook = path.join(OUT, "全市汇总.xlsx");
    const r = runCli(["merge", path.join(dir, "towns"), "--history", path.join(dir, "history"), "-o", workbook, "--pdf", path.join(OUT, "奖励资金核定表.pdf"), "--today", "2025-12-15"], "", { SOFFICE: soffice });
    expect([r.status, r.stderr]).toEqual([1, ""]);
    expect(r.stdout).toContain(`（${expected.rewardedEnterprises} 家企业，每家一页）`);
  });

  test("the 核定表 PDF has one page per rewarded enterprise", () => {
    expect(pageCount(readFileSync(path.join(OUT, "奖励资金核定表.pdf")))).toBe(expected.rewardedEnterprises);
  });

  test("recalculated from scratch, 资金统计 gives the corpus's totals and 全市登记表 the engine's amounts", async () => {
    const saved = recalcInLibreOffice(soffice, new Uint8Array(readFileSync(workbook)), "city.xlsx", 600_000);
    const book = await readSpreadsheet(new Uint8Array(saved), "city.xlsx");
    const summary = book.sheets.find((s) => s.name === "资金统计")!.values;
    const fen = (v: unknown) => Math.round(Number(v) * 100);
    const rowOf = (label: string) => summary.find((r) => r?.[0] === label)!;
    const total = rowOf("合计");
    expect([fen(total[1]), fen(total[2]), fen(total[3]), fen(total[4]), total[5]]).toEqual([expected.city, expected.town, expected.park, expected.reward, expected.enterprises]);
    for (const [town, share] of Object.entries(expected.towns)) expect([town, fen(rowOf(town)[2])]).toEqual([town, share]);
    for (const [park, share] of Object.entries(expected.parks)) expect([park, fen(rowOf(park)[3])]).toEqual([park, share]);
    for (const [year, reward] of Object.entries(expected.byExitYear)) {
      const row = summary.find((r) => typeof r?.[0] === "string" && r[0].startsWith(`${year}年退出（${Number(year) + 1}年10月31日前发放）`))!;
      expect([year, fen(row[4])]).toEqual([year, reward]);
    }

    // Each native formula as LibreOffice computed it equals the value the engine wrote.
    const written = (await readSpreadsheet(new Uint8Array(readFileSync(workbook)), "city.xlsx")).sheets.find((s) => s.name === "全市登记表")!;
    const recomputed = book.sheets.find((s) => s.name === "全市登记表")!;
    const read = locateRegister(written.values)!;
    const amountCols = read.headers.map((h, i) => [String(h), i] as const).filter(([h]) => /^(奖励金额|市财政|镇财政|园区财政)/.test(h));
    expect(amountCols).toHaveLength(4);
    let compared = 0;
    read.rows.forEach((_, i) => {
      for (const [, c] of amountCols) {
        const a = written.values[read.top + 1 + i]?.[c];
        const b = recomputed.values[read.top + 1 + i]?.[c];
        expect([i, c, JSON.stringify(b)]).toEqual([i, c, JSON.stringify(a)]);
        compared++;
      }
    });
    expect(compared).toBe(expected.enterprises * 4);
  });

  test("a town's 拨付明细 prints on one page", async () => {
    const audits = [];
    for (const f of await expand([path.join(dir, "towns")])) audits.push(await auditFile(f, "2025-12-15", DEFAULT_LIMITS));
    const huashi = payoutSheets(consolidate(audits.flatMap(sourcesOf))).find((s) => s.name === "拨付明细-华士镇")!;
    const pdf = await xlsxToPdf(soffice, await writeWorkbook([huashi], [], JSZip));
    writeFileSync(path.join(OUT, "拨付明细-华士镇.pdf"), pdf);
    expect(pageCount(pdf)).toBe(1);
  });
});
