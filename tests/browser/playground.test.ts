/**
 * The playground in real headless Chromium: the sample register's totals and findings, clicking a
 * finding selects its row, editing a cell re-scans, the template and summary actions, markup in a
 * name shown as text, screenshots of the pane in Chinese and English, and no request leaving the
 * page's own origin.
 */
import type { Page } from "playwright-core";
import { browserAvailable, openPlayground, openSession, screenshot, SCREENSHOTS, type Session } from "./harness";

const run = browserAvailable() ? describe : describe.skip;

run("playground in Chromium", () => {
  let session: Session;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    session = await openSession();
    ({ page, errors } = await openPlayground(session, "?today=2025-12-15"));
  }, 60000);

  afterAll(async () => {
    await session?.close();
  });

  const text = (testId: string) => page.locator(`[data-testid="${testId}"]`).first().innerText();

  /** Shows every kind and opens the groups of these kinds, closing the others (the list is windowed). */
  const openGroups = async (codes: string[]) => {
    await page.click('[data-testid="chip-all"]');
    const groups = await page.$$eval('[data-testid="finding-group"]', (els) => els.map((e) => [e.getAttribute("data-code") as string, e.getAttribute("aria-expanded") === "true"] as const));
    for (const [code, open] of groups) {
      if (open !== codes.includes(code)) await page.click(`[data-testid="finding-group"][data-code="${code}"]`);
    }
  };

  test("the sample register's totals", async () => {
    expect(await text("total-reward")).toBe("15,454.00 万元");
    expect(await text("total-reward-other")).toBe("精确值 154,540,000.02 元");
    expect(await text("total-city")).toBe("15,128.40 万元");
    expect(await text("total-city-exact")).toBe("151,284,000.02 元");
    expect(await text("total-towns-exact")).toBe("756,000.00 元");
    await page.click('[data-testid="show-towns"]');
    expect(await text("town-徐霞客镇-exact")).toBe("297,000.00 元");
    expect(await text("town-unknown-exact")).toBe("180,000.00 元");
    expect(await text("total-parks-exact")).toBe("2,500,000.00 元");
    await page.click('[data-testid="show-parks"]');
    expect(await text("park-ZONE_HIGHTECH-exact")).toBe("500,000.00 元");
    expect(await text("park-ZONE_LINGANG-exact")).toBe("2,000,000.00 元");
    expect(await text("status-counts")).toBe("登记 46 家：符合奖励条件 33 家 · 不列入奖补 4 家 · 不适用本意见 5 家 · 金额无法计算 4 家");
  });

  test("the findings, by severity", async () => {
    const bySeverity = await page.$$eval('[data-testid="finding-group"]', (groups) => {
      const out: Record<string, number> = {};
      for (const g of groups) out[g.getAttribute("data-severity") as string] = (out[g.getAttribute("data-severity") as string] ?? 0) + 1;
      return out;
    });
    expect(Object.keys(bySeverity)).toEqual(["excluded", "not-covered", "error", "warning", "info"]);
    await openGroups(["EXCLUDED_RELOCATED", "EXCLUDED_CAPACITY_SWAP", "EXCLUDED_STEEL_CUT", "EXCLUDED_ILLEGAL_NEW"]);
    expect(await page.locator('[data-testid="finding"][data-severity="excluded"]').count()).toBe(4);
    await page.click('[data-testid="chip-error"]');
    expect(await page.locator('[data-testid="finding"]').count()).toBe(6);
    const first = page.locator('[data-testid="finding"]').first();
    expect(await first.getAttribute("data-row")).toBe("21");
    expect(await first.innerText()).toContain("G21 单元格");
    await openGroups(["EXCLUDED_RELOCATED"]);
    expect(await page.locator('[data-testid="finding"][data-code="EXCLUDED_RELOCATED"]').innerText()).toContain("五（五）");
    expect(await text("late-acceptance-2025")).toBe("逾期 1 家");
    expect(await text("late-payment-2024")).toBe("逾期 1 家");
  });

  test("an enterprise named like markup is shown as text, never run", async () => {
    const code = await page.evaluate(() => window.__jy?.state()?.scan?.findings.find((f) => f.row === 45)?.code);
    await openGroups([code as string]);
    const row = page.locator('[data-testid="finding"][data-row="45"]').first();
    expect(await row.innerText()).toContain("<img src=x onerror=alert(1)>");
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  test("screenshots of the pane, Chinese and English", async () => {
    const pane = page.locator("aside");
    await screenshot(page, "playground-zh.png");
    await pane.screenshot({ path: `${SCREENSHOTS}/pane-zh.png` });
    await page.click('[data-testid="lang-en"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="total-reward-other"]')?.textContent === "exactly 154,540,000.02 yuan");
    expect(await text("status-counts")).toContain("33 eligible");
    await openGroups(["USCC_INVALID"]);
    expect(await page.locator('[data-testid="finding"][data-code="USCC_INVALID"]').innerText()).toContain("wrong check character");
    await pane.screenshot({ path: `${SCREENSHOTS}/pane-en.png` });
    await screenshot(page, "playground-en.png");
    await page.click('[data-testid="lang-zh"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="total-reward-other"]')?.textContent === "精确值 154,540,000.02 元");
  });

  test("clicking a finding selects its cells in the sheet", async () => {
    await openGroups(["USCC_INVALID", "CONDITION_NOT_MET"]);
    await page.click('[data-testid="finding"][data-code="USCC_INVALID"]');
    await page.waitForSelector('[data-cell="B14"][data-selected="true"]');
    expect(await text("name-box")).toBe("B14");
    await page.click('[data-testid="finding"][data-code="CONDITION_NOT_MET"][data-row="15"]');
    await page.waitForSelector('[data-cell="K15"][data-selected="true"]');
    expect(await text("name-box")).toBe("K15,L15");
  });

  test("editing a cell re-scans by itself", async () => {
    // Row 2: 化工 60,000,000 + 60,000,000 → 4,800,000; year 2 → 0 gives 30,000,000 × 8% = 2,400,000.
    await page.dblclick('[data-cell="G2"]');
    await page.fill('[data-testid="cell-editor"]', "0");
    await page.press('[data-testid="cell-editor"]', "Enter");
    await page.waitForFunction(() => document.querySelector('[data-testid="total-reward-other"]')?.textContent === "精确值 152,140,000.02 元");
    await openGroups(["ZERO_SALES"]);
    expect(await page.locator('[data-testid="finding"][data-code="ZERO_SALES"][data-row="2"]').count()).toBe(1);
    expect(await page.locator('[data-cell="N2"]').innerText()).toBe("2,400,000.00");
  });

  test("insert the register template, then undo it", async () => {
    await page.click('[data-testid="open-menu"]');
    await page.click('[data-testid="action-insert-template"]');
    await page.click('[data-testid="action-confirm"]');
    await page.waitForSelector('[data-testid="sheet-tab"]:has-text("退出企业登记表")');
    expect(await page.locator('[data-cell="N2"]').innerText()).toBe("4,800,000.00");
    expect(await page.locator('[data-cell="Q4"]').innerText()).toBe("300,000.00");
    expect(await text("action-outcome")).toContain("已新建工作表");
    await page.click('[data-testid="action-undo"]');
    await page.waitForFunction(() => ![...document.querySelectorAll('[data-testid="sheet-tab"]')].some((t) => t.textContent === "退出企业登记表"));
  });

  test("generate the summary sheet: live formulas and a chart by payer", async () => {
    await page.click('[data-testid="open-menu"]');
    await page.click('[data-testid="action-summary"]');
    await page.click('[data-testid="action-confirm"]');
    await page.waitForSelector('[data-testid="sheet-tab"]:has-text("资金统计")');
    await page.waitForSelector('[data-testid="chart"]');
    const bars = await page.$$eval('[data-testid="chart-bar"]', (els) => els.map((e) => [e.getAttribute("data-label"), e.getAttribute("data-value")]));
    // After the edit above: city 151,284,000.02 − 2,400,000.
    expect(bars).toEqual([
      ["市财政", "148884000.02"],
      ["镇财政", "756000"],
      ["园区财政", "2500000"],
    ]);
  });

  test("no request left the page's own origin", async () => {
    const origin = new URL(session.base).origin;
    expect(session.requests.length).toBeGreaterThan(3);
    expect(session.requests.filter((u) => new URL(u).origin !== origin && !u.startsWith("data:") && !u.startsWith("blob:"))).toEqual([]);
    expect(errors).toEqual([]);
  });
});
