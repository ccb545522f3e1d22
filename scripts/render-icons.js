/**
 * Renders assets/logo.svg into the PNG icons the manifest names (16, 32, 64, 80 px) and a 300 px
 * logo, with the Chromium that the browser tests use. Run after changing the logo:
 *   node scripts/render-icons.js
 */
"use strict";

const fs = require("fs");
const path = require("path");
const { chromium } = require("playwright-core");

const SIZES = [16, 32, 64, 80];
const ASSETS = path.resolve(__dirname, "..", "assets");

async function main() {
  const svg = fs.readFileSync(path.join(ASSETS, "logo.svg"), "utf8");
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu"],
  });
  try {
    const page = await browser.newPage();
    const outputs = [...SIZES.map((s) => [s, `icon-${s}.png`]), [300, "logo-filled.png"]];
    for (const [size, name] of outputs) {
      await page.setViewportSize({ width: size, height: size });
      const img = svg.replace(/width="64" height="64"/, `width="${size}" height="${size}"`);
      await page.setContent(`<html><body style="margin:0;background:transparent">${img}</body></html>`);
      await page.screenshot({ path: path.join(ASSETS, name), omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
      console.log(`assets/${name} (${size}×${size})`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
