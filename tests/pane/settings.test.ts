/**
 * The pane's settings kept in the workbook: unit and language, and saving them turns on
 * Office.AutoShowTaskpaneWithDocument so the pane opens with the document.
 */
import { PANE_SETTINGS, savePaneSettings, savedLanguageChoice, savedUnit, startLanguage } from "../../src/taskpane/Settings";
import { PlaygroundWorkbook } from "../../src/playground/workbook";
import { ExcelWorkbook } from "../../src/workbook/excel";

describe("pane settings", () => {
  test("saved in the document with the auto-show setting; read back on the next start", async () => {
    const wb = new PlaygroundWorkbook("zh-CN");
    expect(savedUnit(wb.settings)).toBeNull();
    expect(startLanguage(wb, "zh")).toBe("zh");
    await savePaneSettings(wb.settings, "万元", "en");
    expect(wb.settings.get(PANE_SETTINGS.autoShow)).toBe(true);
    expect(savedUnit(wb.settings)).toBe("万元");
    expect(savedLanguageChoice(wb.settings)).toBe("en");
    expect(startLanguage(wb, "zh")).toBe("en");
    await savePaneSettings(wb.settings, "元", "office");
    expect(startLanguage(wb, "zh")).toBe("zh");
  });

  test("in Excel: Office.AutoShowTaskpaneWithDocument goes to the document settings and is saved", async () => {
    const data = new Map<string, unknown>();
    let saves = 0;
    const settings = { get: (k: string) => data.get(k), set: (k: string, v: unknown) => void data.set(k, v), remove: (k: string) => void data.delete(k), saveAsync: (cb: (r: { status: string }) => void) => { saves++; cb({ status: "succeeded" }); } };
    const wb = new ExcelWorkbook({ run: async () => { throw new Error("no Excel.run expected"); }, office: { context: { displayLanguage: "en-US", document: { settings: settings as never } } } });
    await savePaneSettings(wb.settings, "元", "zh");
    expect(Object.fromEntries(data)).toEqual({ "jy.unit": "元", "jy.language": "zh", "Office.AutoShowTaskpaneWithDocument": true });
    expect(saves).toBe(3);
    expect(startLanguage(wb, "en")).toBe("zh");
  });
});
