/**
 * 合并各镇报表 in the pane: the towns' register files the user picked, read with the shared reader
 * (src/hosts/xlsx: the same as `jyreward merge`), consolidated with a past year's city register
 * chosen from this workbook, and added as two new sheets — the city register (a table of JY.*
 * formulas with each row's source file, sheet and row) and 核查结果 — written through the port in
 * batches. Nothing existing changes; undo deletes exactly the sheets added.
 */
import { consolidate, type CityConsolidation, type SourceRegister } from "../engine/city";
import { locateRegister, mapColumns } from "../engine/register";
import type { SpreadsheetFile } from "../hosts/xlsx/read";
import { registersIn, sourceRegisters } from "../hosts/xlsx/registers";
import { cityRegisterSheet, findingsSheet, type FileFindings } from "./city";
import type { WorkbookPort } from "./port";

export interface PickedFile {
  name: string;
  bytes: Uint8Array;
}

export interface MergeRequest {
  files: PickedFile[];
  /** A sheet of this workbook holding a past year's city register, or null. */
  historySheet: string | null;
  /** How the findings name this workbook as a past year's source, in the pane's language. */
  thisWorkbook: string;
  /** The finding labels of the pane's language (i18n kind). */
  labels: Record<string, string>;
  today?: string;
}

export interface MergeResult {
  city: CityConsolidation;
  /** The sheets added, in order: city register, 核查结果. */
  sheets: string[];
  registers: number;
  /** Files that could not be read or hold no register, each with the sentence why. */
  unreadable: Array<{ file: string; zh: string; en: string }>;
}

/** Why nothing could be merged, in both languages. */
export class NothingToMerge extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

/** The reader is passed in, so the pane loads SheetJS only when the user merges. */
export type FileReader = (bytes: Uint8Array, name: string) => Promise<SpreadsheetFile>;

export async function mergeRegisters(port: WorkbookPort, request: MergeRequest, read: FileReader): Promise<MergeResult> {
  const sources: SourceRegister[] = [];
  const files: FileFindings[] = [];
  const unreadable: MergeResult["unreadable"] = [];
  for (const f of request.files) {
    let book: SpreadsheetFile;
    try {
      book = await read(f.bytes, f.name);
    } catch (e) {
      const why = e as { zh?: string; en?: string };
      const error = { zh: why.zh ?? `无法读取 ${f.name}：文件已损坏或格式无法识别`, en: why.en ?? `cannot read ${f.name}: damaged or of an unknown format` };
      unreadable.push({ file: f.name, ...error });
      files.push({ file: f.name, sheet: null, findings: [], error });
      continue;
    }
    const { registers } = registersIn(book, request.today);
    if (registers.length === 0) {
      const error = { zh: `${f.name} 中找不到台账：没有一张工作表的表头同时含行业和两年销售额`, en: `no register found in ${f.name}: no sheet has a header with the sector and both years' sales` };
      unreadable.push({ file: f.name, ...error });
      files.push({ file: f.name, sheet: null, findings: [], error });
      continue;
    }
    sources.push(...sourceRegisters(f.name, registers));
    files.push(...registers.map((r) => ({ file: f.name, sheet: r.sheet, findings: r.scan.findings })));
  }
  const history: SourceRegister[] = [];
  if (request.historySheet) {
    const values = await port.readSheetValues(request.historySheet);
    const past = values ? locateRegister(values) : null;
    if (!past) throw new NothingToMerge(`工作表“${request.historySheet}”中找不到往年的登记表（表头须含行业和两年销售额）`, `no past register found on sheet "${request.historySheet}" (its header needs the sector and both years' sales)`);
    history.push({ file: request.thisWorkbook, sheet: request.historySheet, top: past.top, rows: past.rows, mapping: mapColumns(past.headers, null, past.unit) });
  }
  const city = consolidate(sources, history);
  if (city.records.length === 0) {
    throw new NothingToMerge("所选文件中没有可合并的企业", "the files chosen hold no enterprise to merge");
  }
  const register = await port.addSheet(cityRegisterSheet(city, "jy"));
  let findings;
  try {
    findings = await port.addSheet(findingsSheet(city, files, request.labels));
  } catch (e) {
    // Whole or nothing: the register sheet goes again when the findings cannot be added.
    await port.deleteSheet(register.sheet);
    throw e;
  }
  return { city, sheets: [register.sheet, findings.sheet], registers: sources.length, unreadable };
}
