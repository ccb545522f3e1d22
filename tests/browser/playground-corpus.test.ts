/**
 * The register corpus (tests/fixtures/registers/corpus.ts) through the playground's 打开 in real
 * Chromium, at 320 px: each file opens (.xlsx, .xlsm, .xls, .ods), the pane scans it, and its
 * counts and payer totals are the ones the claims behind the file give through the engine; the
 * skipped rows are said in the pane. Files that cannot be read say why, in the page's language.
 */
import fs from "fs";
import os from "os";
import path from "path";
import type { Page } from "playwright-core";
import { findSoffice, inCI } from "../libreoffice/soffice";
import { writeCorpus, type CorpusEntry } from "../fixtures/registers/corpus";
import { browserAvailable, openPlayground, openSession, screenshot, type Session } from "./harness";

const run = browserAvailable() ? describe : describe.skip;
const soffice = findSoffice();

run("playground: 打开 every register of the corpus", () => {
  let session: Session;
  let page: Page;
  let errors: string[];
  let dir: string;
  let entries: CorpusEntry[];

  beforeAll(async () => {
    if (!soffice && inCI()) throw new Error("soffice not found: CI must install libreoffice-calc for the .xls / .ods corpus files");
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "jy-corpus-page-"));
    entries = await writeCorpus(dir, soffice);
    session = await openSession();
    ({ page, errors } = await openPlayground(session, "?today=2025-12-15"));
    await page.setViewportSize({ width: 320, height: 900 });
  }, 240000);

  afterAll(async () => {
    await session?.close();
  });

  async function open(file: string) {
    await page.setInputFiles('[data-testid="open-file-input"]', file);
    await page.waitForFunction((name) => document.querySelector('[data-testid="file-message"]')?.textContent?.includes(name), path.basename(file));
  }

  test("each file: the pane's counts and payer totals are the claims' to the 分", async () => {
    expect(entries.length).toBeGreaterThanOrEqual(soffice ? 14 : 11);
    for (const entry of entries) {
      await open(path.join(dir, entry.file));
      const { state } = await page.evaluate(() => window.__jy!.rescan());
      await page.waitForSelector('[data-testid="pane"][data-status="done"]');
      const t = state!.scan!.totals;
      const got = {
        file: entry.file,
        rows: t.counts.rows,
        eligible: t.counts.eligible,
        excluded: t.counts.excluded,
        notCovered: t.counts.notCovered,
        invalid: t.counts.invalid,
        reward: t.reward,
        city: t.city,
        town: t.townTotal,
        park: t.parkTotal,
      };
      const e = entry.expected;
      expect(got).toEqual({ file: entry.file, rows: e.enterprises, eligible: e.eligible, excluded: e.excluded, notCovered: e.notCovered, invalid: e.invalid, reward: e.reward, city: e.city, town: e.townTotal, park: e.parkTotal });
      expect(await page.locator('[data-testid="count-rows"]').innerText()).toContain(String(e.enterprises));
      const skipped = e.skipped.total + e.skipped.footer + e.skipped.blank + e.skipped["serial-only"];
      if (skipped > 0) expect(await page.locator('[data-testid="skipped-rows"]').innerText()).toContain(`跳过 ${skipped} 行`);
      else expect(await page.locator('[data-testid="skipped-rows"]').count()).toBe(0);
    }
    await open(path.join(dir, "07-groups-subtotals.xlsx"));
    await page.evaluate(() => window.__jy!.rescan());
    await screenshot(page, "corpus-groups-subtotals-320.png");
    expect(errors).toEqual([]);
  }, 300000);

  test("no header recognised: the pane says so and still offers 列对应, each column with an example", async () => {
    const XLSX = await import("@e965/xlsx");
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([["名单"], ["单位", "地点", "类别", "甲年", "乙年"], ["甲化工有限公司", "华士镇", "化工", 60000000, 60000000]]), "名单");
    const file = path.join(dir, "无表头.xlsx");
    fs.writeFileSync(file, XLSX.write(wb, { type: "buffer", bookType: "xlsx" }) as Buffer);
    await open(file);
    await page.evaluate(() => window.__jy!.rescan());
    await page.waitForSelector('[data-testid="pane"][data-status="no-register"]');
    await page.click('[data-testid="open-mapping"]');
    await page.click('[data-testid="map-sector"]');
    const options = await page.locator('[role="option"]').allInnerTexts();
    expect(options).toContain("C：类别（如化工）");
    expect(options).toContain("A：单位（如甲化工有限公司）");
    await screenshot(page, "corpus-no-header-mapping-320.png");
    await page.keyboard.press("Escape");
    await page.keyboard.press("Escape");
  }, 60000);

  test("a file that cannot be read: a sentence naming it and what to do, no library message", async () => {
    const file = path.join(dir, "华士镇.et");
    fs.writeFileSync(file, "WPS spreadsheet");
    await open(file);
    const text = await page.locator('[data-testid="file-message"]').innerText();
    expect(text).toContain("无法读取 华士镇.et：这是 WPS 的 .et 文件，请在 WPS 中另存为 .xlsx");
    expect(text).not.toMatch(/central directory|undefined|Error/);
  }, 60000);
});
