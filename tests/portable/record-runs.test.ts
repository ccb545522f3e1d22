/**
 * The record keeps a register's column as runs: whatever the cells hold, reading the record back
 * gives every entry exactly as written (runs where cells follow a template, single rows where they
 * do not), and a run tampered with is damage, never a different cell.
 */
import fc from "fast-check";
import { rowShifter, shiftFormula } from "../../src/portable/formula";
import { parseRecord, recordSheetRows, RECORD_VERSION, type RecordRow } from "../../src/portable/record";
import { checkRecord } from "../../src/portable/verify";

const reader = (sheet: string[][]) => (ref: string) => {
  const m = /^([A-Z])(\d+)$/.exec(ref)!;
  const v = sheet[Number(m[2]) - 1]?.[m[1].charCodeAt(0) - 65];
  return v === "" || v === undefined ? undefined : v;
};
const key = (r: RecordRow) => `${r.sheet}!${r.cell}`;
const sorted = (rows: RecordRow[]) => [...rows].map((r) => ({ ...r, excel: r.excel || undefined })).sort((a, b) => key(a).localeCompare(key(b)));

/** A register column's entries as make-portable records them (F = reward, G:I = funding). */
function column(first: number, values: Array<string | null>, opts: { style?: (r: number) => string; excel?: boolean } = {}): RecordRow[] {
  const out: RecordRow[] = [];
  values.forEach((v, k) => {
    const r = first + k;
    const s = opts.style?.(r) ?? "";
    const formula = `_xldudf_JY_REWARD(A${r},B${r},C${r},D${r},"元",E${r})`;
    const val = v === null ? "" : `<v>${v}</v>`;
    out.push({
      sheet: "台账",
      cell: `F${r}`,
      kind: "native",
      formula,
      original: `<c r="F${r}"${s}><f>${formula}</f>${val}</c>`,
      portable: `<c r="F${r}"${s}><f t="array" ref="F${r}">_JY_C1</f>${val}</c>`,
      excel: opts.excel ? `=JY.REWARD(A${r},B${r},C${r},D${r},"元",E${r})` : undefined,
    });
    out.push({ sheet: "台账", cell: `H${r}`, kind: "spill", formula: "", original: `<c r="H${r}"${s}>${val}</c>`, portable: `<c r="H${r}"${s}><f t="array" ref="H${r}">_JY_C3</f>${val}</c>` });
  });
  return out;
}

describe("record runs", () => {
  test("a run's cells are its first cell shifted down, as shiftFormula shifts it", () => {
    const piece = fc.constantFrom("A2", "$B2", "C$1", "$D$3", "'台 账'!E2", "Sheet1!F9:G10", '"A2"', "[@A2]", "T[[#This Row],[B3]]", "LOG10(", "Q1X", ",", "+", "(", ")", "{1,2}", "AB12", "XFD1");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.integer({ min: 0, max: 5000 }), (pieces, k) => {
        const f = pieces.join("");
        expect(rowShifter(f)(k)).toBe(shiftFormula(f, k, 0));
      }),
      { numRuns: 500 },
    );
  });

  test("a 2,000-row register column is a handful of record rows, read back entry for entry", () => {
    const values = Array.from({ length: 2000 }, (_, k) => (k % 97 === 0 ? null : String(1_234_567.89 + k)));
    const rows = column(2, values);
    const sheet = recordSheetRows(rows, null);
    expect(sheet[0]).toEqual([RECORD_VERSION, "", String(sheet.length - 2)]);
    expect(sheet.length - 2).toBeLessThan(20);
    const parsed = parseRecord(reader(sheet), sheet.length);
    expect(sorted(parsed.rows)).toEqual(sorted(rows));
    expect(checkRecord(parsed).filter((p) => /count|emptied/.test(p.en))).toEqual([]);
  });

  test("any mix of cells comes back exactly: runs break where a cell is not its neighbour moved down", () => {
    const entry = fc.record({
      row: fc.integer({ min: 2, max: 60 }),
      value: fc.option(fc.oneof(fc.constant("#VALUE!"), fc.double({ noNaN: true, noDefaultInfinity: true }).map(String)), { nil: null }),
      styled: fc.boolean(),
      excel: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.uniqueArray(entry, { selector: (e) => e.row, maxLength: 40 }), (entries) => {
        const rows = entries.flatMap((e) => column(e.row, [e.value], { style: e.styled ? () => ' s="3"' : undefined, excel: e.excel }));
        const sheet = recordSheetRows(rows, "<calcChain/>");
        const parsed = parseRecord(reader(sheet), sheet.length);
        expect(sorted(parsed.rows)).toEqual(sorted(rows));
        expect(parsed.lines).toBe(Number(sheet[0][2]));
        expect(parsed.calcChain).toBe("<calcChain/>");
      }),
      { numRuns: 200 },
    );
  });

  test("a run's values stay within what a cell holds", () => {
    const long = "9".repeat(200);
    const sheet = recordSheetRows(column(2, Array.from({ length: 1000 }, () => long)), null);
    for (const row of sheet) for (const cell of row) expect(cell.length).toBeLessThan(32767);
    expect(sorted(parseRecord(reader(sheet), sheet.length).rows)).toHaveLength(2000);
  });

  test("a column saved by LibreOffice (quotes in formulas written &quot;) is runs too", () => {
    const rows = column(2, Array.from({ length: 50 }, (_, k) => String(k))).map((r) => ({ ...r, original: r.original.replace(/"元"/g, "&quot;元&quot;") }));
    const sheet = recordSheetRows(rows, null);
    expect(sheet.length - 2).toBe(2);
    expect(sorted(parseRecord(reader(sheet), sheet.length).rows)).toEqual(sorted(rows));
  });

  test("a record row carrying a second cell or other markup is damage (restore writes E into the sheet)", () => {
    const sheet = recordSheetRows(column(2, ["1"]), null);
    sheet[2][4] += '<c r="Z9"><f>WEBSERVICE("http://x/")</f></c>';
    expect(checkRecord(parseRecord(reader(sheet), sheet.length)).map((d) => d.en)).toEqual([expect.stringMatching(/original cell is malformed/)]);
  });

  test("a run that would expand past what any register needs is damage, not memory", () => {
    const rows = column(2, ["1", "2"]).filter((r) => r.kind === "native");
    const sheet = recordSheetRows(rows, null);
    const run = sheet.slice(2).find((r) => r[7])!;
    run[1] = "F2:F6001";
    run[4] = run[4].replace("<f>", `<f>${"+0".repeat(15000)}`);
    run[7] = JSON.stringify(Array.from({ length: 6000 }, () => null));
    const parsed = parseRecord(reader([...sheet, ...Array.from({ length: 10 }, (_, i) => [...run].map((v, c) => (c === 1 ? v.replace(/\d+:F\d+/, `${2 + 6000 * (i + 1)}:F${6001 + 6000 * (i + 1)}`) : v)))]), sheet.length + 10);
    expect(parsed.rows.length).toBeLessThan(60_000);
    expect(checkRecord(parsed).length).toBeGreaterThan(0);
  });

  test.each([
    ["a value holding markup", (row: string[]) => (row[7] = JSON.stringify(["1</v></c><c r=\"Z9\"><f>1</f><v>1", "2", "3"]))],
    ["values that are not JSON", (row: string[]) => (row[7] = "[1,")],
    ["fewer values than cells", (row: string[]) => (row[7] = JSON.stringify(JSON.parse(row[7]).slice(1)))],
    ["a range over two columns", (row: string[]) => (row[1] = row[1].replace(/:F/, ":G"))],
  ])("a run with %s is damage, and restores nothing", (_, tamper) => {
    const sheet = recordSheetRows(column(2, ["1", "2", "3"]), null);
    tamper(sheet.slice(2).find((r) => r[7])!);
    const damage = checkRecord(parseRecord(reader(sheet), sheet.length));
    expect(damage.length).toBeGreaterThan(0);
    expect(damage[0].zh).toMatch(/^记录损坏/);
  });
});
