/**
 * Finding the register in a block of cells, as the towns make them by hand: title, 填报单位 and
 * 单位：万元 lines above the header; a header over one row or two (a merged group cell such as
 * "销售收入（万元）" over "2022年" / "2023年" is joined to the cell below: "销售收入（万元）/2022年");
 * 合计 / 小计 / 总计 rows, footers (填表人, 审核人, 联系电话, 负责人), blank separators and rows
 * holding only a 序号 among the data. Those rows are skipped, counted and named with their
 * reason; they are blanked (not removed) so every other row keeps its sheet row number.
 *
 * Pure: the pane (through either host), the playground and `jyreward audit` hand it cell values.
 * The block may be a sparse array (a file read cell by cell): only the rows that exist are visited.
 */
import type { Unit } from "../unit";
import { a1 } from "./address";
import { registerScore } from "./columns";

/** How many leading rows may hold titles, 填报单位 and unit lines above the header. */
export const HEADER_SEARCH_ROWS = 20;
/** A header must show the sector and both years' sales (3 points each). */
export const MIN_REGISTER_SCORE = 9;

export type SkipReason = "title" | "total" | "footer" | "blank" | "serial-only";

export interface SkippedRow {
  /** 1-based sheet row. */
  row: number;
  reason: SkipReason;
  /** The row's first words, to show what was skipped. */
  text: string;
}

/** A merged area, 0-based sheet rows and columns, inclusive. */
export interface MergedArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface LocatedRegister {
  /** 0-based sheet row of the header's last row (the row above the first data row). */
  top: number;
  left: number;
  /** 0-based sheet row of the header's first row (differs from top for a two-row header). */
  headerTop: number;
  /** A1 address of the header's first cell. */
  anchor: string;
  /** One text per column; a two-row header's cells joined "group/sub". */
  headers: unknown[];
  /** The rows under the header, up to the last with a value under it; skipped rows blanked. */
  rows: unknown[][];
  /** The unit a 单位 line above the header states (a header's own 万元 is read by mapColumns). */
  unit: Unit | null;
  skipped: SkippedRow[];
}

const isBlank = (v: unknown) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");
const textOf = (v: unknown) => (isBlank(v) ? "" : String(v).normalize("NFKC").trim());

/** Non-blank cells of a (possibly sparse) row. */
function filled(row: unknown[] | undefined): Array<{ c: number; v: unknown }> {
  const out: Array<{ c: number; v: unknown }> = [];
  row?.forEach((v, c) => {
    if (!isBlank(v)) out.push({ c, v });
  });
  return out;
}

// The whole cell says total ("合计", "本页合计", "小计（华士镇）", "总计："); "合计化工厂" is an enterprise.
const TOTAL = /^(?:本页|本表|全镇|全街道|全区|全园区|全市|[\u4e00-\u9fff]{1,6}(?:镇|街道|园区))?(?:合计|小计|总计|共计|累计|汇总)(?:[:：]|[（(][^）)]*[）)])?$/;
const FOOTER = /^(?:填表人|填报人|制表人|审核人|审核|复核人|联系电话|电话|联系人|负责人|单位负责人|分管领导|填表日期|填报日期|制表日期|盖章|单位盖章|注|备注|说明)\s*[:：]/;
const FOOTER_BARE = /^(?:填表人|填报人|制表人|审核人|复核人|联系电话|联系人|负责人|单位负责人)/;
const UNIT_LINE = /(?:金额)?单位\s*[:：]?\s*(万元|元)/;

/** Why a row under the header is not an enterprise, or null when it is one. */
export function skipReason(row: unknown[] | undefined, width: number): Exclude<SkipReason, "title"> | null {
  const cells = filled(row).filter((x) => x.c < width);
  if (cells.length === 0) return "blank";
  const texts = cells.filter((x) => typeof x.v === "string").map((x) => textOf(x.v).replace(/\s+/g, ""));
  if (texts.slice(0, 3).some((t) => TOTAL.test(t))) return "total";
  if (texts.some((t) => FOOTER.test(t)) || (texts.length > 0 && FOOTER_BARE.test(texts[0]))) return "footer";
  if (cells.length === 1 && /^\d{1,5}$/.test(textOf(cells[0].v))) return "serial-only";
  return null;
}

/** Whether a row can be the lower row of a two-row header: texts (years allowed), no amounts. */
function looksLikeSubHeader(row: unknown[] | undefined): boolean {
  const cells = filled(row);
  if (cells.length === 0) return false;
  return cells.every((x) => typeof x.v === "string" || (typeof x.v === "number" && Number.isInteger(x.v) && x.v >= 1990 && x.v <= 2100));
}

/**
 * Joins a two-row header. With the merged areas known, a group cell spans exactly its merge;
 * without them (Office.js gives a merge's value in its first cell only) a group cell spans the
 * blank cells to its right while the row below has sub-headers under them.
 */
export function joinHeaderRows(upper: unknown[], lower: unknown[], width: number, merges?: (c: number) => unknown): string[] {
  const out: string[] = [];
  let group = "";
  for (let c = 0; c < width; c++) {
    const up = textOf(upper[c]);
    const low = textOf(lower[c]);
    let head = up;
    if (merges) {
      const m = merges(c);
      if (up === "" && m !== undefined) head = textOf(m);
    } else if (up !== "") {
      group = low !== "" ? up : "";
    } else if (low !== "" && group !== "") {
      head = group;
    } else {
      group = "";
    }
    out.push(head && low ? `${head}/${low}` : head || low);
  }
  return out;
}

function trimEnd(row: unknown[]): unknown[] {
  let end = row.length;
  while (end > 0 && isBlank(row[end - 1])) end--;
  return Array.from({ length: end }, (_, i) => (row[i] === undefined ? null : row[i]));
}

function rowWords(row: unknown[] | undefined): string {
  return filled(row)
    .map((x) => textOf(x.v))
    .join(" ")
    .slice(0, 40);
}

/**
 * Finds the register in `values` (0-based sheet row/column of its first cell: top, left); null
 * when no row, alone or joined with the next, shows the sector and both years' sales.
 */
export function locateRegister(values: unknown[][], top = 0, left = 0, merged: MergedArea[] = []): LocatedRegister | null {
  const depth = Math.min(HEADER_SEARCH_ROWS, values.length);
  let best: { i: number; rows: 1 | 2; headers: unknown[]; score: number } | null = null;
  for (let i = 0; i < depth; i++) {
    const row = values[i];
    if (!row || filled(row).length < 2) continue;
    const single = trimEnd(row);
    const s1 = registerScore(single);
    if (!best || s1 > best.score) best = { i, rows: 1, headers: single, score: s1 };
    const below = values[i + 1];
    if (looksLikeSubHeader(below)) {
      const width = Math.max(single.length, trimEnd(below).length);
      const inMerge = (c: number) => {
        const m = merged.find((a) => a.top === top + i && a.left <= left + c && a.right >= left + c && a.bottom === a.top);
        return m ? values[m.top - top]?.[m.left - left] : undefined;
      };
      const joined = joinHeaderRows(row, below, width, merged.length > 0 ? inMerge : undefined);
      const s2 = registerScore(joined);
      // Two rows only when they say more than either row alone (a 填报单位 line over a full header does not).
      if (s2 > best.score && s2 > s1 && s2 > registerScore(trimEnd(below!))) best = { i, rows: 2, headers: joined, score: s2 };
    }
  }
  if (!best || best.score < MIN_REGISTER_SCORE) return null;

  const headerTop = best.i;
  const last = headerTop + best.rows - 1;
  const width = best.headers.length;
  const skipped: SkippedRow[] = [];
  let unit: Unit | null = null;
  for (let i = 0; i < headerTop; i++) {
    const words = rowWords(values[i]);
    if (words === "") continue;
    const u = UNIT_LINE.exec(words);
    if (u) unit = u[1] as Unit;
    skipped.push({ row: top + i + 1, reason: "title", text: words });
  }

  // The data end at the last row with a value under the header (a stray far cell does not count).
  let end = last;
  values.forEach((row, i) => {
    if (i > last && filled(row).some((x) => x.c < width)) end = i;
  });
  const rows: unknown[][] = [];
  for (let i = last + 1; i <= end; i++) {
    const row = values[i];
    const reason = skipReason(row, width);
    if (reason === null) {
      rows.push(Array.from({ length: width }, (_, c) => (row![c] === undefined ? null : row![c])));
      continue;
    }
    rows.push([]);
    skipped.push({ row: top + i + 1, reason, text: rowWords(row) });
  }
  return { top: top + last, left, headerTop: top + headerTop, anchor: a1(top + headerTop, left), headers: best.headers, rows, unit, skipped };
}

/**
 * A table's body (its header is known): rows that are no enterprise blanked, as locateRegister
 * does; `top` is the 0-based sheet row of the header.
 */
export function skipNonEnterprises(rows: unknown[][], width: number, top: number): { rows: unknown[][]; skipped: SkippedRow[] } {
  const skipped: SkippedRow[] = [];
  let last = -1;
  rows.forEach((row, i) => {
    if (skipReason(row, width) !== "blank") last = i;
  });
  const out = rows.map((row, i) => {
    const reason = skipReason(row, width);
    if (reason === null) return row;
    // Blank rows at the end of a table are its spare rows, not separators.
    if (reason !== "blank" || i < last) skipped.push({ row: top + i + 2, reason, text: rowWords(row) });
    return [];
  });
  return { rows: out, skipped };
}

/**
 * When no header is found: the row most like a header (the first with three texts or more) and
 * the row under it, so the user can map the columns by hand.
 */
export function headerCandidate(values: unknown[][], top = 0): { top: number; headers: unknown[]; firstRow: unknown[] } | null {
  const depth = Math.min(HEADER_SEARCH_ROWS, values.length);
  for (let i = 0; i < depth; i++) {
    const texts = filled(values[i]).filter((x) => typeof x.v === "string");
    if (texts.length >= 3) {
      const headers = trimEnd(values[i]);
      const firstRow = values.slice(i + 1).find((r) => r && skipReason(r, headers.length) === null) ?? [];
      return { top: top + i, headers, firstRow: Array.from({ length: headers.length }, (_, c) => firstRow[c] ?? null) };
    }
  }
  return null;
}
