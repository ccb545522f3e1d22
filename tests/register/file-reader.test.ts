/**
 * The .xlsx part reader (src/hosts/xlsx/ooxml.ts) against SheetJS on files made elsewhere: a
 * generated 1,000-row register with JY formulas (SheetJS-written, formulas without values), the
 * portable tests' register (exceljs-written: shared and spilled array formulas, error values),
 * the template as Excel saves it (a table with calculated columns). Same cells, same values,
 * same formulas (shared ones moved to their cell), same array ranges.
 */
import * as XLSX from "@e965/xlsx";
import JSZip from "jszip";
import { readOoxmlSheets } from "../../src/hosts/xlsx/ooxml";
import { readWithSheetJs, type FileSheet } from "../../src/hosts/xlsx/read";
import { registerWorkbook } from "../portable/fixture";
import { policyClaims } from "../portable/claims";
import { templateFile } from "../portable/template-file";
import { generatedSheet } from "../../src/playground/sample";
function plain(sheet: FileSheet) {
  const cells: Array<[number, number, unknown]> = [];
  sheet.values.forEach((row, r) => row.forEach((v, c) => (v === "" ? undefined : cells.push([r, c, v]))));
  return { name: sheet.name, state: sheet.state, cells, formulas: [...sheet.formulas].sort(), covered: [...sheet.arrayCovered].sort(), merges: sheet.merges };
}
test.each([
  [
    "generated 1,000-row register",
    async () => {
      const ws: XLSX.WorkSheet = {};
      const rows = generatedSheet(1000);
      rows.forEach((row, r) => row.forEach((c, col) => {
        if (c === null) return;
        ws[XLSX.utils.encode_cell({ r, c: col })] = typeof c === "object" ? { t: "n", f: c.formula.a1.slice(1) } : { t: typeof c === "number" ? "n" : typeof c === "boolean" ? "b" : "s", v: c };
      }));
      ws["!ref"] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: rows.length - 1, c: Math.max(...rows.map((r) => r.length)) - 1 } });
      const wb = XLSX.utils.book_new();
      XLSX.utils.book_append_sheet(wb, ws, "登记表");
      return new Uint8Array(XLSX.write(wb, { type: "array", bookType: "xlsx" }) as ArrayBuffer);
    },
  ],
  ["fixture", async () => (await registerWorkbook(policyClaims().slice(0, 40))).bytes],
  ["template", async () => (await templateFile("元", { calculatedColumns: true })).bytes],
] as Array<[string, () => Promise<Uint8Array>]>)("%s", async (_, make) => {
  const bytes = await make();
  const fast = await readOoxmlSheets(await JSZip.loadAsync(bytes));
  expect(fast).not.toBeNull();
  expect(fast!.map(plain)).toEqual(readWithSheetJs(bytes, "x.xlsx").sheets.map(plain));
});
