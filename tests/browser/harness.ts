/**
 * Real headless Chromium (Debian's /usr/bin/chromium) driven by playwright-core, over dist/ served
 * by scripts/serve-dist.js on a free localhost port. With CI=true a missing Chromium fails the
 * suite; on a laptop without it the suite is skipped with a loud message.
 */
import fs from "fs";
import path from "path";
import type { AddressInfo } from "net";
import type { Server } from "http";
import { chromium, type Browser, type BrowserContext, type Page, type Request } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const ROOT = path.resolve(__dirname, "../..");
export const DIST = path.join(ROOT, "dist");
export const SCREENSHOTS = path.join(ROOT, "test-output", "screenshots");

const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

/** Whether the browser suites can run here; throws under CI when Chromium is missing. */
export function browserAvailable(): boolean {
  if (fs.existsSync(CHROMIUM)) return true;
  const msg = `Chromium not found at ${CHROMIUM}. Install it with: apt-get install -y chromium (or set CHROMIUM_PATH).`;
  if (process.env.CI === "true" || process.env.CI === "1") throw new Error(msg);
  console.warn(`\n*** SKIPPING browser tests: ${msg} ***\n`);
  return false;
}

export interface Session {
  browser: Browser;
  context: BrowserContext;
  base: string;
  server: Server;
  /** Every request the pages made, to check none leaves our origin. */
  requests: string[];
  close(): Promise<void>;
}

export async function openSession(): Promise<Session> {
  if (!fs.existsSync(path.join(DIST, "playground.html"))) {
    throw new Error("dist/playground.html is missing: run `npm run build:dev` first (npm test does).");
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { serveDist } = require(path.join(ROOT, "scripts", "serve-dist.js")) as {
    serveDist: (o: { dir: string; port: number; host: string }) => Promise<Server>;
  };
  const server = await serveDist({ dir: DIST, port: 0, host: "127.0.0.1" });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1500, height: 1000 }, locale: "zh-CN" });
  const requests: string[] = [];
  context.on("request", (r: Request) => requests.push(r.url()));
  return {
    browser,
    context,
    base,
    server,
    requests,
    close: async () => {
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Opens the playground and waits for the first scan. */
export async function openPlayground(session: Session, query: string): Promise<{ page: Page; errors: string[] }> {
  const page = await session.context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("dialog", (d) => {
    errors.push(`dialog opened: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(`${session.base}playground.html${query}`);
  await page.waitForFunction(() => window.__jy !== undefined);
  await page.evaluate(() => window.__jy?.ready);
  await page.waitForSelector('[data-testid="pane"][data-status="done"]');
  return { page, errors };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, name);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}
