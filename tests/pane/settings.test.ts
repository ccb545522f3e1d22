/**
 * The pane's settings kept in the workbook: unit and language, saved on the user's click and read
 * back on the next start; and the switch 打开工作簿时自动显示, the only thing that makes the pane open
 * with the workbook (Office.addin's startup behavior plus a document setting; off removes both,
 * and Office.AutoShowTaskpaneWithDocument of earlier versions).
 */
import { PANE_SETTINGS, opensWithWorkbook, savePaneSettings, savedLanguageChoice, savedUnit, setOpenWithWorkbook, startLanguage } from "../../src/taskpane/Settings";
import { PlaygroundWorkbook } from "../../src/playground/workbook";
import { ExcelWorkbook } from "../../src/workbook/excel";
import { FakeExcel } from "../workbook/fake-excel";

describe("pane settings", () => {
  test("saved in the document; read back on the next start", async () => {
    const wb = new PlaygroundWorkbook("zh-CN");
    expect(savedUnit(wb.settings)).toBeNull();
    expect(startLanguage(wb, "zh")).toBe("zh");
    await savePaneSettings(wb.settings, "万元", "en");
    expect(savedUnit(wb.settings)).toBe("万元");
    expect(savedLanguageChoice(wb.settings)).toBe("en");
    expect(startLanguage(wb, "zh")).toBe("en");
    await savePaneSettings(wb.settings, "元", "office");
    expect(startLanguage(wb, "zh")).toBe("zh");
  });

  test("in Excel: saving unit and language does not turn on opening with the workbook", async () => {
    const x = new FakeExcel({ displayLanguage: "en-US" });
    const wb = new ExcelWorkbook(x.host());
    await savePaneSettings(wb.settings, "元", "zh");
    expect(Object.fromEntries(x.settings)).toEqual({ "jy.unit": "元", "jy.language": "zh" });
    expect(x.settingsSaves).toBe(2);
    expect(x.startupBehavior).toBe("None");
    expect(startLanguage(wb, "en")).toBe("zh");
  });

  test("in Excel: the switch sets the startup behavior and the setting; off removes both and the older auto-show", async () => {
    const x = new FakeExcel();
    x.settings.set(PANE_SETTINGS.autoShow, true);
    const wb = new ExcelWorkbook(x.host());
    await setOpenWithWorkbook(wb, true);
    expect(x.startupBehavior).toBe("Load");
    expect(opensWithWorkbook(wb.settings)).toBe(true);
    await setOpenWithWorkbook(wb, false);
    expect(x.startupBehavior).toBe("None");
    expect(opensWithWorkbook(wb.settings)).toBe(false);
    expect([...x.settings.keys()]).toEqual([]);
  });

  test("the playground has no startup to change: the switch does nothing there", async () => {
    const wb = new PlaygroundWorkbook("zh-CN");
    expect(wb.pane).toBeNull();
    await setOpenWithWorkbook(wb, true);
    expect(opensWithWorkbook(wb.settings)).toBe(false);
  });
});
