/**
 * Row names in a real spreadsheet engine: a register made portable (each converted cell holding a
 * row name, =_JY_C1), then edited as a town office would edit the shared file without the add-in —
 * a title row inserted above, new enterprises added below by copying the last row's formulas —
 * recalculated by LibreOffice: every amount, old rows and new, equals the engine's.
 */
import JSZip from "jszip";
import { cachedValues, makePortable } from "../../src/portable/xlsx";
import { xmlEscape } from "../../src/portable/xml";
import { randomClaims, policyClaims, type TestClaim } from "../portable/claims";
import { engineOutputs } from "../portable/engine-outputs";
import { registerWorkbook } from "../portable/fixture";
import { editSheet, insertRowAbove } from "../hostile/tamper";
import { describeWithLibreOffice, recalcInLibreOffice } from "./soffice";

jest.setTimeout(600_000);

const text = (ref: string, v: string) => `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xmlEscape(v)}</t></is></c>`;
const input = (ref: string, v: string | number) => (v === "" ? "" : typeof v === "number" ? `<c r="${ref}"><v>${v}</v></c>` : text(ref, v));

describeWithLibreOffice("row names recalculated by LibreOffice", (soffice) => {
  test("a title row inserted above and enterprises added below by copying a row: every amount equals the engine's", async () => {
    const plain = (c: TestClaim) => c.unitText === undefined && c.unit === "元";
    const claims = policyClaims().filter(plain).slice(0, 40);
    const added = randomClaims(400, 777).filter(plain).slice(0, 30);
    const { bytes } = await registerWorkbook(claims);
    const { bytes: portable, report } = await makePortable(bytes, JSZip);
    expect(report.skipped).toEqual([]);

    // The converted cells hold names only: the formula is kept once per column.
    const sheetXml = async (b: Uint8Array) => (await JSZip.loadAsync(b)).file("xl/worksheets/sheet1.xml")!.async("string");
    const formulas = [...(await sheetXml(portable)).matchAll(/<c r="([F-I])(\d+)"[^>]*><f t="array" ref="[A-Z]+\d+">([^<]*)<\/f>/g)];
    expect(formulas.length).toBeGreaterThan(100);
    for (const m of formulas) expect(m[3]).toMatch(/^_JY_C\d+$/);
    const anchor = claims.findIndex((c) => engineOutputs(c)[0] !== "error") + 2;
    const nameAt = (col: string) => formulas.find((m) => m[1] === col && Number(m[2]) === anchor)![3];

    // A title row above: every row moves down one.
    let edited = await insertRowAbove(portable, "台账", "江阴市落后产能退出奖励台账");
    // New enterprises below the last row, their F:I copied from a row above (the same names).
    const first = claims.length + 3;
    edited = await editSheet(edited, "台账", (xml) => {
      const rows = added
        .map((c, k) => {
          const r = first + k;
          const cells = [input(`A${r}`, c.sector), input(`B${r}`, c.sales1), input(`C${r}`, c.sales2), input(`D${r}`, c.flags), input(`E${r}`, c.place)];
          for (const col of ["F", "G", "H", "I"]) cells.push(`<c r="${col}${r}"><f t="array" ref="${col}${r}">${nameAt(col)}</f></c>`);
          return `<row r="${r}">${cells.join("")}</row>`;
        })
        .join("");
      return xml.replace("</sheetData>", rows + "</sheetData>");
    });

    const values = await cachedValues(recalcInLibreOffice(soffice, edited, "register.xlsx"), "台账", JSZip);
    const mismatches: string[] = [];
    const compare = (c: TestClaim, r: number, all: boolean) => {
      const want = engineOutputs(c);
      ["F", "G", "H", "I"].forEach((col, k) => {
        // An error result never spilled in the original rows: no town or park cell there.
        if (!all && want[0] === "error" && k > 0) return;
        const got = values.get(`${col}${r}`);
        const isError = got !== null && typeof got === "object";
        if (want[k] === "error" ? !isError : got !== want[k]) mismatches.push(`${col}${r} ${JSON.stringify(c)}: engine ${want[k]}, LibreOffice ${JSON.stringify(got)}`);
      });
    };
    claims.forEach((c, i) => compare(c, i + 3, false));
    added.forEach((c, k) => compare(c, first + k, true));
    expect(mismatches).toEqual([]);
    expect(values.get("A1")).toBe("江阴市落后产能退出奖励台账");
  });

  test("a sheet named 台账（2024） and a fixed flags range ($N$1:$O$1) read the same cells on every row", async () => {
    const claims = policyClaims().filter((c) => c.unitText === undefined && c.unit === "元" && !c.flags).slice(0, 20);
    const { bytes } = await registerWorkbook(claims);
    const zip = await JSZip.loadAsync(bytes);
    const wb = await zip.file("xl/workbook.xml")!.async("string");
    zip.file("xl/workbook.xml", wb.replace('name="台账"', 'name="台账（2024）"'));
    const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    // Every row's flags come from N1:O1 (blank); N2:N21 hold an exclusion that must not be read.
    const fixed = sheet
      .replace(/((?:_xldudf_JY_|JY\.)(?:REWARD|FUNDING)\(A\d+,B\d+,C\d+,)D\d+,/g, (_, call: string) => `${call}$N$1:$O$1,`)
      .replace(/(<row r="(\d+)"[^>]*>[\s\S]*?)<\/row>/g, (m, body: string, r: string) => (Number(r) >= 2 ? `${body}${text(`N${r}`, "违规新增")}</row>` : m));
    zip.file("xl/worksheets/sheet1.xml", fixed);
    const edited = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    const { bytes: portable, report } = await makePortable(edited, JSZip);
    expect(report.skipped).toEqual([]);
    expect(report.rowNames!.filter((n) => n.name.startsWith("_JY_C")).length).toBeLessThanOrEqual(4);

    const values = await cachedValues(recalcInLibreOffice(soffice, portable, "register.xlsx"), "台账（2024）", JSZip);
    const mismatches: string[] = [];
    claims.forEach((c, i) => {
      const want = engineOutputs(c);
      ["F", "G", "H", "I"].forEach((col, k) => {
        if (want[0] === "error" && k > 0) return;
        const got = values.get(`${col}${i + 2}`);
        const isError = got !== null && typeof got === "object";
        if (want[k] === "error" ? !isError : got !== want[k]) mismatches.push(`${col}${i + 2}: engine ${want[k]}, LibreOffice ${JSON.stringify(got)}`);
      });
    });
    expect(mismatches).toEqual([]);
  });
});
