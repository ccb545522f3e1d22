/**
 * The 资金统计 sheet's formulas in a real spreadsheet engine: a register in the template's layout
 * whose rows use every place and sector spelling (amount columns as values from the engine, #N/A
 * where the sector is not covered, a 合计 row at the end) beside the summary sheet, recalculated by
 * LibreOffice (forced); its place, payer, sector and status cells equal the pane's scan to the 分.
 */
import * as XLSX from "@e965/xlsx";
import { computeAmounts, parseClaim, type Unit } from "../../src/engine";
import { columnLetters, locateRegister, mapColumns, scanRegister } from "../../src/engine/register";
import { sectorSpellings } from "../../src/engine/sector";
import { readSpreadsheet } from "../../src/hosts/xlsx/read";
import { placeSpellings, summarySheet, SUMMARY_SHEET } from "../../src/workbook/summary";
import { TEMPLATE_COLUMNS, templateColumnIndex } from "../../src/workbook/template";
import { TOWNS } from "../../src/policy";
import { describeWithLibreOffice, recalcInLibreOffice } from "./soffice";

jest.setTimeout(300_000);

const UNIT: Unit = "元";
const REGISTER = "登记表";

describeWithLibreOffice("资金统计 recalculated by LibreOffice", (soffice) => {
  test("every spelling grouped as the pane groups it, to the 分", async () => {
    const places = placeSpellings().map(([s]) => s);
    const sectors: unknown[] = [...sectorSpellings().map(([s]) => s), 3391, 2614];
    const n = Math.max(places.length, sectors.length);
    const headers = TEMPLATE_COLUMNS.map((c) => c.header(UNIT));
    const rows: unknown[][] = [];
    for (let i = 0; i < n; i++) {
      const input = {
        sector: sectors[i % sectors.length],
        place: places[(i * 7) % places.length],
        sales1: [300_000, 12_000_000, 60_000_000, 150_000_000][i % 4],
        sales2: [500_000, 8_000_000, 60_000_000, 90_000_000][(i * 3) % 4],
        flags: i % 11 === 0 ? "产能置换" : "",
      };
      const a = computeAmounts(parseClaim({ ...input, sales1: String(input.sales1), sales2: String(input.sales2), unit: UNIT }));
      const money = (fen: number) => (a.status === "not-covered" ? { t: "e", v: 0x2a } : { t: "n", v: fen / 100 });
      const row: unknown[] = TEMPLATE_COLUMNS.map(() => null);
      const set = (key: Parameters<typeof templateColumnIndex>[0], v: unknown) => (row[templateColumnIndex(key)] = v);
      set("name", `企业${i + 2}`);
      set("place", input.place);
      set("sector", input.sector);
      set("sales1", input.sales1);
      set("sales2", input.sales2);
      set("flags", input.flags || null);
      set("reward", money(a.reward));
      set("city", money(a.city));
      set("town", money(a.town));
      set("park", money(a.park));
      rows.push(row);
    }
    const totalRow: unknown[] = TEMPLATE_COLUMNS.map(() => null);
    totalRow[0] = "合计";
    const rewardCol = columnLetters(templateColumnIndex("reward"));
    totalRow[templateColumnIndex("reward")] = { t: "n", f: `SUM(${rewardCol}2:${rewardCol}${rows.length + 1})`, v: 0 };
    rows.push(totalRow);

    // The pane's scan of the same cells.
    const plainRows = rows.map((r) => r.map((v) => (v !== null && typeof v === "object" ? ((v as { t: string }).t === "e" ? { code: "#N/A" } : (v as { v: number }).v) : v)));
    const located = locateRegister([headers, ...plainRows])!;
    expect(located.skipped.map((k) => k.reason)).toEqual(["total"]);
    const scan = scanRegister({ headers: located.headers, rows: located.rows, today: "2025-12-15" });
    const spec = summarySheet({ sheet: REGISTER, table: null, top: 0, left: 0, headers, rowCount: rows.length }, mapColumns(headers));

    const sheetOf = (cells: unknown[][]) => {
      const ws: XLSX.WorkSheet = {};
      let width = 0;
      cells.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v === null || v === undefined) return;
          width = Math.max(width, c + 1);
          const ref = XLSX.utils.encode_cell({ r, c });
          if (typeof v === "object" && "formula" in (v as object)) ws[ref] = { t: "n", f: (v as { formula: { a1: string } }).formula.a1.slice(1), v: 0 };
          else if (typeof v === "object") ws[ref] = v as XLSX.CellObject;
          else ws[ref] = { t: typeof v === "number" ? "n" : "s", v } as XLSX.CellObject;
        }),
      );
      ws["!ref"] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: cells.length - 1, c: width - 1 } });
      return ws;
    };
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, sheetOf([headers, ...rows]), REGISTER);
    XLSX.utils.book_append_sheet(wb, sheetOf(spec.cells), SUMMARY_SHEET);
    const bytes = new Uint8Array(XLSX.write(wb, { type: "array", bookType: "xlsx" }) as ArrayBuffer);
    const saved = recalcInLibreOffice(soffice, bytes, "summary.xlsx");
    const summary = (await readSpreadsheet(new Uint8Array(saved), "summary.xlsx")).sheets.find((s) => s.name === SUMMARY_SHEET)!;
    const cell = (r: number, c: number) => summary.values[r]?.[c];
    const rowOf = (label: string, from = 0) => {
      for (let r = from; r < 200; r++) if (cell(r, 0) === label) return r;
      throw new Error(`no row ${label}`);
    };
    const fen = (v: unknown) => (typeof v === "number" ? Math.round(v * 100) : v);

    const t = scan.totals;
    const total = rowOf("合计");
    expect([fen(cell(total, 1)), fen(cell(total, 2)), fen(cell(total, 3)), cell(total, 5)]).toEqual([t.city, t.townTotal, t.parkTotal, t.counts.rows]);
    const other = rowOf("其他写法或未填");
    expect([fen(cell(other, 1)), fen(cell(other, 2)), fen(cell(other, 3)), cell(other, 5)]).toEqual([0, t.townUnknown, 0, 0]);
    for (const town of TOWNS) expect([town.nameZh, fen(cell(rowOf(town.nameZh), 2))]).toEqual([town.nameZh, t.towns.find((x) => x.nameZh === town.nameZh)?.fen ?? 0]);
    for (const park of t.parks) expect([park.nameZh, fen(cell(rowOf(park.nameZh), 3))]).toEqual([park.nameZh, park.fen]);
    const sectorHeader = rowOf("行业", total);
    expect([fen(cell(rowOf("其他写法或未填", sectorHeader), 1)), cell(rowOf("其他写法或未填", sectorHeader), 2)]).toEqual([0, 0]);
    expect(cell(rowOf("符合奖励条件（金额>0）"), 1)).toBe(t.counts.eligible);
    expect(cell(rowOf("不列入奖补（金额为0，五（五））"), 1)).toBe(t.counts.excluded);
    expect(cell(rowOf("不适用本意见（#N/A）"), 1)).toBe(t.counts.notCovered);
  });
});
