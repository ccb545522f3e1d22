/**
 * The playground's files in real Chromium: open a generated .xlsx register with JY formulas (as
 * Excel saves them), download its portable version, and check in Node that the download holds the
 * native formulas and the very hidden record sheet, and that src/portable/xlsx.ts restore gives the
 * original file back part by part, byte for byte. Then open the portable file and download the
 * original back from the page.
 */
import fs from "fs";
import os from "os";
import path from "path";
import JSZip from "jszip";
import type { Page } from "playwright-core";
import { restore } from "../../src/portable/xlsx";
import { RECORD_SHEET } from "../../src/portable/record";
import { policyClaims } from "../portable/claims";
import { registerWorkbook } from "../portable/fixture";
import { browserAvailable, openPlayground, openSession, type Session } from "./harness";
import { declareSize, lastCell, odsOf, odsRepeatBomb, odsTable, register } from "../hostile/files";

const run = browserAvailable() ? describe : describe.skip;

async function parts(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, string>();
  for (const name of Object.keys(zip.files).sort()) if (!zip.files[name].dir) out.set(name, await zip.files[name].async("string"));
  return out;
}

run("playground: open an .xlsx, download portable / original", () => {
  let session: Session;
  let page: Page;
  let errors: string[];
  let dir: string;

  beforeAll(async () => {
    session = await openSession();
    ({ page, errors } = await openPlayground(session, "?today=2025-12-15"));
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "jy-files-"));
  }, 60000);

  afterAll(async () => {
    await session?.close();
  });

  async function openFile(file: string) {
    await page.setInputFiles('[data-testid="open-file-input"]', file);
    await page.waitForFunction((name) => document.querySelector('[data-testid="file-message"]')?.textContent?.includes(name), path.basename(file));
  }

  async function downloadVia(testId: string, to: string): Promise<Uint8Array> {
    const [download] = await Promise.all([page.waitForEvent("download"), page.click(`[data-testid="${testId}"]`)]);
    await download.saveAs(to);
    return new Uint8Array(fs.readFileSync(to));
  }

  test("a register with JY formulas: opened, computed, its portable version downloaded and restorable", async () => {
    const { bytes } = await registerWorkbook(policyClaims().slice(0, 30));
    const original = path.join(dir, "台账.xlsx");
    fs.writeFileSync(original, bytes);
    await openFile(original);
    // The opened sheet is in the grid and its JY formulas compute in the page.
    expect(await page.locator('[data-testid="sheet-tab"]').allInnerTexts()).toEqual(["台账"]);
    const f2 = await page.evaluate(() => {
      const wb = window.__jy!.workbook;
      return { input: wb.cellInput("台账", 1, 5), value: wb.cell("台账", 1, 5).value };
    });
    expect(f2.input).toMatch(/^=JY\.REWARD\(A2,B2,C2,D2,"元",E2\)$/);
    expect(typeof f2.value === "number" || f2.value === null).toBe(true);

    const portable = await downloadVia("download-portable", path.join(dir, "台账-通用版.xlsx"));
    expect(await page.locator('[data-testid="file-message"]').innerText()).toContain("已下载通用版");
    const p = await parts(portable);
    const sheet1 = p.get("xl/worksheets/sheet1.xml")!;
    expect(sheet1).not.toMatch(/JY_REWARD|JY\.REWARD|JY_FUNDING|JY_CHECK/);
    // Each converted cell holds its column's row name; the native formula is in the name.
    expect(sheet1).toMatch(/<f t="array" ref="F2">_JY_C1<\/f>/);
    expect(p.get("xl/workbook.xml")).toMatch(/<definedName name="_JY_C1" hidden="1">\(SUMPRODUCT\(ROUND\(SMALL\(MMULT/);
    expect(p.get("xl/workbook.xml")).toMatch(new RegExp(`name="${RECORD_SHEET}"[^>]*state="veryHidden"`));
    expect(p.get("xl/workbook.xml")).toContain('<definedName name="_JY_M1" hidden="1">');

    // Restore in Node gives every part of the original back byte for byte.
    const { bytes: back } = await restore(portable, JSZip);
    const before = await parts(bytes);
    const restored = await parts(back);
    expect([...restored.keys()]).toEqual([...before.keys()]);
    for (const [name, content] of before) expect([name, restored.get(name)]).toEqual([name, content]);

    // The portable file opened in the page offers the original back.
    await openFile(path.join(dir, "台账-通用版.xlsx"));
    expect(await page.isDisabled('[data-testid="download-portable"]')).toBe(true);
    const fromPage = await downloadVia("download-restored", path.join(dir, "台账-原公式.xlsx"));
    const again = await parts(fromPage);
    for (const [name, content] of before) expect([name, again.get(name)]).toEqual([name, content]);
    expect(errors).toEqual([]);
  }, 60000);

  test("hostile files: a bomb refused with a sentence in the page's language, a lone cell at XFD1048576 opened at once; the page still works", async () => {
    const bomb = path.join(dir, "炸弹.xlsx");
    fs.writeFileSync(bomb, declareSize(await register(5), "xl/worksheets/sheet1.xml", 1_500_000_000));
    await openFile(bomb);
    expect(await page.locator('[data-testid="file-message"]').innerText()).toBe("无法读取 炸弹.xlsx：部件 xl/worksheets/sheet1.xml 解压后有 1431 MB，超过上限 200 MB");

    // An .ods of 1 KB declaring 17 billion repeated cells: counted before SheetJS builds any.
    const ods = path.join(dir, "炸弹.ods");
    fs.writeFileSync(ods, await odsRepeatBomb());
    await openFile(ods);
    expect(await page.locator('[data-testid="file-message"]').innerText()).toBe("无法读取 炸弹.ods：工作表 台账 的单元格超过上限 2,000,000 个");

    // An .ods whose JY.FUNDING spills as LibreOffice saves it (an array area over G:I): SheetJS is
    // given it without the area (the body rewritten in the page), and the formula opens in G2.
    const spilled = path.join(dir, "台账.ods");
    const cells = ["化工", 60_000_000, 60_000_000, "", "华士镇", 0]
      .map((v) => (v === "" ? "<table:table-cell/>" : typeof v === "number" ? `<table:table-cell office:value-type="float" office:value="${v}"><text:p>${v}</text:p></table:table-cell>` : `<table:table-cell office:value-type="string"><text:p>${v}</text:p></table:table-cell>`))
      .join("");
    const funding = `<table:table-cell table:number-matrix-columns-spanned="3" table:number-matrix-rows-spanned="1" table:formula="of:=_xldudf_jy_funding([.A2];[.B2];[.C2];[.D2];&quot;元&quot;;[.E2])" office:value-type="float" office:value="0"><text:p>0</text:p></table:table-cell>`;
    const spillCell = `<table:table-cell office:value-type="float" office:value="0"><text:p>0</text:p></table:table-cell>`;
    const header = odsTable("台账", [["行业", "第一年销售额", "第二年销售额", "标记", "镇街园区", "奖励", "市级", "镇级", "园区"]]);
    fs.writeFileSync(spilled, await odsOf(header.replace("</table:table>", `<table:table-row>${cells}${funding}${spillCell}${spillCell}</table:table-row></table:table>`)));
    await openFile(spilled);
    expect(await page.locator('[data-testid="file-message"]').innerText()).not.toMatch(/无法读取/);
    expect(await page.evaluate(() => window.__jy!.workbook.cellInput("台账", 1, 6))).toMatch(/^=JY\.FUNDING\(A2,B2,C2,D2,"元",E2\)$/);

    const last = path.join(dir, "末格.xlsx");
    fs.writeFileSync(last, await lastCell());
    await openFile(last);
    expect(await page.locator('[data-testid="file-message"]').innerText()).not.toMatch(/无法读取|未完成/);
    expect(await page.locator('[data-testid="sheet-tab"]').allInnerTexts()).toEqual(["台账"]);
    expect(errors).toEqual([]);
  }, 60000);
});
