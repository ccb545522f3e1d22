/**
 * The register reader's bounds on the formats SheetJS reads (.xls, .ods): an .xls is held to the
 * size limit on disk, every sheet to the cell limit, and a container's parts are checked from its
 * directory before SheetJS inflates any of them. Each refusal is a sentence naming the file.
 */
import * as XLSX from "@e965/xlsx";
import { readSpreadsheet, readWithSheetJs } from "../../src/hosts/xlsx/read";
import { DEFAULT_LIMITS } from "../../src/portable/zip-guard";
import { declareSize, register, workbookOf } from "./files";
import { refusal } from "./refusal";

/** A register of `rows` enterprises written by SheetJS in `bookType`. */
function registerFile(rows: number, bookType: "xls" | "ods"): Uint8Array {
  const aoa: unknown[][] = [["行业", "第一年销售额", "第二年销售额", "镇街"]];
  for (let r = 0; r < rows; r++) aoa.push([r % 2 ? "化工" : "铸造", 1_000_000 + r, 2_000_000 + r, "华士镇"]);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), "台账");
  return new Uint8Array(XLSX.write(wb, { type: "array", bookType }) as ArrayBuffer);
}

describe.each(["xls", "ods"] as const)(".%s through SheetJS", (kind) => {
  const file = registerFile(50, kind);

  test("within the limits: every cell read", async () => {
    const book = await readSpreadsheet(file, `台账.${kind}`);
    expect(book.sheets[0].values.filter(Boolean)).toHaveLength(51);
  });

  test("a sheet holding more cells than the limit: refused with a sentence naming the file, the sheet and the limit", async () => {
    const e = await refusal(readSpreadsheet(file, `台账.${kind}`, { ...DEFAULT_LIMITS, maxCells: 100 }));
    expect(e.problem).toBe("over-limit");
    expect(e.zh).toBe(`无法读取 台账.${kind}：工作表 台账 的单元格超过上限 100 个（可用 --max-cells 调高）`);
    expect(e.en).toBe(`cannot read 台账.${kind}: the sheet 台账 holds more than 100 cells, the limit (raise it with --max-cells)`);
  });
});

test("an .xls larger on disk than the limit is refused unread", async () => {
  const file = registerFile(50, "xls");
  const e = await refusal(readSpreadsheet(file, "大.xls", { ...DEFAULT_LIMITS, maxBytes: file.length - 1 }));
  expect(e.problem).toBe("over-limit");
  expect(e.en).toMatch(/^cannot read 大\.xls: the file is \d+ MB, over the limit of \d+ MB \(raise it with --max-mb\)$/);
});

test("an .ods whose content.xml declares 1.5 GB is refused from the zip's directory, before SheetJS inflates anything", async () => {
  const bomb = declareSize(registerFile(5, "ods"), "content.xml", 1_500_000_000);
  const e = await refusal(readSpreadsheet(bomb, "炸弹.ods"));
  expect(e.problem).toBe("over-limit");
  expect(e.zh).toMatch(/^无法读取 炸弹\.ods：部件 content\.xml 解压后有 1431 MB，超过上限 200 MB（可用 --max-mb 调高）$/);
});

describe("an array formula's area is listed cell by cell, so it is held to the cell limit too", () => {
  const wholeSheet = () => workbookOf(`<row r="1"><c r="A1"><f t="array" ref="A1:XFD1048576">1</f><v>1</v></c></row>`);

  test("A1:XFD1048576 (17 billion cells) in an .xlsx: refused by the part reader with the cell-limit sentence", async () => {
    const e = await refusal(readSpreadsheet(await wholeSheet(), "整表.xlsx"));
    expect(e.zh).toBe("无法读取 整表.xlsx：工作表 台账 的单元格超过上限 2,000,000 个（可用 --max-cells 调高）");
  });

  test("the same file through SheetJS: refused the same way", async () => {
    const e = await refusal(Promise.resolve().then(async () => readWithSheetJs(await wholeSheet(), "整表.xlsx")));
    expect(e.en).toBe("cannot read 整表.xlsx: the sheet 台账 holds more than 2,000,000 cells, the limit (raise it with --max-cells)");
  });

  test("a register's spilled JY.FUNDING rows (an area of 3 each) read as before, by both readers", async () => {
    const file = await register(50);
    const parts = await readSpreadsheet(file, "台账.xlsx", { ...DEFAULT_LIMITS, maxCells: 50 * 9 + 9 });
    expect(parts.sheets[0].arrayCovered.size).toBe(100);
    expect(readWithSheetJs(file, "台账.xlsx", { ...DEFAULT_LIMITS, maxCells: 50 * 9 + 9 }).sheets[0].arrayCovered).toEqual(parts.sheets[0].arrayCovered);
  });
});
