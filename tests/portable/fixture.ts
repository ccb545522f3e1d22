/**
 * A register workbook with JY formulas, as Excel saves it: JY.REWARD as _xldudf_JY_REWARD (and
 * some typed JY.REWARD), shared formulas, a spilled JY.FUNDING row (array formula over three
 * cells), JY.CHECK and JY.DETAIL cells with cached values, plus content make-portable must leave
 * alone: a second sheet, styles, a merged cell, a data validation, a defined name.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { funding, reward, check } from "../../src/functions/jy";
import { ClaimError } from "../../src/engine";
import { unitArg, type TestClaim } from "./claims";

const q = (s: string) => `"${s.replace(/"/g, '""')}"`;

export interface Fixture {
  bytes: Uint8Array;
  /** Row (1-based) of each claim. */
  firstRow: number;
}

function engine(c: TestClaim): { reward: number | null; funding: number[] | null; check: string } {
  const args = [c.sector, c.sales1 === "" ? null : c.sales1, c.sales2 === "" ? null : c.sales2, c.flags || null, unitArg(c), c.place || null] as const;
  try {
    return { reward: reward(...args), funding: funding(...args)[0], check: check("zh", ...args) };
  } catch (e) {
    if (e instanceof ClaimError) return { reward: null, funding: null, check: "" };
    throw e;
  }
}

export interface FixtureOptions {
  funding?: boolean;
  sharedFrom?: number;
  /**
   * The unit argument of row r's formulas (formula text: "$M2", "$N$1", a defined name); by default
   * the claim's unit as a literal. A claim's `unitText` goes into column M of its row.
   */
  unitRef?: (r: number) => string;
  /** More cells to fill (e.g. one unit cell for the sheet). */
  cells?: Record<string, string | number>;
  /** Workbook-level defined names: name → range ("台账!$N$2"). */
  names?: Record<string, string>;
}

/**
 * The claims in rows from row 2: A sector, B sales1, C sales2, D flags, E place, F reward, G:I
 * funding, J check, M the unit cell (when the claim has one).
 */
export async function registerWorkbook(claims: TestClaim[], options: FixtureOptions = {}): Promise<Fixture> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("台账");
  ws.addRow(["行业", "第一年销售额", "第二年销售额", "标记", "镇街园区", "奖励", "市级", "镇级", "园区", "检查"]);
  ws.getRow(1).font = { bold: true };
  ws.getCell("K1").value = "备注";
  ws.mergeCells("K1:L1");
  ws.getCell("A2").dataValidation = { type: "list", allowBlank: true, formulae: ['"化工,铸造,热电"'] };
  claims.forEach((c, i) => {
    const r = i + 2;
    const e = engine(c);
    ws.getCell(`A${r}`).value = c.sector;
    ws.getCell(`B${r}`).value = c.sales1 === "" ? null : c.sales1;
    ws.getCell(`C${r}`).value = c.sales2 === "" ? null : c.sales2;
    ws.getCell(`D${r}`).value = c.flags || null;
    ws.getCell(`E${r}`).value = c.place || null;
    if (c.unitText !== undefined) ws.getCell(`M${r}`).value = c.unitText === "" ? null : c.unitText;
    const unit = options.unitRef ? options.unitRef(r) : q(c.unit);
    const name = i % 2 ? "_xldudf_JY_REWARD" : "JY.REWARD";
    const formula = `${name}(A${r},B${r},C${r},D${r},${unit},E${r})`;
    ws.getCell(`F${r}`).value = { formula, result: e.reward ?? { error: "#VALUE!" } } as ExcelJS.CellFormulaValue;
    if (options.funding !== false) {
      ws.getCell(`G${r}`).value = { formula: `_xldudf_JY_FUNDING(A${r},B${r},C${r},D${r},${unit},E${r})`, result: e.funding?.[0] ?? { error: "#VALUE!" } } as ExcelJS.CellFormulaValue;
      ws.getCell(`H${r}`).value = e.funding?.[1] ?? null;
      ws.getCell(`I${r}`).value = e.funding?.[2] ?? null;
    }
    if (i < 5) ws.getCell(`J${r}`).value = { formula: `_xldudf_JY_CHECK(A${r},B${r},C${r},D${r},${unit},E${r})`, result: e.check } as ExcelJS.CellFormulaValue;
  });
  ws.getCell("F2").numFmt = "#,##0.00";
  const other = wb.addWorksheet("说明");
  other.getCell("A1").value = "本表不含 JY 公式";
  other.getCell("B2").value = { formula: "SUM(台账!B2:B3)" } as ExcelJS.CellFormulaValue;
  other.getCell("A5").value = { formula: "_xldudf_JY_DETAIL(\"化工\",60000000,60000000)", result: "平均销售额" } as ExcelJS.CellFormulaValue;
  for (const [ref, value] of Object.entries(options.cells ?? {})) ws.getCell(ref).value = value;
  wb.definedNames.add("台账!$A$1:$J$2", "表头");
  for (const [name, range] of Object.entries(options.names ?? {})) wb.definedNames.add(range, name);
  const buffer = await wb.xlsx.writeBuffer();
  // Excel's forms exceljs does not write: the JY.FUNDING row as an array formula spilled over G:I.
  const zip = await JSZip.loadAsync(buffer);
  const path = "xl/worksheets/sheet1.xml";
  let xml = await zip.file(path)!.async("string");
  // (Only where it spilled: an error result stays in its one cell.)
  xml = xml.replace(/<c r="G(\d+)"([^>]*)><f>(_xldudf_JY_FUNDING)/g, (m, row: string, attrs: string, name: string) =>
    xml.includes(`<c r="I${row}"`) ? `<c r="G${row}"${attrs}><f t="array" ref="G${row}:I${row}">${name}` : m,
  );
  zip.file(path, xml);
  return { bytes: await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }), firstRow: 2 };
}
