/**
 * The user guide's pictures (docs/images/, shown by docs/用户手册.md), taken from the product in
 * real Chromium while each step runs: the pane at 350 × 700 (first screen, a finding group open,
 * the 列对应 dialog), and the playground at 1366 × 768 (template inserted, summary generated, an
 * .xlsx opened and its portable version downloaded). Chinese, the sample register checked on
 * 2025-12-15, the clock fixed at 09:30 Beijing time, animations off and no caret, so an unchanged
 * product writes the same pictures. Every picture the guide lists is made here and no other.
 * Then the pane's 帮助 link: it opens the guide from the add-in's own origin, pictures included.
 */
import AxeBuilder from "@axe-core/playwright";
import fs from "fs";
import os from "os";
import path from "path";
import type { BrowserContext, Page } from "playwright-core";
import { makeCorpus } from "../fixtures/registers/corpus";
import { formulaExamples } from "../docs/formula";
import { blocks } from "../docs/markdown";
import { GUIDE, GUIDE_IMAGES, GUIDE_PICTURES, type GuidePicture } from "../docs/pictures";
import { browserAvailable, openPlayground, openSession, type Session } from "./harness";

const run = browserAvailable() ? describe : describe.skip;

jest.setTimeout(180_000);

const PANE = { width: 350, height: 700 };
const WIDE = { width: 1366, height: 768 };
/** The moment every picture shows as the time of the last check: 09:30 in Jiangyin. */
const NOW = new Date("2025-12-15T09:30:00+08:00");

run("the user guide's pictures, made from the product", () => {
  let session: Session;
  let context: BrowserContext;
  const made = new Set<string>();

  beforeAll(async () => {
    session = await openSession();
    context = await session.browser.newContext({ viewport: PANE, deviceScaleFactor: 1, locale: "zh-CN", timezoneId: "Asia/Shanghai", colorScheme: "light", acceptDownloads: true });
    await context.clock.setFixedTime(NOW);
    context.on("request", (r) => session.requests.push(r.url()));
    fs.mkdirSync(GUIDE_IMAGES, { recursive: true });
  }, 60000);

  afterAll(async () => {
    await context?.close();
    await session?.close();
  });

  /** Opens the playground (Chinese, the sample register) in this test's context, every row computed. */
  async function open(query: string, size: { width: number; height: number }): Promise<{ page: Page; errors: string[] }> {
    const opened = await openPlayground({ ...session, context }, `?today=2025-12-15${query}`);
    await opened.page.setViewportSize(size);
    await opened.page.evaluate(() => window.__jy?.computed);
    await settle(opened.page);
    return opened;
  }

  /** Fonts loaded and two frames drawn after the last change. */
  async function settle(page: Page): Promise<void> {
    await page.evaluate(() => document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))));
  }

  /** Runs a pane action from the 操作与设置 menu, confirmed, and waits for the sheet it adds. */
  async function runAction(page: Page, id: string, sheet: string): Promise<void> {
    await page.click('[data-testid="open-menu"]');
    await page.click(`[data-testid="action-${id}"]`);
    await page.click('[data-testid="action-confirm"]');
    await page.waitForSelector(`[data-testid="sheet-tab"]:has-text("${sheet}")`);
  }

  /**
   * Writes the picture `name` of what the page shows now. `top`: the page scrolled back to its top
   * first (a click may have scrolled it). Scroll bars are left out: Chromium draws them fading, so
   * they would differ between runs of an unchanged product.
   */
  async function picture(page: Page, name: GuidePicture, { top = true } = {}): Promise<void> {
    expect(Object.keys(GUIDE_PICTURES)).toContain(name);
    // No hover left on whatever was clicked last.
    await page.mouse.move(0, 0);
    if (top) await page.evaluate(() => window.scrollTo(0, 0));
    await settle(page);
    await page.screenshot({ path: path.join(GUIDE_IMAGES, name), animations: "disabled", caret: "hide", scale: "css", style: "::-webkit-scrollbar { display: none; }" });
    made.add(name);
  }

  test("the pane at 350 px: first screen, a finding group with its clause, the 列对应 dialog", async () => {
    const { page, errors } = await open("&pane=only", PANE);
    expect(await page.locator('[data-testid="scan-status"]').innerText()).toContain("09:30");
    await picture(page, "pane.png");

    await page.click('[data-testid="finding-group"][data-code="CONDITION_NOT_MET"]');
    await page.waitForSelector('[data-testid="finding"][data-code="CONDITION_NOT_MET"]');
    await page.locator('[data-testid="finding"][data-code="CONDITION_NOT_MET"] [data-testid="finding-clause"]').first().click();
    await page.waitForSelector('[data-testid="clause-text"]');
    await page.locator('[data-testid="finding-group"][data-code="CONDITION_NOT_MET"]').evaluate((e) => e.scrollIntoView({ block: "start" }));
    await picture(page, "findings.png", { top: false });

    await page.click('[data-testid="open-mapping"]');
    await page.waitForSelector('[data-testid="map-sales1"]');
    await picture(page, "mapping.png");
    await page.keyboard.press("Escape");
    expect(errors).toEqual([]);
    await page.close();
  });

  test("the playground: the register template inserted", async () => {
    const { page, errors } = await open("", WIDE);
    await runAction(page, "insert-template", "退出企业登记表");
    await page.waitForSelector('[data-testid="pane"][data-status="done"]');
    expect(await page.locator('[data-cell="N2"]').innerText()).toBe("4,800,000.00");
    // The reward cell selected, so the formula bar shows its JY.REWARD and the formula columns are in view.
    // Column I at the grid's left edge, by the columns' own offsets (the same every run).
    const showFromI = () =>
      page.evaluate(() => {
        const grid = document.querySelector('[data-testid="grid"]') as HTMLElement;
        const a = document.querySelector('[data-cell="A1"]') as HTMLElement;
        const i = document.querySelector('[data-cell="I1"]') as HTMLElement;
        grid.scrollLeft = i.offsetLeft - a.offsetLeft;
      });
    await showFromI();
    await page.click('[data-cell="N2"]');
    await showFromI();
    expect(await page.inputValue('[data-testid="formula-bar"]')).toMatch(/^=JY\.REWARD\(/);
    await picture(page, "template.png");
    expect(errors).toEqual([]);
    await page.close();
  });

  test("the playground: the 资金统计 sheet with its chart", async () => {
    const { page, errors } = await open("", WIDE);
    await runAction(page, "summary", "资金统计");
    await page.waitForSelector('[data-testid="chart-bar"]');
    const bars = await page.$$eval('[data-testid="chart-bar"]', (els) => els.map((e) => [e.getAttribute("data-label"), e.getAttribute("data-value")]));
    // The sample register's payers (README: Playground).
    expect(bars).toEqual([
      ["市财政", "151284000.02"],
      ["镇财政", "756000"],
      ["园区财政", "2500000"],
    ]);
    await picture(page, "summary.png");
    expect(errors).toEqual([]);
    await page.close();
  });

  test("the playground: an .xlsx opened and its portable version downloaded", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jy-guide-pictures-"));
    const register = (await makeCorpus()).find((m) => m.entry.file === "01-title-total-footer.xlsx")!;
    const file = path.join(dir, "登记表.xlsx");
    fs.writeFileSync(file, register.bytes);
    const { page, errors } = await open("", WIDE);
    await page.setInputFiles('[data-testid="open-file-input"]', file);
    await page.waitForFunction(() => document.querySelector('[data-testid="file-message"]')?.textContent?.includes("登记表.xlsx"));
    await page.waitForSelector('[data-testid="pane"][data-status="done"]');
    await page.evaluate(() => window.__jy?.computed);
    const [download] = await Promise.all([page.waitForEvent("download"), page.click('[data-testid="download-portable"]')]);
    await download.saveAs(path.join(dir, download.suggestedFilename()));
    expect(await page.locator('[data-testid="file-message"]').innerText()).toContain("已下载通用版");
    await picture(page, "portable.png");
    expect(errors).toEqual([]);
    await page.close();
  });

  test("every picture the guide shows was made", () => {
    expect([...made].sort()).toEqual(Object.keys(GUIDE_PICTURES).sort());
  });

  test("the pane's 帮助 link opens the guide from the add-in's own origin, with its pictures", async () => {
    const { page, errors } = await open("&pane=only", PANE);
    const help = page.locator('[data-testid="help"]');
    expect(await help.innerText()).toBe("帮助");
    const [guide] = await Promise.all([context.waitForEvent("page"), help.click()]);
    await guide.waitForLoadState("load");
    expect(new URL(guide.url()).origin).toBe(new URL(session.base).origin);
    expect(await guide.locator("h1").innerText()).toBe("江阴市落后产能退出奖励 · 用户手册");
    // Every picture drawn (loaded, with its size), none broken.
    const images = await guide.$$eval("img", (els) => els.map((e) => [e.getAttribute("src"), (e as HTMLImageElement).complete && (e as HTMLImageElement).naturalWidth > 0]));
    expect(images.map(([src]) => src).sort()).toEqual(Object.keys(GUIDE_PICTURES).map((n) => `images/${n}`).sort());
    expect(images.filter(([, ok]) => !ok)).toEqual([]);
    // Each formula example a row of formula and result, as the guide test reads them.
    const examples = blocks(fs.readFileSync(GUIDE, "utf8")).filter((b) => b.lang === "公式").flatMap((b) => formulaExamples(b.body));
    expect(await guide.locator("table.formulas tbody tr").count()).toBe(examples.length);
    expect(await guide.locator("table.formulas tbody tr").first().innerText()).toBe(`${examples[0].formula}\t${examples[0].shown}`);
    // The table of contents leads to its chapters.
    const toc = await guide.$$eval('a[href^="#"]', (els) => els.map((e) => decodeURIComponent(e.getAttribute("href")!.slice(1))));
    expect(toc).toHaveLength(11);
    for (const id of toc) expect([id, await guide.locator(`[id="${id}"]`).count()]).toEqual([id, 1]);
    // Readable by assistive technology too.
    const axe = await new AxeBuilder({ page: guide }).analyze();
    expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`)).toEqual([]);
    // The link reads "Guide" in English and leads to the same page.
    await page.click('[data-testid="lang-en"]');
    expect(await help.innerText()).toBe("Guide");
    expect(await help.getAttribute("href")).toBe("guide/index.html");
    const origin = new URL(session.base).origin;
    expect(session.requests.filter((u) => new URL(u).origin !== origin && !u.startsWith("data:") && !u.startsWith("blob:"))).toEqual([]);
    expect(errors).toEqual([]);
    await guide.close();
    await page.close();
  });
});
