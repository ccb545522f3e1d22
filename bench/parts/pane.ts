/**
 * pane: the playground in headless Chromium (production build), with a generated register of
 * 10,000 and 100,000 rows (?rows=N, window.__jy): time from navigation to the first findings and
 * totals, time until HyperFormula has computed every row (it does so after the first scan), and
 * the pane's scan alone (rescan) against HyperFormula building the same sheet in the same page;
 * then the pane's render of those findings (grouped, windowed): from the scan's end to the first
 * screen painted, and switching a severity filter until painted. Plus the pane's first render with
 * the sample register.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { CHROMIUM, CHROMIUM_ARGS, productionBuild, serve } from "../lib/build";
import { unavailable, type BenchPart, type Figure } from "../lib/report";

interface Loaded {
  navToReadyMs: number;
  /** Navigation to HyperFormula holding and having computed every row (it computes after the first scan). */
  navToComputedMs: number;
  buildMs: number;
  rescanMs: number;
  rows: number;
  findings: number;
  status: string;
  /** From the scan's end to the pane's first screen painted with its result (best of 3). */
  renderMs: number;
  /** Clicking a severity chip until the filtered list is painted (slowest of the chips, best of 3). */
  filterMs: number;
  chips: number;
}

export const panePart: BenchPart = {
  name: "pane",
  async run(ctx) {
    if (!existsSync(CHROMIUM)) return unavailable(`no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);
    if (!existsSync(path.join(ctx.root, "src", "playground", "index.tsx"))) return unavailable("src/playground does not exist");
    const build = productionBuild(ctx);
    if ("error" in build) return unavailable(build.error);
    if (!existsSync(path.join(build.dir, "playground.html"))) return unavailable("the build has no playground.html");
    const { chromium } = await import("playwright-core");
    const server = await serve(ctx, build.dir);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    try {
      const firstRender = async (): Promise<number> => {
        const page = await browser.newPage();
        await page.goto(`${server.origin}/playground.html`);
        await page.waitForSelector('[data-testid="pane"]', { timeout: 60_000 });
        // The moment the page saw the pane appear (window.__jy.paneAt), not when we got to ask.
        const ms = await page.evaluate(() => window.__jy?.paneAt ?? performance.now());
        await page.close();
        return ms;
      };
      const scan = async (rows: number): Promise<Loaded> => {
        const page = await browser.newPage();
        await page.goto(`${server.origin}/playground.html?rows=${rows}`, { timeout: 120_000 });
        await page.waitForFunction(() => Boolean(window.__jy), undefined, { timeout: 120_000 });
        const first = await page.evaluate(async () => {
          const s = await window.__jy!.ready;
          // When the pane showed the finished scan (taken in the page as React committed it).
          return { ms: window.__jy!.readyAt ?? performance.now(), rows: window.__jy!.rows, status: s?.status ?? "none" };
        });
        // HyperFormula computes the sheet after the first scan; wait for it, so the rescans below
        // time the scan of the finished workbook and do not share the thread with it.
        const computed = await page.evaluate(async () => {
          const at = await window.__jy!.computed;
          return { at, buildMs: window.__jy!.buildMs };
        });
        // The pane's scan alone, on the loaded workbook: best of three.
        let rescanMs = Infinity;
        let findings = 0;
        for (let i = 0; i < 3; i++) {
          const r = await page.evaluate(async () => {
            const { ms, state } = await window.__jy!.rescan();
            return { ms, findings: state?.scan?.findings?.length ?? 0 };
          });
          rescanMs = Math.min(rescanMs, r.ms);
          findings = r.findings;
        }
        // The pane's render of the result: the scan ends when rescan() resolves (the state is
        // handed to React then); the frame after the next paint is when the user sees it.
        let renderMs = Infinity;
        for (let i = 0; i < 3; i++) {
          const r = await page.evaluate(async () => {
            const painted = () => new Promise<number>((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0)));
            await window.__jy!.rescan();
            const scanEnd = performance.now();
            return (await painted()) - scanEnd;
          });
          renderMs = Math.min(renderMs, r);
        }
        // Every severity chip in turn, then back to all: the slowest switch, best of three rounds.
        const filter = await page.evaluate(async () => {
          const painted = () => new Promise<number>((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0)));
          const chips = [...document.querySelectorAll<HTMLButtonElement>('[data-testid^="chip-"]')];
          const order = [...chips.slice(1), chips[0]];
          let best = Infinity;
          for (let round = 0; round < 3; round++) {
            let slowest = 0;
            for (const chip of order) {
              const t0 = performance.now();
              chip.click();
              slowest = Math.max(slowest, (await painted()) - t0);
            }
            best = Math.min(best, slowest);
          }
          return { ms: best, chips: chips.length };
        });
        await page.close();
        return { navToReadyMs: first.ms, navToComputedMs: computed.at, buildMs: computed.buildMs, rescanMs, rows: first.rows, findings, status: first.status, renderMs, filterMs: filter.ms, chips: filter.chips };
      };

      await firstRender(); // warm the HTTP and code caches
      const render = Math.min(await firstRender(), await firstRender());
      const figures: Figure[] = [
        {
          key: "pane.firstRenderMs",
          label: "pane first render (playground, sample register)",
          value: render,
          unit: "ms",
          better: "lower",
          target: { text: "≤ 1000 ms", met: render <= 1000 },
          note: "navigation start to the pane element in the page; best of two after a warm-up load",
        },
      ];
      const info: Record<string, unknown> = {};
      for (const [rows, targetMs] of [
        [10_000, 1000],
        [100_000, 5000],
      ] as const) {
        const r = await scan(rows);
        info[`rows${rows}`] = r;
        figures.push({
          key: `pane.scan${rows}Ms`,
          label: `pane scan, ${rows.toLocaleString("en")} rows: findings and totals`,
          value: r.rescanMs,
          unit: "ms",
          better: "lower",
          baseline: { label: "HyperFormula building the sheet", value: r.buildMs },
          ratio: r.rescanMs / r.buildMs,
          target: { text: `≤ ${targetMs} ms`, met: r.rescanMs <= targetMs },
          note: `pane scan of the computed workbook, best of 3; ${r.findings} findings; status ${r.status}`,
        });
        figures.push({
          key: `pane.render${rows}Ms`,
          label: `pane first screen after the scan, ${rows.toLocaleString("en")} rows (grouped, windowed)`,
          value: r.renderMs,
          unit: "ms",
          better: "lower",
          target: { text: "≤ 300 ms", met: r.renderMs <= 300 },
          note: `scan's end (rescan resolved) to the next painted frame; ${r.findings} findings; best of 3`,
        });
        figures.push({
          key: `pane.filter${rows}Ms`,
          label: `pane severity filter switch, ${rows.toLocaleString("en")} rows`,
          value: r.filterMs,
          unit: "ms",
          better: "lower",
          target: { text: "≤ 100 ms", met: r.filterMs <= 100 },
          note: `click on a severity chip to the next painted frame; the slowest of ${r.chips} chips, best of 3 rounds`,
        });
        figures.push({
          key: `pane.load${rows}Ms`,
          label: `playground load to first findings, ${rows.toLocaleString("en")} rows`,
          value: r.navToReadyMs,
          unit: "ms",
          better: "lower",
          target: { text: `≤ ${targetMs} ms`, met: r.navToReadyMs <= targetMs },
          note: "navigation start to the pane's first findings and totals (page loaded, register generated, pane started, register read, scanned); HyperFormula computes the formula columns after that",
        });
        figures.push({
          key: `pane.computed${rows}Ms`,
          label: `playground load until HyperFormula has computed all ${rows.toLocaleString("en")} rows`,
          value: r.navToComputedMs,
          unit: "ms",
          better: "lower",
          baseline: { label: "HyperFormula's own time in it", value: r.buildMs },
          note: "no target: the grid shows the rows and the pane its findings before this; the JY.* cells fill in chunk by chunk",
        });
      }
      return { unavailable: null, figures, checks: [], info: { ...info, buildSeconds: build.seconds } };
    } finally {
      await browser.close();
      await server.stop();
    }
  },
};
