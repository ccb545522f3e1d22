/**
 * The pane reading registers as they come, on the playground's workbook behind the port: a table
 * whose body holds a 合计 row and a footer (skipped and said); a region no header is recognised in
 * (no-register, but 列对应 is offered with the likeliest header row and the first data row, and a
 * mapping saved there makes it a register).
 */
import { PlaygroundWorkbook } from "../../src/playground/workbook";
import { ScanController, SETTINGS } from "../../src/taskpane/scanner";
import { skippedText } from "../../src/taskpane/SkippedRows";
import type { SavedMapping } from "../../src/engine/register";

const TODAY = "2025-12-15";

test("a table's 合计 row and footer are no enterprises; the pane says so", async () => {
  const wb = new PlaygroundWorkbook();
  wb.loadSheet(
    "登记表",
    [
      ["企业名称", "镇街园区", "行业", "第一年销售额（元）", "第二年销售额（元）", "标记"],
      ["甲化工", "华士镇", "化工", 60000000, 60000000, null],
      ["乙铸造", "周庄镇", "铸造", 12000000, 8000000, null],
      ["合计", null, null, 72000000, 68000000, null],
      ["填表人：张三", null, null, null, null, null],
    ],
    {},
    "表1",
  );
  const c = new ScanController(wb, () => undefined, { today: TODAY, debounceMs: 0 });
  await c.rescan();
  expect(c.current.status).toBe("done");
  expect(c.current.scan!.totals.counts.rows).toBe(2);
  expect(c.current.scan!.totals.reward).toBe(480000000 + 30000000);
  expect(c.current.register!.skipped!.map((s) => [s.row, s.reason])).toEqual([[4, "total"], [5, "footer"]]);
  expect(skippedText(c.current.register!.skipped!, "zh")).toBe("跳过 2 行，不计为企业：合计 / 小计 / 总计行 1（第 4 行）；表尾（填表人、审核人、联系电话等） 1（第 5 行）");
  expect(skippedText(c.current.register!.skipped!, "en")).toBe("2 rows skipped, not counted as enterprises: total rows (合计 / 小计 / 总计): 1 (row 4); footer lines (填表人, 审核人, phone…): 1 (row 5)");
});

test("no header recognised: 列对应 is offered with the likeliest header and first data row; a saved mapping makes it a register", async () => {
  const wb = new PlaygroundWorkbook();
  wb.loadSheet("名单", [
    ["名单"],
    ["单位", "地点", "类别", "甲年", "乙年"],
    ["甲化工", "华士镇", "化工", 60000000, 60000000],
    ["乙铸造", "周庄镇", "铸造", 12000000, 8000000],
  ]);
  const c = new ScanController(wb, () => undefined, { today: TODAY, debounceMs: 0 });
  await c.rescan();
  expect(c.current.status).toBe("no-register");
  expect(c.current.register).toMatchObject({ sheet: "名单", top: 1, headers: ["单位", "地点", "类别", "甲年", "乙年"], firstRow: ["甲化工", "华士镇", "化工", 60000000, 60000000], found: false });
  const mapping: SavedMapping = { columns: { name: "单位", place: "地点", sector: "类别", sales1: "甲年", sales2: "乙年" }, unit: "元" };
  await c.saveMapping(mapping);
  expect(wb.settings.get(SETTINGS.mapping)).toEqual(mapping);
  expect(c.current.status).toBe("done");
  expect(c.current.scan!.totals.counts.rows).toBe(2);
  expect(c.current.scan!.totals.reward).toBe(480000000 + 30000000);
});
