/**
 * The 资金统计 sheet agrees with the pane for every accepted spelling: a register in the template's
 * layout whose rows use every place spelling (华士, huashi, 江阴高新区, …) and every sector spelling
 * (铸造业, 化工行业, 2614, C3391, 3392 as a number, …), computed by HyperFormula with the JY
 * functions, summarised by the sheet's own formulas, compared with the pane's scan to the 分; the
 * sector rows with the engine's amounts summed by canonical sector.
 */
import { computeAmounts, parseClaim, parseSector } from "../../src/engine";
import { SECTORS } from "../../src/policy";
import { sectorSpellings } from "../../src/engine/sector";
import { PlaygroundWorkbook } from "../../src/playground/workbook";
import { ScanController } from "../../src/taskpane/scanner";
import { registerTemplate, rowFormula, TEMPLATE_COLUMNS, templateColumnIndex } from "../../src/workbook/template";
import { placeSpellings, summarySheet } from "../../src/workbook/summary";
import type { SpecCell } from "../../src/workbook/sheets";
import { FLAGS, TOWNS } from "../../src/policy";
import type { Unit } from "../../src/engine";
import { columnLetters } from "../../src/engine/register";

jest.setTimeout(120_000);

const TODAY = "2025-12-15";

function register(unit: Unit): { rows: SpecCell[][]; inputs: Array<{ sector: unknown; place: string; sales1: number; sales2: number; flags: string }> } {
  const places = placeSpellings().map(([s]) => s);
  const sectors: unknown[] = [...sectorSpellings().map(([s]) => s), 3391, 3392, 2614, 4412, 1713];
  const n = Math.max(places.length, sectors.length);
  const inputs = Array.from({ length: n }, (_, i) => ({
    sector: sectors[i % sectors.length],
    place: places[(i * 7) % places.length],
    // Varied sales: some below the top-up, some above the cap.
    sales1: [300_000, 12_000_000, 60_000_000, 150_000_000, 1_666_667][i % 5] / (unit === "万元" ? 10_000 : 1),
    sales2: [500_000, 8_000_000, 60_000_000, 90_000_000, 1_666_667][(i * 3) % 5] / (unit === "万元" ? 10_000 : 1),
    flags: i % 11 === 0 ? "产能置换" : i % 13 === 0 ? "铝加工" : "",
  }));
  const headers = TEMPLATE_COLUMNS.map((c) => c.header(unit));
  const rows: SpecCell[][] = [headers];
  inputs.forEach((x, i) => {
    const row = i + 2;
    rows.push(
      TEMPLATE_COLUMNS.map((c): SpecCell => {
        if (c.formula && c.formula !== "check") return { formula: rowFormula(c.formula, unit, row) };
        const v = ({ name: `企业${row}`, place: x.place, sector: x.sector as SpecCell, sales1: x.sales1, sales2: x.sales2, flags: x.flags } as Record<string, SpecCell>)[c.key];
        return v ?? null;
      }),
    );
  });
  // A register's own total row (no sector) must not be counted twice.
  const total = TEMPLATE_COLUMNS.map((): SpecCell => null);
  total[0] = "合计";
  const reward = columnLetters(templateColumnIndex("reward"));
  total[templateColumnIndex("reward")] = { formula: { excel: "", a1: `=SUM(${reward}2:${reward}${rows.length})` } };
  rows.push(total);
  return { rows, inputs };
}

describe.each(["元", "万元"] as Unit[])("资金统计 agrees with the pane for every spelling (%s)", (unit) => {
  test("places, payers, sectors and counts to the 分", async () => {
    expect(registerTemplate(unit, 2025).cells[0]).toEqual(TEMPLATE_COLUMNS.map((c) => c.header(unit)));
    const { rows, inputs } = register(unit);
    const wb = new PlaygroundWorkbook("zh-CN");
    await wb.replaceWith("登记表", rows);
    const controller = new ScanController(wb, () => undefined, { today: TODAY, debounceMs: 0 });
    await controller.rescan();
    const state = controller.current;
    expect(state.status).toBe("done");
    const scan = state.scan!;
    expect(scan.findings.filter((f) => f.code === "INVALID_INPUT").map((f) => f.messageZh)).toEqual([]);

    const spec = summarySheet(state.register!, scan.mapping);
    const added = await wb.addSheet(spec);
    const id = wb.hf.getSheetId(added.sheet)!;
    const value = (a1: string) => wb.hf.getCellValue(wb.hf.simpleCellAddressFromString(a1, id)!);
    const label = (r: number) => String(value(`A${r}`) ?? "");
    const rowOf = (text: string, from = 1) => {
      for (let r = from; r < 200; r++) if (label(r) === text) return r;
      throw new Error(`no row ${text}`);
    };
    // Amounts on the sheet are in the unit; 1 元 = 100 分, 1 万元 = 1,000,000 分.
    const fen = (a1: string) => {
      const v = value(a1);
      if (typeof v !== "number") throw new Error(`${a1} is ${JSON.stringify(v)}`);
      return Math.round(v * (unit === "元" ? 100 : 1_000_000));
    };

    const t = scan.totals;
    const totalRow = rowOf("合计");
    expect([fen(`B${totalRow}`), fen(`C${totalRow}`), fen(`D${totalRow}`)]).toEqual([t.city, t.townTotal, t.parkTotal]);
    expect(value(`F${totalRow}`)).toBe(t.counts.rows);
    const other = rowOf("其他写法或未填");
    expect([fen(`B${other}`), fen(`C${other}`), fen(`D${other}`), value(`F${other}`)]).toEqual([0, t.townUnknown, 0, 0]);
    for (const town of TOWNS) {
      const r = rowOf(town.nameZh);
      expect([town.nameZh, fen(`C${r}`)]).toEqual([town.nameZh, t.towns.find((x) => x.nameZh === town.nameZh)?.fen ?? 0]);
    }
    for (const park of t.parks) {
      const r = rowOf(park.nameZh);
      expect([park.nameZh, fen(`D${r}`)]).toEqual([park.nameZh, park.fen]);
    }
    expect(t.parks.every((p) => p.nameZh === FLAGS[p.key as "ZONE_HIGHTECH"].labelZh)).toBe(true);

    // By sector: the engine's amounts summed by canonical sector, and the counts.
    const bySector = new Map<string, { fen: number; count: number }>();
    for (const x of inputs) {
      const sector = SECTORS[parseSector(x.sector)].nameZh;
      const a = computeAmounts(parseClaim({ sector: x.sector, sales1: String(x.sales1), sales2: String(x.sales2), flags: x.flags, unit, place: x.place }));
      const s = bySector.get(sector) ?? { fen: 0, count: 0 };
      bySector.set(sector, { fen: s.fen + (a.status === "not-covered" ? 0 : a.reward), count: s.count + 1 });
    }
    const sectorHeader = rowOf("行业", totalRow);
    for (const name of ["化工", "铸造"]) {
      const r = rowOf(name, sectorHeader);
      expect([name, fen(`B${r}`), value(`C${r}`)]).toEqual([name, bySector.get(name)!.fen, bySector.get(name)!.count]);
    }
    for (const name of ["热电", "印染", "其他"]) expect([name, value(`C${rowOf(name, sectorHeader)}`)]).toEqual([name, bySector.get(name)!.count]);
    const otherSector = rowOf("其他写法或未填", sectorHeader);
    expect([fen(`B${otherSector}`), value(`C${otherSector}`)]).toEqual([0, 0]);
    expect(value(`B${rowOf("符合奖励条件（金额>0）")}`)).toBe(t.counts.eligible);
    expect(value(`B${rowOf("不列入奖补（金额为0，五（五））")}`)).toBe(t.counts.excluded);
    expect(value(`B${rowOf("不适用本意见（#N/A）")}`)).toBe(t.counts.notCovered);
  });
});
