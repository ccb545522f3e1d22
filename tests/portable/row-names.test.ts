/**
 * Row names: a converted column's formula kept once in a defined name. The name says exactly what
 * the cell said (every reference back in place for any row), refuses what a name cannot say, and
 * restore trusts a row name only when it is the conversion of the cell's original.
 */
import fc from "fast-check";
import { translate } from "../../src/portable/formula";
import { NAME_KIND, recordSheetRows, parseRecord, type RecordRow } from "../../src/portable/record";
import { argDefinition, cellFormOf, parseArgDefinition, rowForm, RowNames, sheetPrefix } from "../../src/portable/row-names";
import { checkRecord } from "../../src/portable/verify";

const sheetName = fc.oneof(
  fc.constantFrom("台账", "Sheet1", "2024 台账", "O'Brien", "A1", "TRUE", "华士镇(二)"),
  fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !/[[\]:*?/\\]/.test(s) && s.trim() === s),
);

describe("argument names", () => {
  test("a definition reads back as the sheet, column and offset it was written from", () => {
    fc.assert(
      fc.property(sheetName, fc.integer({ min: 1, max: 16384 }), fc.integer({ min: -1000, max: 1000 }), (sheet, col, offset) => {
        expect(parseArgDefinition(argDefinition(sheet, col, offset))).toEqual({ sheet, col, offset });
      }),
    );
  });

  test.each([
    ["台账", 2, 0, "INDEX('台账'!$B:$B,SUM(ROW()))"],
    ["台账", 1, -1, "INDEX('台账'!$A:$A,SUM(ROW())-1)"],
    ["2024 台账", 14, 3, "INDEX('2024 台账'!$N:$N,SUM(ROW())+3)"],
    ["O'Brien", 3, 0, "INDEX('O''Brien'!$C:$C,SUM(ROW()))"],
    ["台账（2024）", 3, 0, "INDEX('台账（2024）'!$C:$C,SUM(ROW()))"],
  ])("%s column %d offset %d → %s", (sheet, col, offset, text) => {
    expect(argDefinition(sheet, col, offset)).toBe(text);
  });

  test("anything else is no argument name", () => {
    for (const text of ["INDEX('台账'!$B:$C,SUM(ROW()))", "'台账'!$B2", "INDEX('台账'!$B:$B,SUM(ROW())+1)+0", "cmd|'/c calc'!A1", "INDEX('台账'!B:B,SUM(ROW()))", "INDEX(台账!$B:$B,SUM(ROW()))", "INDEX('台账'!$B:$B,ROW())"]) {
      expect(parseArgDefinition(text)).toBeNull();
    }
  });
});

describe("a cell's formula in name form", () => {
  const names = () => new RowNames();

  test("relative references become argument names; absolute ones keep their place, with their sheet", () => {
    const n = names();
    const form = rowForm('_xldudf_JY_REWARD(A2,$B2,C1,"化工",$N$1,其他!D3,\'2024 台账\'!E$1)', 2, "台账", n.arg);
    expect(form).toBe('_xldudf_JY_REWARD(_JY_V1,_JY_V2,_JY_V3,"化工",\'台账\'!$N$1,_JY_V4,\'2024 台账\'!$E$1)');
    expect(n.definitions()).toEqual([
      { name: "_JY_V1", formula: "INDEX('台账'!$A:$A,SUM(ROW()))" },
      { name: "_JY_V2", formula: "INDEX('台账'!$B:$B,SUM(ROW()))" },
      { name: "_JY_V3", formula: "INDEX('台账'!$C:$C,SUM(ROW())-1)" },
      { name: "_JY_V4", formula: "INDEX('其他'!$D:$D,SUM(ROW())+1)" },
    ]);
  });

  test("the same column on every row is one name; texts and names that look like cells are left alone", () => {
    const n = names();
    const forms = [2, 3, 500].map((r) => rowForm(`JY.REWARD(A${r},B${r},C${r},"B2",,Q1X)`, r, "台账", n.arg));
    expect(new Set(forms).size).toBe(1);
    expect(forms[0]).toBe('JY.REWARD(_JY_V1,_JY_V2,_JY_V3,"B2",,Q1X)');
  });

  test.each([
    ["a structured reference", "JY.REWARD(T1[@行业],B2,C2)"],
    ["a whole column", "IF(COUNTA(A:A)>1,JY.REWARD(A2,B2,C2),0)"],
    ["whole rows", "SUM(2:3)"],
    ["INDIRECT", 'JY.REWARD(INDIRECT("A2"),B2,C2)'],
    ["a relative range", "JY.REWARD(A2,B2,C2,D2:E2)"],
    ["an external reference", "JY.REWARD([1]台账!A2,B2,C2)"],
    ["a reference over several sheets", "JY.REWARD(A2,SUM(一月:三月!B2),C2)"],
    ["a quoted reference over several sheets", "JY.REWARD(A2,SUM('1月:3月'!B2),C2)"],
  ])("%s: no name form (the cell keeps its formula)", (_, formula) => {
    expect(rowForm(formula, 2, "台账", names().arg)).toBeNull();
  });

  test("the native formula, read back in any row, is the cell's own formula there", () => {
    const args = ["A", "B", "C", "D", "E"];
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 1048000 }), fc.constantFrom('"元"', '"万元"', "$N$1"), (row, unit) => {
        const formula = `_xldudf_JY_FUNDING(${args.map((c) => `${c}${row}`).slice(0, 4).join(",")},${unit},E${row})`;
        const t = translate(formula, 1);
        if (t.kind !== "native") throw new Error("not native");
        const n = new RowNames();
        const form = rowForm(t.formula, row, "台账", n.arg)!;
        const defs = new Map(n.definitions().map((d) => [d.name, d.formula]));
        const back = cellFormOf(form, row, "台账", (v) => defs.get(v));
        expect(back).toBe(t.formula.replace(/\$N\$1/g, "'台账'!$N$1"));
      }),
      { numRuns: 30 },
    );
  });

  test("a fixed range keeps its place on every row: one name for the column, and a range on another sheet keeps that sheet", () => {
    const n = new RowNames();
    const names = [2, 3, 4].map((r) => {
      const t = translate(`_xldudf_JY_REWARD(A${r},B${r},C${r},$K$1:$L$1)`);
      if (t.kind !== "native") throw new Error("not native");
      return n.cell(rowForm(t.formula, r, "台账", n.arg)!);
    });
    expect(new Set(names).size).toBe(1);
    expect(n.definitions().filter((d) => /\$[KL]:/.test(d.formula))).toEqual([]);
    expect(rowForm("JY.REWARD(VLOOKUP(M2,参数!$A$1:$B$2,2,FALSE),B2,C2)", 2, "台账", new RowNames().arg)).toBe("JY.REWARD(VLOOKUP(_JY_V1,'参数'!$A$1:$B$2,2,FALSE),_JY_V2,_JY_V3)");
  });

  test("numbering starts past the names a workbook already has, in any case", () => {
    const n = new RowNames(["_JY_C7", "_jy_v2", "Other", "_JY_CR"]);
    expect(n.arg("台账", 1, 0)).toBe("_JY_V3");
    expect(n.cell("_JY_V3+1")).toBe("_JY_C8");
  });

  test("a sheet name is always quoted (LibreOffice reads 台账（2024） unquoted as no sheet)", () => {
    expect(sheetPrefix("台账")).toBe("'台账'!");
    expect(sheetPrefix("O'Brien")).toBe("'O''Brien'!");
  });
});

describe("restore trusts a row name only as the conversion of the original", () => {
  function record(rows: number): RecordRow[] {
    const n = new RowNames();
    const out: RecordRow[] = [];
    let name = "";
    for (let r = 2; r < 2 + rows; r++) {
      const formula = `_xldudf_JY_REWARD(A${r},B${r},C${r},D${r},"元",E${r})`;
      const t = translate(formula);
      if (t.kind !== "native") throw new Error("not native");
      name = n.cell(rowForm(t.formula, r, "台账", n.arg)!);
      out.push({ sheet: "台账", cell: `F${r}`, kind: "native", formula, original: `<c r="F${r}"><f>${formula}</f><v>${r}</v></c>`, portable: `<c r="F${r}"><f t="array" ref="F${r}">${name}</f><v>${r}</v></c>` });
    }
    for (const d of n.definitions()) out.push({ sheet: "", cell: d.name, kind: NAME_KIND, formula: "", original: "", portable: d.formula });
    return out;
  }
  const check = (rows: RecordRow[]) => {
    const sheet = recordSheetRows(rows, null);
    return checkRecord(parseRecord((ref) => {
      const m = /^([A-Z])(\d+)$/.exec(ref)!;
      const v = sheet[Number(m[2]) - 1]?.[m[1].charCodeAt(0) - 65];
      return v === "" ? undefined : v;
    }, sheet.length));
  };

  test("as written: no damage", () => {
    expect(check(record(50))).toEqual([]);
  });

  test("a name whose formula was changed: every cell using it is refused", () => {
    const rows = record(5).map((r) => (r.cell === "_JY_C1" ? { ...r, portable: r.portable.replace("ROUND(", "ROUNDUP(") } : r));
    const damage = check(rows);
    expect(damage).toHaveLength(5);
    expect(damage[0].en).toMatch(/the portable formula is not the conversion of the original/);
  });

  test("an argument name aimed elsewhere, or a name that is none of ours: damage", () => {
    const moved = record(3).map((r) => (r.cell === "_JY_V1" ? { ...r, portable: "INDEX(台账!$Z:$Z,ROW())" } : r));
    expect(check(moved).length).toBeGreaterThan(0);
    const foreign = [...record(3), { sheet: "", cell: "_JY_V9", kind: NAME_KIND, formula: "", original: "", portable: "cmd|'/c calc'!A1" }];
    expect(check(foreign).map((d) => d.en)).toEqual([expect.stringMatching(/unknown name "_JY_V9"/)]);
  });

  test("a cell naming a row name the record does not hold: damage", () => {
    const rows = record(3).map((r) => (r.cell === "F3" ? { ...r, portable: r.portable.replace("_JY_C1", "_JY_C2") } : r));
    expect(check(rows).map((d) => d.cell)).toEqual(["F3"]);
  });
});
