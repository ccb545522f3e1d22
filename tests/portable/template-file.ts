/**
 * A file made from the register template (src/workbook/template.ts) as Excel saves it: the table
 * JY登记表 with structured references spelled out (JY登记表[[#This Row],[行业]]), JY calls as
 * _xldudf_JY_*, and — with `calculatedColumns` — each formula column's calculated-column formula in
 * xl/tables/table1.xml, which is what Excel fills into a row added to the table.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { registerTemplate, rowFormula, TEMPLATE_COLUMNS, TEMPLATE_TABLE } from "../../src/workbook/template";
import type { Unit } from "../../src/engine";

/** A template formula as a saved file holds it: no "=", [@[x]] spelled out, JY calls as Excel saves them. */
export function fileForm(excel: string, table = TEMPLATE_TABLE): string {
  return excel
    .slice(1)
    .replace(/\[@\[((?:[^\]']|'.)*)\]\]/g, (_, h: string) => `${table}[[#This Row],[${h}]]`)
    .replace(/JY\.(REWARD|FUNDING|CHECK|DETAIL)\(/g, "_xldudf_JY_$1(");
}

const xmlEscape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export const TABLE_PART = "xl/tables/table1.xml";

/** The template's table as a file: rows of examples; the formula columns' calculated-column formulas when asked. */
export async function templateFile(unit: Unit, options: { calculatedColumns?: boolean } = {}): Promise<{ bytes: Uint8Array; rows: number }> {
  const spec = registerTemplate(unit, 2025);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(spec.name);
  const headers = spec.cells[0] as string[];
  const rows = spec.cells.slice(1).map((r) =>
    r.map((c) => (c !== null && typeof c === "object" ? ({ formula: fileForm(c.formula.excel) } as ExcelJS.CellFormulaValue) : c)),
  );
  ws.addTable({ name: TEMPLATE_TABLE, ref: "A1", headerRow: true, columns: headers.map((name) => ({ name })), rows });
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  if (options.calculatedColumns) {
    let xml = await zip.file(TABLE_PART)!.async("string");
    TEMPLATE_COLUMNS.forEach((c, i) => {
      if (!c.formula) return;
      const formula = fileForm(rowFormula(c.formula, unit, 2).excel);
      // As Excel writes a calculated column: <tableColumn …><calculatedColumnFormula>…</calculatedColumnFormula></tableColumn>.
      xml = xml.replace(new RegExp(`(<tableColumn id="${i + 1}"[^>]*?)/>`), `$1><calculatedColumnFormula>${xmlEscape(formula)}</calculatedColumnFormula></tableColumn>`);
    });
    zip.file(TABLE_PART, xml);
  }
  return { bytes: await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }), rows: rows.length };
}
