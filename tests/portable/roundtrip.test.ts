/**
 * Make-portable then restore on .xlsx bytes: nothing outside the converted cells changes (part by
 * part, cell by cell), and restore gives back every part byte for byte.
 */
import JSZip from "jszip";
import { makePortable, restore, RECORD_SHEET, NOTE_SHEET } from "../../src/portable/xlsx";
import { policyClaims } from "./claims";
import { registerWorkbook } from "./fixture";
import { engineOutputs } from "./engine-outputs";
import { plainWorkbook } from "./plain-workbook";

async function parts(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, string>();
  for (const name of Object.keys(zip.files).sort()) if (!zip.files[name].dir) out.set(name, await zip.files[name].async("string"));
  return out;
}
const cells = (xml: string) => new Map([...xml.matchAll(/<c\b[^>]*?r="([A-Z]+\d+)"[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g)].map((m) => [m[1], m[0]]));

describe("make portable / restore on .xlsx files", () => {
  test("only the JY cells change; restore gives the file back part by part, byte for byte", async () => {
    const claims = policyClaims().slice(0, 40);
    const { bytes } = await registerWorkbook(claims);
    const before = await parts(bytes);
    const { bytes: portable, report } = await makePortable(bytes, JSZip);
    const after = await parts(portable);

    expect(report.skipped).toEqual([]);
    // 40 rewards, 40 funding cells and two more where the row spilled; 5 checks and a detail frozen.
    const spilled = claims.filter((c) => engineOutputs(c)[0] !== "error").length;
    expect(spilled).toBeGreaterThan(20);
    expect(report.converted.filter((c) => c.kind === "native")).toHaveLength(40 + 40 + 2 * spilled);
    expect(report.converted.filter((c) => c.kind === "frozen")).toHaveLength(6);
    const converted = new Set(report.converted.map((c) => `${c.sheet}!${c.cell}`));

    // Parts: the same, except the workbook's index parts, the sheets with converted cells, and the two added sheets.
    const structural = new Set(["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/calcChain.xml"]);
    for (const [name, content] of before) if (!structural.has(name)) expect([name, after.get(name)]).toEqual([name, content]);
    const added = [...after.keys()].filter((n) => !before.has(n));
    expect(added.sort()).toEqual(["xl/worksheets/sheet3.xml", "xl/worksheets/sheet4.xml"]);

    // Cell by cell, both sheets: every cell outside the converted ones is byte-identical.
    for (const [sheet, path] of [["台账", "xl/worksheets/sheet1.xml"], ["说明", "xl/worksheets/sheet2.xml"]]) {
      const a = cells(before.get(path)!);
      const b = cells(after.get(path)!);
      expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
      for (const [ref, xml] of a) if (!converted.has(`${sheet}!${ref}`)) expect([ref, b.get(ref)]).toEqual([ref, xml]);
      // Everything but the cells, too.
      const strip = (x: string) => x.replace(/<c\b[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g, "");
      expect(strip(after.get(path)!)).toBe(strip(before.get(path)!));
    }
    // No JY call left in any sheet; the added sheets are named and the record is very hidden.
    expect(after.get("xl/worksheets/sheet1.xml")).not.toMatch(/JY_REWARD|JY\.REWARD|JY_FUNDING|JY_CHECK/);
    expect(after.get("xl/workbook.xml")).toContain(`name="${RECORD_SHEET}"`);
    expect(after.get("xl/workbook.xml")).toMatch(new RegExp(`name="${RECORD_SHEET}"[^>]*state="veryHidden"`));
    expect(after.get("xl/workbook.xml")).toContain(`name="${NOTE_SHEET}"`);

    const { bytes: back, report: r2 } = await restore(portable, JSZip);
    expect(r2.restored).toHaveLength(report.converted.length);
    expect(r2.missing).toEqual([]);
    const restored = await parts(back);
    expect([...restored.keys()]).toEqual([...before.keys()]);
    for (const [name, content] of before) expect([name, restored.get(name)]).toEqual([name, content]);
  });

  test("nothing to convert or restore: the input's own bytes, not a re-packed copy", async () => {
    const bytes = await plainWorkbook();
    const { bytes: out, report } = await makePortable(bytes, JSZip);
    expect(report.converted).toEqual([]);
    expect(Buffer.from(out).equals(Buffer.from(bytes))).toBe(true);
    const { bytes: back, report: r } = await restore(bytes, JSZip);
    expect(r.wasPortable).toBe(false);
    expect(Buffer.from(back).equals(Buffer.from(bytes))).toBe(true);
    // An already portable workbook made portable again: its own bytes too.
    const { bytes: portable } = await makePortable((await registerWorkbook(policyClaims().slice(0, 3))).bytes, JSZip);
    const again = await makePortable(portable, JSZip);
    expect(again.report.alreadyPortable).toBe(true);
    expect(Buffer.from(again.bytes).equals(Buffer.from(portable))).toBe(true);
  });

  test("a workbook without JY formulas comes out unchanged and restore of it is a no-op", async () => {
    const { bytes } = await registerWorkbook([], { funding: false });
    const { report } = await makePortable(bytes, JSZip);
    expect(report.converted.filter((c) => c.sheet === "台账")).toEqual([]);
    const { report: r } = await restore(bytes, JSZip);
    expect(r.wasPortable).toBe(false);
  });
});
