/**
 * Make portable and restore through Office.js, against office-addin-mock: every sheet's cells are
 * read in one batched sync (loaded before use), spill extents in one more, and every write — native
 * formulas, frozen values, the note sheet, the very hidden record sheet, the hidden _JY_* names —
 * goes out in the final batch. Restore reads the record in one sync and writes every original
 * formula back exactly as Range.formulas gave it, removing the record, the note and the names.
 */
import { OfficeMockObject } from "office-addin-mock";

// office-addin-mock needs only the OfficeApp names from office-addin-manifest (see excel.test.ts).
jest.mock("office-addin-manifest", () => ({
  OfficeApp: { Excel: "excel", OneNote: "onenote", Outlook: "outlook", PowerPoint: "powerpoint", Project: "project", Word: "word" },
}));
import { ExcelWorkbook, type OfficeHost } from "../../src/workbook/excel";
import { NOTE_SHEET, RECORD_SHEET, RECORD_VERSION } from "../../src/portable/record";
import { DEFINED_NAME_SET } from "../../src/portable/native";
import { callsJy, translate } from "../../src/portable/formula";
import { fileToExcelFormula } from "../../src/portable/record";

type Log = Array<[string, ...unknown[]]>;

/** A write-side worksheet: every range write is logged with the sync count at that moment. */
function writableSheet(name: string, log: Log, syncs: () => number, spills: Map<string, OfficeMockObject>) {
  const range = (row: number, col: number, rows: number, cols: number) => ({
    set formulas(v: unknown) {
      log.push(["formulas", name, row, col, v, syncs()]);
    },
    set values(v: unknown) {
      log.push(["values", name, row, col, v, syncs()]);
    },
    set numberFormat(v: unknown) {
      log.push(["numberFormat", name, row, col, v, syncs()]);
    },
    clear: (what: string) => log.push(["clear", name, row, col, `${what} ×${rows}`, syncs()]),
    getEntireColumn: () => ({ format: {} }),
    getSpillingToRangeOrNullObject: () => spills.get(`${name}!${row},${col}`) ?? Object.assign(new OfficeMockObject({ rowCount: 1, columnCount: 1 }), { isNullObject: true }),
    rows,
    cols,
  });
  return {
    name,
    getRangeByIndexes: range,
    set visibility(v: unknown) {
      log.push(["visibility", name, v, syncs()]);
    },
    delete: () => log.push(["delete", name, syncs()]),
  };
}

const F = (r: number) => `"元",E${r})`;
const REGISTER = {
  formulas: [
    ["行业", "第一年", "第二年", "标记", "镇街", "奖励", "市", "镇", "园区", "核查"],
    ["化工", 60000000, 60000000, "", "华士镇", `=JY.REWARD(A2,B2,C2,D2,${F(2)}`, `=JY.FUNDING(A2,B2,C2,D2,${F(2)}`, 4800000, 0, `=JY.CHECK(A2,B2,C2,D2,${F(2)}`],
    ["铸造", 12000000, 8000000, "铝加工", "周庄镇", `=JY.REWARD(A3,B3,C3,D3,${F(3)}`, `=JY.FUNDING(A3,B3,C3,D3,${F(3)}`, 280000, 120000, `=JY.CHECK(A3,B3,C3,D3,${F(3)}`],
    ["热电", 1, 1, "", "", `=JY.REWARD(A4,B4,C4,D4,${F(4)}`, "=SUM(B4:C4)", "", "", "备注"],
  ],
  values: [
    ["行业", "第一年", "第二年", "标记", "镇街", "奖励", "市", "镇", "园区", "核查"],
    ["化工", 60000000, 60000000, "", "华士镇", 4800000, 4800000, 0, 0, "无异常"],
    ["铸造", 12000000, 8000000, "铝加工", "周庄镇", 400000, 280000, 120000, 0, "无异常"],
    ["热电", 1, 1, "", "", "#N/A", 2, "", "", "备注"],
  ],
};

/** The register as make-portable left it: its logged writes applied to REGISTER's formulas and values. */
function portableSheet(log: Log): { formulas: unknown[][]; values: unknown[][] } {
  const formulas = REGISTER.formulas.map((r) => [...r]);
  const values = REGISTER.values.map((r) => [...r]);
  for (const l of log) {
    if (l[1] !== "台账" || (l[0] !== "formulas" && l[0] !== "values")) continue;
    (l[4] as unknown[][]).forEach((row, i) => {
      const r = (l[2] as number) + i;
      const c = l[3] as number;
      formulas[r][c] = row[0] as string | number;
      if (l[0] === "values") values[r][c] = row[0] as string | number;
    });
  }
  return { formulas, values };
}

function workbookMock(options: { portable?: string[][]; sheet?: { formulas: unknown[][]; values: unknown[][] } } = {}) {
  const log: Log = [];
  let syncCount = 0;
  const syncs = () => syncCount;
  const spills = new Map<string, OfficeMockObject>();
  const spill = (key: string, rows: number, cols: number) => {
    const m = new OfficeMockObject({ rowCount: rows, columnCount: cols });
    m.isNullObject = false;
    spills.set(key, m);
  };
  spill("台账!1,6", 1, 3);
  spill("台账!2,6", 1, 3);
  const sheetFormulas = options.sheet?.formulas ?? REGISTER.formulas;
  const used = new OfficeMockObject({ formulas: sheetFormulas, values: options.sheet?.values ?? REGISTER.values, rowIndex: 0, columnIndex: 0, rowCount: sheetFormulas.length, columnCount: sheetFormulas[0].length });
  used.isNullObject = false;
  const emptyUsed = Object.assign(new OfficeMockObject({ formulas: [[]], values: [[]], rowIndex: 0, columnIndex: 0, rowCount: 0, columnCount: 0 }), { isNullObject: true });
  const sheetNames = ["台账", "说明", ...(options.portable ? [NOTE_SHEET, RECORD_SHEET] : [])];
  const recordUsed = new OfficeMockObject({ values: options.portable ?? [[]] });
  recordUsed.isNullObject = !options.portable;
  const recordSheet = Object.assign(writableSheet(RECORD_SHEET, log, syncs, spills), {
    getUsedRangeOrNullObject: () => recordUsed,
  });
  const nameItems = [...(options.portable ? [...DEFINED_NAME_SET] : []), "表头"].map((n) => ({ name: n, delete: () => log.push(["deleteName", n, syncCount]) }));
  const workbook = {
    worksheets: {
      load: function () {
        return this;
      },
      items: sheetNames.map((name) => ({
        name,
        getUsedRangeOrNullObject: () => (name === "台账" ? used : emptyUsed),
      })),
      getItem: (name: string) => writableSheet(name, log, syncs, spills),
      getItemOrNullObject: (name: string) => (name === RECORD_SHEET ? Object.assign(recordSheet, { isNullObject: !options.portable }) : { isNullObject: true }),
      add: (name: string) => {
        log.push(["addSheet", name, syncCount]);
        return writableSheet(name, log, syncs, spills);
      },
    },
    tables: {
      load: function () {
        return this;
      },
      items: [] as unknown[],
    },
    names: {
      load: function () {
        return this;
      },
      items: nameItems,
      add: (name: string, formula: string) => {
        const item = {
          set visible(v: boolean) {
            log.push(["nameVisible", name, v]);
          },
        };
        log.push(["addName", name, formula, syncCount]);
        return item;
      },
    },
  };
  const mocks = [used, recordUsed, ...spills.values()];
  const context = {
    workbook,
    sync: async () => {
      syncCount++;
      for (const m of mocks) await m.sync();
    },
  };
  const host: OfficeHost = {
    run: async <T,>(batch: (ctx: Excel.RequestContext) => Promise<T>) => batch(context as unknown as Excel.RequestContext),
    office: { context: { displayLanguage: "zh-CN", document: { settings: { get: () => undefined, set: () => undefined, remove: () => undefined, saveAsync: () => undefined } as never } } },
  };
  return { host, log, syncs };
}

describe("ExcelWorkbook make portable", () => {
  test("one sync reads every sheet's cells, one the spills; every write goes out in the last batch", async () => {
    const { host, log, syncs } = workbookMock();
    const report = await new ExcelWorkbook(host).makePortable();
    expect(syncs()).toBe(4);
    expect(report.skipped).toEqual([]);
    // Rewards in F2:F4, the two spilled funding rows over G:I, the two checks frozen.
    expect(report.converted.map((c) => `${c.kind} ${c.cell}`).sort()).toEqual(
      ["native F2", "native F3", "native F4", "native G2", "native H2", "native I2", "native G3", "native H3", "native I3", "frozen J2", "frozen J3"].sort(),
    );
    // Every write after the reads.
    expect(log.every((entry) => entry[entry.length - 1] === 3 || entry[0] === "nameVisible")).toBe(true);
    const formulas = log.filter((l) => l[0] === "formulas" && l[1] === "台账");
    const written = formulas.flatMap((l) => (l[4] as string[][]).map((r, i) => ({ row: (l[2] as number) + i, col: l[3] as number, f: r[0] })));
    expect(written).toHaveLength(9);
    for (const w of written) {
      expect(w.f.startsWith("=")).toBe(true);
      expect(callsJy(w.f)).toBe(false);
      expect(w.f).toMatch(/_JY_M1/);
    }
    // A column run is one range write: F2:F4 at once.
    expect(formulas.find((l) => l[3] === 5)?.[4]).toHaveLength(3);
    const values = log.filter((l) => l[0] === "values" && l[1] === "台账");
    expect(values).toEqual([["values", "台账", 1, 9, [["无异常"], ["无异常"]], 3]]);
    // The note, then the record, very hidden; the names, hidden.
    expect(log.filter((l) => l[0] === "addSheet").map((l) => l[1])).toEqual([NOTE_SHEET, RECORD_SHEET]);
    expect(log).toContainEqual(["visibility", RECORD_SHEET, "VeryHidden", 3]);
    const added = log.filter((l) => l[0] === "addName");
    expect(added.map((l) => l[1]).sort()).toEqual([...DEFINED_NAME_SET].sort());
    expect(added.every((l) => String(l[2]).startsWith("={"))).toBe(true);
    expect(log.filter((l) => l[0] === "nameVisible").every((l) => l[2] === false)).toBe(true);
    // The record: text cells ("@"), the version, and each original formula as Range.formulas gave it.
    const record = log.find((l) => l[0] === "values" && l[1] === RECORD_SHEET)![4] as string[][];
    expect(log.find((l) => l[0] === "numberFormat" && l[1] === RECORD_SHEET)![4]).toEqual(record.map((r) => r.map(() => "@")));
    expect(record[0][0]).toBe(RECORD_VERSION);
    const f2 = record.find((r) => r[1] === "F2")!;
    expect(f2.slice(2, 5)).toEqual(["native", '_xldudf_JY_REWARD(A2,B2,C2,D2,"元",E2)', '<c r="F2"><f>_xldudf_JY_REWARD(A2,B2,C2,D2,&quot;元&quot;,E2)</f></c>']);
    expect(f2[6]).toBe(REGISTER.formulas[1][5]);
    expect(record.find((r) => r[1] === "H2")!.slice(2, 5)).toEqual(["spill", "", '<c r="H2"/>']);
  });

  test("a workbook that already has the record is left alone", async () => {
    const { host, log } = workbookMock({ portable: [[RECORD_VERSION]] });
    const report = await new ExcelWorkbook(host).makePortable();
    expect(report.alreadyPortable).toBe(true);
    expect(log).toEqual([]);
  });
});

describe("ExcelWorkbook restore", () => {
  test("reads the record and the sheets, checks every cell, clears spill cells, writes every original back, removes record, note and names", async () => {
    // The record a make-portable run wrote, and the register as it left it.
    const made = workbookMock();
    await new ExcelWorkbook(made.host).makePortable();
    const record = made.log.find((l) => l[0] === "values" && l[1] === RECORD_SHEET)![4] as string[][];

    const { host, log, syncs } = workbookMock({ portable: record, sheet: portableSheet(made.log) });
    const report = await new ExcelWorkbook(host).restorePortable();
    // The record; the sheets' extents; their cells; the writes.
    expect(syncs()).toBe(4);
    expect(report.refused).toEqual([]);
    expect(report.missing).toEqual([]);
    expect(report.restored).toHaveLength(record.length - 2);
    // The spilled town and park cells of both funding rows: one run per column, two rows each.
    expect(log.filter((l) => l[0] === "clear").map((l) => [l[2], l[3], l[4]])).toEqual([
      [1, 7, "Contents ×2"],
      [1, 8, "Contents ×2"],
    ]);
    const written = log
      .filter((l) => l[0] === "formulas")
      .flatMap((l) => (l[4] as string[][]).map((r, i) => [(l[2] as number) + i, l[3] as number, r[0]] as const));
    // Byte for byte what Range.formulas gave before make-portable.
    for (const [row, col, f] of written) expect(f).toBe(REGISTER.formulas[row][col]);
    expect(written).toHaveLength(7);
    // Clears before formulas, in the same batch; then the sheets and names go.
    const firstFormula = log.findIndex((l) => l[0] === "formulas");
    expect(log.findIndex((l) => l[0] === "clear")).toBeLessThan(firstFormula);
    expect(log).toContainEqual(["delete", RECORD_SHEET, 3]);
    expect(log).toContainEqual(["delete", NOTE_SHEET, 3]);
    expect(log.filter((l) => l[0] === "deleteName").map((l) => l[1]).sort()).toEqual([...DEFINED_NAME_SET].sort());
  });

  test("a cell edited since make-portable is refused: not written, listed, and the record kept with its row", async () => {
    const made = workbookMock();
    await new ExcelWorkbook(made.host).makePortable();
    const record = made.log.find((l) => l[0] === "values" && l[1] === RECORD_SHEET)![4] as string[][];
    const sheet = portableSheet(made.log);
    sheet.formulas[1][5] = 999;
    sheet.values[1][5] = 999;
    const { host, log } = workbookMock({ portable: record, sheet });
    const report = await new ExcelWorkbook(host).restorePortable();
    expect(report.refused!.map((r) => r.cell)).toEqual(["F2"]);
    const written = log.filter((l) => l[0] === "formulas" && l[1] === "台账").flatMap((l) => (l[4] as string[][]).map((_, i) => `${l[2] as number + i},${l[3]}`));
    expect(written).not.toContain("1,5");
    expect(log.filter((l) => l[0] === "delete")).toEqual([]);
    const kept = log.filter((l) => l[0] === "values" && l[1] === RECORD_SHEET).pop()![4] as string[][];
    expect(kept.slice(2).map((r) => r[1])).toEqual(["F2"]);
  });

  test("a damaged record (a row emptied) restores nothing and keeps the record", async () => {
    const made = workbookMock();
    await new ExcelWorkbook(made.host).makePortable();
    const record = (made.log.find((l) => l[0] === "values" && l[1] === RECORD_SHEET)![4] as string[][]).map((r) => [...r]);
    record[3] = record[3].map(() => "");
    const { host, log } = workbookMock({ portable: record, sheet: portableSheet(made.log) });
    const report = await new ExcelWorkbook(host).restorePortable();
    expect(report.damaged!.map((d) => d.zh)).toContain("记录损坏：记录第 4 行被清空");
    expect(log.filter((l) => l[0] === "formulas" && l[1] === "台账")).toEqual([]);
    expect(log.filter((l) => l[0] === "delete")).toEqual([]);
  });

  test("a record written by jyreward portable (file form) restores with the JY names Excel shows", async () => {
    const file = '_xldudf_JY_REWARD(A2,B2,C2,D2,"元",E2)';
    const t = translate(file);
    if (t.kind !== "native") throw new Error("expected a native translation");
    const esc = (x: string) => x.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
    const record = [
      [RECORD_VERSION, "calcChain", "2"],
      ["sheet", "cell", "kind", "formula", "original <c>", "portable <c>"],
      ["台账", "F2", "native", file, `<c r="F2" s="1"><f>${esc(file)}</f><v>4800000</v></c>`, `<c r="F2" s="1"><f t="array" ref="F2">${esc(t.formula)}</f><v>4800000</v></c>`],
      ["台账", "H2", "spill", "", '<c r="H2"><v>0</v></c>', '<c r="H2"><v>0</v></c>'],
      ["", "", "calcChain", "", "<calcChain/>", ""],
    ];
    const sheet = { formulas: REGISTER.formulas.map((r) => [...r]), values: REGISTER.values.map((r) => [...r]) };
    sheet.formulas[1][5] = fileToExcelFormula(t.formula);
    for (const r of [1, 2, 3]) for (const c of [6, 9]) sheet.formulas[r][c] = sheet.values[r][c];
    const { host, log } = workbookMock({ portable: record, sheet });
    const report = await new ExcelWorkbook(host).restorePortable();
    expect(report.restored).toEqual([{ sheet: "台账", cell: "F2" }, { sheet: "台账", cell: "H2" }]);
    expect(log.filter((l) => l[0] === "formulas").map((l) => l[4])).toEqual([[['=JY.REWARD(A2,B2,C2,D2,"元",E2)']]]);
    expect(log.filter((l) => l[0] === "clear").map((l) => [l[2], l[3], l[4]])).toEqual([[1, 7, "Contents ×1"]]);
  });
});
