/**
 * 合并各镇报表 in the playground, in real Chromium: the city corpus's twelve register files picked
 * in the pane's dialog become a 全市登记表 (one row per enterprise with its source; JY formulas the
 * page computes to the corpus's totals) and a 核查结果; a past year's city register chosen as a
 * sheet of the workbook flags the planted enterprises; undo deletes exactly the sheets added. At
 * 320 px the dialog and the outcome stay inside the pane.
 */
import fs from "fs";
import os from "os";
import path from "path";
import type { Page } from "playwright-core";
import { formatMoney } from "../../src/engine";
import { writeCorpus, type Expected } from "../fixtures/city/corpus";
import { browserAvailable, openPlayground, openSession, screenshot, type Session } from "./harness";

const run = browserAvailable() ? describe : describe.skip;

run("playground: 合并各镇报表", () => {
  let session: Session;
  let page: Page;
  let errors: string[];
  let towns: string[];
  let history: string[];
  let expected: Expected;

  beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jy-merge-pane-"));
    expected = writeCorpus(dir).expected;
    const list = (d: string) => fs.readdirSync(path.join(dir, d)).map((f) => path.join(dir, d, f));
    towns = list("towns");
    history = list("history");
    session = await openSession();
    ({ page, errors } = await openPlayground(session, "?today=2025-12-15"));
  }, 120_000);

  afterAll(async () => {
    await session?.close();
  });

  const tabs = () => page.$$eval('[data-testid="sheet-tab"]', (els) => els.map((e) => e.textContent ?? ""));
  const outcome = () => page.locator('[data-testid="action-outcome"]').innerText();

  async function merge(files: string[], historySheet: string | null) {
    const previous = await page.evaluate(() => document.querySelector('[data-testid="action-outcome"]')?.textContent ?? "");
    await page.click('[data-testid="open-menu"]');
    await page.click('[data-testid="action-merge-registers"]');
    expect(await page.locator('[data-testid="action-confirm"]').isDisabled()).toBe(true);
    await page.setInputFiles('[data-testid="merge-files"]', files);
    await page.waitForFunction((n) => document.body.innerText.includes(`已选择 ${n} 个文件`), files.length);
    if (historySheet) await page.selectOption('[data-testid="merge-history"]', historySheet);
    await page.click('[data-testid="action-confirm"]');
    await page.waitForFunction((old) => {
      const now = document.querySelector('[data-testid="action-outcome"]')?.textContent ?? "";
      return now !== old && /已合并|操作未完成/.test(now);
    }, previous);
  }

  /** A sheet's column by header, as the page computes it. */
  const column = (sheet: string, header: string) =>
    page.evaluate(
      async ([s, h]) => {
        const values = (await window.__jy!.workbook.readSheetValues(s))!;
        const c = values[0].indexOf(h);
        return values.slice(1).map((r) => r[c]);
      },
      [sheet, header] as const,
    );

  test("the past years' registers merged first give a sheet to choose as history", async () => {
    await merge(history, null);
    expect(await tabs()).toEqual(expect.arrayContaining(["全市登记表", "核查结果"]));
  });

  test("the towns' files merged against that sheet: every enterprise with its source, the corpus's totals, the cross-file findings", async () => {
    await merge(towns, "全市登记表");
    const text = await outcome();
    expect(text).toContain(`已合并 ${towns.length} 个文件、${towns.length} 张台账，企业 ${expected.enterprises} 家`);
    expect(text).toContain(`奖励合计 ${formatMoney(expected.reward, "元")}`);
    expect(text).toContain(`跨台账重复申报 ${expected.duplicates.length} 行，往年已获奖补 ${Object.keys(expected.rewardedBefore).length} 行`);
    expect(await tabs()).toEqual(expect.arrayContaining(["全市登记表 (2)", "核查结果 (2)"]));

    // The JY formulas the page computed add up to the corpus's totals, payer by payer.
    const fen = (xs: unknown[]) => xs.reduce<number>((s, v) => s + (typeof v === "number" ? Math.round(v * 100) : 0), 0);
    expect(fen(await column("全市登记表 (2)", "奖励金额（元）"))).toBe(expected.reward);
    expect(fen(await column("全市登记表 (2)", "市财政（元）"))).toBe(expected.city);
    expect(fen(await column("全市登记表 (2)", "镇财政（元）"))).toBe(expected.town);
    expect(fen(await column("全市登记表 (2)", "园区财政（元）"))).toBe(expected.park);
    // Every row names its source; the cross-file rows are the planted ones.
    const files = await column("全市登记表 (2)", "来源文件");
    const rows = await column("全市登记表 (2)", "来源行");
    expect(files).toHaveLength(expected.enterprises);
    const checks = await column("全市登记表 (2)", "核查");
    const flagged = files.map((f, i) => `${f}|${rows[i]}`).filter((_, i) => String(checks[i] ?? "").includes("多个台账重复申报"));
    expect(flagged.sort()).toEqual([...expected.duplicates].sort());
    const before = files.map((f, i) => `${f}|${rows[i]}`).filter((_, i) => String(checks[i] ?? "").includes("往年已获奖补"));
    expect(before.sort()).toEqual(Object.keys(expected.rewardedBefore).sort());
  });

  test("undo deletes exactly the two sheets it added", async () => {
    const beforeUndo = await tabs();
    await page.click('[data-testid="action-undo"]');
    await page.waitForFunction(() => ![...document.querySelectorAll('[data-testid="sheet-tab"]')].some((t) => t.textContent === "全市登记表 (2)"));
    expect(await tabs()).toEqual(beforeUndo.filter((t) => t !== "全市登记表 (2)" && t !== "核查结果 (2)"));
    expect(errors).toEqual([]);
  });

  test("320 px: the dialog and the outcome stay inside the pane", async () => {
    const { page: narrow, errors: narrowErrors } = await openPlayground(session, "?today=2025-12-15&pane=only");
    await narrow.setViewportSize({ width: 320, height: 700 });
    await narrow.click('[data-testid="open-menu"]');
    await narrow.click('[data-testid="action-merge-registers"]');
    const input = await narrow.locator('[data-testid="merge-choose"]').boundingBox();
    const confirm = await narrow.locator('[data-testid="action-confirm"]').boundingBox();
    for (const box of [input!, confirm!]) expect(box.x + box.width).toBeLessThanOrEqual(320);
    await narrow.setInputFiles('[data-testid="merge-files"]', towns.slice(0, 3));
    await narrow.waitForFunction(() => document.body.innerText.includes("已选择 3 个文件"));
    await narrow.waitForFunction(() => !(document.querySelector('[data-testid="action-confirm"]') as HTMLButtonElement).disabled);
    await screenshot(narrow, "merge-dialog-320.png");
    await narrow.click('[data-testid="action-confirm"]');
    await narrow.waitForFunction(() => (document.querySelector('[data-testid="action-outcome"]')?.textContent ?? "").includes("已合并"));
    const bar = await narrow.locator('[data-testid="action-outcome"]').boundingBox();
    expect(bar!.x + bar!.width).toBeLessThanOrEqual(320);
    await screenshot(narrow, "merge-outcome-320.png");
    expect(narrowErrors).toEqual([]);
    await narrow.close();
  });
});
