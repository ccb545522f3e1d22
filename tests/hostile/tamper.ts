/** Edits of a portable workbook's parts, as a careless user, another host or an attacker makes them. */
import JSZip from "jszip";
import { shiftFormula } from "../../src/portable/formula";
import { xmlEscape, xmlUnescape } from "../../src/portable/xml";

/** The part path of a sheet by its name. */
async function sheetPath(zip: JSZip, name: string): Promise<string> {
  const wb = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const sheet = [...wb.matchAll(/<sheet\b[^>]*\/>/g)].find((m) => m[0].includes(`name="${name}"`));
  if (!sheet) throw new Error(`no sheet ${name}`);
  const rid = /r:id="([^"]*)"/.exec(sheet[0])![1];
  const rel = [...rels.matchAll(/<Relationship\b[^>]*\/>/g)].find((m) => m[0].includes(`Id="${rid}"`))!;
  return "xl/" + /Target="([^"]*)"/.exec(rel[0])![1].replace(/^\/?xl\//, "");
}

/** Applies `edit` to one sheet's XML. */
export async function editSheet(bytes: Uint8Array, sheet: string, edit: (xml: string) => string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const path = await sheetPath(zip, sheet);
  zip.file(path, edit(await zip.file(path)!.async("string")));
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

export const RECORD = "JY_ORIGINALS";

/** The record sheet's row `r` taken out (its cells emptied). */
export const emptyRecordRow = (bytes: Uint8Array, r: number) => editSheet(bytes, RECORD, (xml) => xml.replace(new RegExp(`<row r="${r}">[\\s\\S]*?</row>`), ""));

/** The record's cell `ref` (e.g. F4) holding `text` instead. */
export const setRecordText = (bytes: Uint8Array, ref: string, text: string) =>
  editSheet(bytes, RECORD, (xml) => xml.replace(new RegExp(`(<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">)[\\s\\S]*?(</t>)`), (_, a: string, b: string) => a + xmlEscape(text) + b));

/** One more record row, aimed wherever the attacker likes; the count in C1 raised to match. */
export function addRecordRow(bytes: Uint8Array, cells: string[]): Promise<Uint8Array> {
  return editSheet(bytes, RECORD, (xml) => {
    const last = Math.max(...[...xml.matchAll(/<row r="(\d+)">/g)].map((m) => Number(m[1])));
    const r = last + 1;
    const row = `<row r="${r}">${cells.map((v, i) => `<c r="${"ABCDEFG"[i]}${r}" t="inlineStr"><is><t xml:space="preserve">${xmlEscape(v)}</t></is></c>`).join("")}</row>`;
    return xml
      .replace(/(<c r="C1" t="inlineStr"><is><t xml:space="preserve">)(\d+)(<\/t>)/, (_, a: string, n: string, b: string) => a + (Number(n) + 1) + b)
      .replace("</sheetData>", row + "</sheetData>");
  });
}

/** A cell of a sheet overwritten with a number (what typing 999 over it leaves). */
export const overwriteCell = (bytes: Uint8Array, sheet: string, ref: string, value: number) =>
  editSheet(bytes, sheet, (xml) => xml.replace(new RegExp(`<c r="${ref}"[^>]*?(?:/>|>[\\s\\S]*?</c>)`), `<c r="${ref}"><v>${value}</v></c>`));

/**
 * A title row inserted above the register, as a spreadsheet does it: every row below moves down
 * one, and every cell reference in the sheet's formulas with it.
 */
export const insertRowAbove = (bytes: Uint8Array, sheet: string, title: string) =>
  editSheet(bytes, sheet, (xml) => {
    const moved = xml
      .replace(/<row r="(\d+)"/g, (_, n: string) => `<row r="${Number(n) + 1}"`)
      .replace(/(<c r=")([A-Z]+)(\d+)(")/g, (_, a: string, col: string, n: string, b: string) => `${a}${col}${Number(n) + 1}${b}`)
      .replace(/(<f\b[^>]*?\sref=")([^"]*)(")/g, (_, a: string, ref: string, b: string) => a + shiftFormula(ref, 1, 0) + b)
      .replace(/(<f\b[^>]*>)([\s\S]*?)(<\/f>)/g, (_, a: string, f: string, b: string) => a + xmlEscape(shiftFormula(xmlUnescape(f), 1, 0)) + b);
    return moved.replace("<sheetData>", `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${xmlEscape(title)}</t></is></c></row>`);
  });
