/**
 * Native formulas for JY.REWARD and JY.FUNDING: the same result as the engine, from the same cells,
 * with functions Excel 2010+, WPS and LibreOffice 7.4 all have (no LET, no LAMBDA).
 *
 * How it stays exact (amounts.ts does the same in JavaScript):
 * - Sales become whole 分: a number x in 元 is whole 分 when ROUND(x,2)=x, and then ROUND(x*100,0)
 *   is exact (below 2^53). Text sales are read digit by digit (MID over 1..24) into 分. A sales
 *   figure finer than 分 gives #VALUE! rather than a number the engine might round differently.
 * - S = sum of both years in 分. The cumulative scale is concave (rates fall from slice to slice),
 *   so N(S) = min over lines rate·S + intercept; with the floor and cap as two more "lines" the
 *   clamped N is the 2nd smallest of {floorN, capN, line1, line2, …} (only line 1 can fall below
 *   the floor: asserted below). One MMULT of (S, 1) with a 2×5 matrix gives all of them at once.
 *   The reward in 分 is ROUND(N/200,0): N is an integer, N/200 is exact at half-分 ties.
 * - Sector, flags and place texts are normalised (ASC, LOWER, separators, ignored characters) and
 *   matched exactly (EXACT / SUBSTITUTE, never MATCH's wildcards or case folding) against key
 *   lists generated here from src/policy and the engine's own parsers.
 *
 * Without LET a sub-expression used twice is written twice, so every large part (a normalised
 * text, the sales in 分) appears once: lookups turn each into one small index, and the tables
 * live in workbook-level defined names (_JY_*), which make-portable adds and restore removes.
 */
import { CHEMICAL, FLAGS, FOUNDRY, ALUMINIUM_DEEP_WELL_RATE, MAX_SALES_YUAN, SECTORS, TOWNS, type FlagId, type SectorId, type SectorReward } from "../policy";
import {
  ClaimError,
  EXCLUSION_BITS,
  hasFlag,
  matchKey,
  parseClaim,
  parseSector,
  UNIT_SPELLINGS,
  UNITS,
  ZONE_BITS,
  type Unit,
} from "../engine";

// ---------------------------------------------------------------------------------------------
// Formula text helpers

/** A formula string literal. */
export const str = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/** A number as formula text (integers without exponent). */
function num(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return BigInt(n).toString();
  return String(n);
}

/** An array constant: rows of values. */
function arrayConst(rows: Array<Array<string | number>>): string {
  return `{${rows.map((r) => r.map((v) => (typeof v === "number" ? num(v) : str(v))).join(",")).join(";")}}`;
}

/** Characters as formula text: printable ones as literals, controls as CHAR(n). */
function charLit(c: string): string {
  const code = c.charCodeAt(0);
  // Controls and the double quote as CHAR (HyperFormula reads no "" inside a literal).
  return code < 32 || c === '"' ? `CHAR(${code})` : str(c);
}

function substituteAll(expr: string, chars: string[], by: string): string {
  let out = expr;
  for (const c of chars) out = `SUBSTITUTE(${out},${charLit(c)},${str(by)})`;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Character classes (a subset of what the engine folds; anything outside gives an error value,
// never a number: see the README's "Sharing workbooks")

/** Whitespace the portable formula treats as the engine does (\s, after NFKC). */
const WHITESPACE = [" ", "\t", "\n", "\r", "\u00a0", "\u3000"];
/** Token separators besides whitespace (engine/flags.ts), with what ASC makes of 、. */
const SEPARATORS = [",", "，", "、", "､", ";", "；"];
/** Characters a match key ignores (engine/text.ts), with their full-width and ASC forms. */
const IGNORED = ["-", "_", "·", "・", "･", ".", "(", ")", "（", "）", "【", "】", "[", "]", "'", '"', "“", "”", "‘", "’"];
/** LOWER turns İ into a plain i in some hosts; JavaScript does not, so it must not match. */
const UNFOLDABLE = ["İ"];

/** Width and case folding, as NFKC + toLowerCase do for the characters the keys use. */
const fold = (x: string) => `LOWER(ASC(${substituteAll(x, UNFOLDABLE, "#")}))`;

/** The match key of a text (engine matchKey) for sector and unit cells. */
export function keyExpr(text: string): string {
  return substituteAll(substituteAll(fold(text), WHITESPACE, ""), IGNORED, "");
}

// ---------------------------------------------------------------------------------------------
// Tables generated from the policy and the engine

export const NAMES = {
  sectorKeys: "_JY_SK",
  sectorWeights: "_JY_SW",
  sectorTable: "_JY_ST",
  flagPatterns: "_JY_FP",
  flagCategories: "_JY_FC",
  flagColumns: "_JY_FK",
  flagP0: "_JY_FN",
  flagWeights: "_JY_FW",
  flagTable: "_JY_FT",
  classReward: "_JY_CR",
  classCity: "_JY_CC",
  classTown: "_JY_CT",
  classPark: "_JY_CK",
  cityPercent: "_JY_CP",
  index: "_JY_I",
  matrix: ["_JY_M1", "_JY_M2", "_JY_M3", "_JY_M4"],
  unitKeys: "_JY_UK",
  unitWeights: "_JY_UW",
  unitHalfMax: "_JY_UH",
  unitPlaces: "_JY_UP",
  unitFen: "_JY_UF",
  unitBound: "_JY_UB",
} as const;

/** Sector codes in the native formula: 1 chemical, 2 foundry, 3 not covered (#N/A), 0 invalid. */
const SECTOR_CODE: Record<SectorId, number> = { chemical: 1, foundry: 2, "thermal-power": 3, "printing-dyeing": 3, other: 3 };

function sectorOf(text: string): SectorId | null {
  try {
    return parseSector(text);
  } catch (e) {
    if (e instanceof ClaimError) return null;
    throw e;
  }
}

interface SectorTables {
  keys: string[];
  weights: number[][];
  table: number[];
}

function buildSectorTables(): SectorTables {
  const rows = new Map<string, number[]>();
  const add = (key: string, w: number[]) => {
    if (rows.has(key)) throw new Error(`sector key "${key}" twice`);
    rows.set(key, w);
  };
  for (const s of Object.values(SECTORS)) {
    const keys = new Set([s.id, s.nameZh, s.nameEn, ...s.aliases].map(matchKey));
    for (const k of keys) add(k, [SECTOR_CODE[s.id], 0, 0]);
  }
  // Codes: every 2–4 digit text the engine reads as a named sector (the rest is "other", #N/A,
  // or refused, #VALUE!: an error value either way).
  for (let len = 2; len <= 4; len++) {
    for (let n = 0; n < 10 ** len; n++) {
      const code = String(n).padStart(len, "0");
      const sector = sectorOf(code);
      if (sector && sector !== "other") add(code, [SECTOR_CODE[sector], 0, 16 * SECTOR_CODE[sector]]);
    }
  }
  // Section letters the engine accepts before a code (C2614).
  for (let c = 97; c <= 122; c++) {
    const letter = String.fromCharCode(c);
    if (sectorOf(`${letter}2614`) === "chemical") add(letter, [0, 4, 0]);
  }
  // X = full-key class + 4·(first character is a section letter) + 16·(class of the rest as a code).
  const table: number[] = [];
  for (let x = 0; x < 64; x++) {
    const full = x % 4;
    const letter = (x >> 2) % 4;
    const rest = x >> 4;
    table.push(full > 0 ? full : letter === 1 && rest > 0 ? rest : 0);
  }
  return { keys: [...rows.keys()], weights: [...rows.values()], table };
}

type Category = "U" | "ALU" | "EXCL" | "HIGHTECH" | "LINGANG" | "NONE" | `TOWN${number}`;

interface FlagTables {
  patterns: string[];
  categories: number[];
  columns: number[];
  p0: number[];
  weights: number[];
  table: number[];
}

const FLAG_CATEGORY: Record<FlagId, Category> = {
  ALUMINIUM_DEEP_WELL: "ALU",
  ZONE_HIGHTECH: "HIGHTECH",
  ZONE_LINGANG: "LINGANG",
  RIVERSIDE: "NONE",
  EXCL_ILLEGAL_NEW: "EXCL",
  EXCL_STEEL_CUT: "EXCL",
  EXCL_CAPACITY_SWAP: "EXCL",
  EXCL_RELOCATED: "EXCL",
};

/** Bits of the flag state F (0..7): the table below maps X to F + 1, or 0 for an error. */
export const F_ALU = 1;
export const F_EXCL = 2;
export const F_ZONE = 4;

function buildFlagTables(): FlagTables {
  const cats: Category[] = ["U", "ALU", "EXCL", "HIGHTECH", "LINGANG", "NONE", ...TOWNS.map((_, i): Category => `TOWN${i}`)];
  const catIndex = new Map(cats.map((c, i) => [c, i + 1]));
  const keyed = new Map<string, Category>();
  const claim = (spellings: string[], cat: Category) => {
    for (const s of spellings) {
      const k = matchKey(s);
      const had = keyed.get(k);
      if (had && had !== cat) throw new Error(`flag key "${k}" claimed twice`);
      keyed.set(k, cat);
    }
  };
  for (const f of Object.values(FLAGS)) claim([f.id, ...f.aliases], FLAG_CATEGORY[f.id]);
  TOWNS.forEach((t, i) => claim([t.nameZh, ...t.aliases], `TOWN${i}`));

  // Flags tokens are written <token>, place tokens <token}; the place takes towns and parks only.
  const patterns = ["<<"];
  const categories = [0];
  for (const [k, cat] of keyed) {
    patterns.push(`<${k}>`);
    categories.push(catIndex.get(cat)!);
  }
  for (const [k, cat] of keyed) {
    if (cat === "HIGHTECH" || cat === "LINGANG" || cat.startsWith("TOWN")) {
      patterns.push(`<${k}}`);
      categories.push(catIndex.get(cat)!);
    }
  }
  const m = patterns.length - 1;
  const columns = cats.map((_, i) => i + 1);
  const p0 = cats.map((c, i) => (c === "U" ? 1 - m : categories.filter((x) => x === i + 1).length));
  const weightOf: Record<string, number> = { U: 1, ALU: 2, EXCL: 4, HIGHTECH: 8, LINGANG: 16, NONE: 0 };
  const weights = cats.map((c) => weightOf[c] ?? 32);
  const table: number[] = [];
  for (let x = 0; x < 64; x++) {
    const both = (x & 8) !== 0 && (x & 16) !== 0;
    if (x & 1 || both) table.push(0);
    else table.push(1 + ((x & 2) ? F_ALU : 0) + ((x & 4) ? F_EXCL : 0) + ((x & 24) ? F_ZONE : 0));
  }
  return { patterns, categories, columns, p0, weights, table };
}

// Matrices: rows (slopes; intercepts) over columns (floor, cap, line 1, line 2, line 3), S-space.
const BIG = 9e15;
const LINES = 3;

function matrixOf(rules: SectorReward, ratePercent?: number): number[][] {
  const slices = rules.scale.map((s) => ({
    low: Number(s.from) * 200,
    high: s.upTo === null ? Infinity : Number(s.upTo) * 200,
    rate: ratePercent ?? s.ratePercent,
  }));
  if (slices.length > LINES) throw new Error("more slices than the matrix holds");
  const floorN = Number(rules.floor.value) * 100 * 200;
  const capN = Number(rules.cap.value) * 100 * 200;
  const slopes = [0, 0];
  const intercepts = [floorN, capN];
  let nAtLow = 0;
  slices.forEach((s, i) => {
    if (i > 0 && s.rate > slices[i - 1].rate) throw new Error("scale is not concave: min over lines would be wrong");
    const b = nAtLow - s.rate * s.low;
    // Only line 1 may fall below the floor, or the 2nd smallest would not be the clamp.
    if (i > 0 && b < floorN) throw new Error("a line after the first falls below the floor");
    slopes.push(s.rate);
    intercepts.push(b);
    if (s.high !== Infinity) nAtLow += s.rate * (s.high - s.low);
  });
  while (slopes.length < 2 + LINES) {
    slopes.push(0);
    intercepts.push(BIG);
  }
  return [slopes, intercepts];
}

const ZERO_MATRIX = [new Array(2 + LINES).fill(0), new Array(2 + LINES).fill(0)];

/** Matrix choices: 1 chemical, 2 foundry, 3 foundry deep-well, 4 zero; 5 is #N/A (not covered). */
const M_CHEM = 1;
const M_FOUNDRY = 2;
const M_DEEP_WELL = 3;
const M_ZERO = 4;
const M_NA = 5;

export type Output = "reward" | "city" | "town" | "park";

function classFor(output: Output, sector: number, f: number): number {
  if (sector === 0 || f === 0) return 0;
  if (sector === 3) return M_NA;
  const flags = f - 1;
  const excluded = (flags & F_EXCL) !== 0;
  const zone = (flags & F_ZONE) !== 0;
  const foundryMatrix = flags & F_ALU ? M_DEEP_WELL : M_FOUNDRY;
  if (excluded) return M_ZERO;
  if (sector === 1) {
    // 五（一）: the city pays all, whatever the zone (RULES.md decision).
    return output === "reward" || output === "city" ? M_CHEM : M_ZERO;
  }
  if (output === "reward") return foundryMatrix;
  if (output === "park") return zone && FOUNDRY.parkPaysInZones.value ? foundryMatrix : M_ZERO;
  return zone && FOUNDRY.parkPaysInZones.value ? M_ZERO : foundryMatrix;
}

function classTable(output: Output): number[] {
  const t: number[] = [];
  for (let sector = 0; sector < 4; sector++) for (let f = 0; f < 9; f++) t.push(classFor(output, sector, f));
  return t;
}

const TEXT_CHARS = 24;

/**
 * A unit read from a cell: the unit index u is 1 for "not a unit" (every sales figure then reads
 * as #VALUE!), 2 for 元, 3 for 万元; the per-unit constants below are rows over those columns.
 */
const UNIT_COLUMNS: Unit[] = ["元", "万元"];
/** One year's sales at most 10万亿元 (RULES.md decision), in 分. */
const MAX_SALES_FEN = Number(MAX_SALES_YUAN) * 100;

interface UnitTables {
  keys: string[];
  weights: number[];
  halfMax: number[];
  places: number[];
  fen: number[];
  bound: number[];
}

function buildUnitTables(): UnitTables {
  const keys: string[] = [];
  const weights: number[] = [];
  for (const [key, unit] of UNIT_SPELLINGS) {
    // A blank cell means 元; it is matched on the raw text, since a key of "" would also take a
    // cell of spaces, which the engine refuses.
    if (key === "") throw new Error("a unit spelling with an empty match key");
    keys.push(key);
    weights.push(1 + UNIT_COLUMNS.indexOf(unit));
  }
  const maxUnit = (u: Unit) => MAX_SALES_FEN / UNITS[u].fenPerUnit;
  return {
    keys,
    weights,
    // Column 1 (not a unit): a half-range of -1 accepts no number, a bound of 0 no text.
    halfMax: [-1, ...UNIT_COLUMNS.map((u) => maxUnit(u) / 2)],
    places: [0, ...UNIT_COLUMNS.map((u) => UNITS[u].places)],
    fen: [1, ...UNIT_COLUMNS.map((u) => UNITS[u].fenPerUnit)],
    bound: [0, ...UNIT_COLUMNS.map(() => MAX_SALES_FEN + 1)],
  };
}

/** Defined names (name → formula text) the native formulas read; restore removes them. */
export function definedNames(): Array<{ name: string; formula: string }> {
  const s = buildSectorTables();
  const f = buildFlagTables();
  const u = buildUnitTables();
  const chemCity = CHEMICAL.cityPercent.value;
  const foundryCity = FOUNDRY.cityPercent.value;
  return [
    { name: NAMES.sectorKeys, formula: arrayConst(s.keys.map((k) => [k])) },
    { name: NAMES.sectorWeights, formula: arrayConst(s.weights) },
    { name: NAMES.sectorTable, formula: arrayConst([s.table]) },
    { name: NAMES.flagPatterns, formula: arrayConst([f.patterns]) },
    { name: NAMES.flagCategories, formula: arrayConst(f.categories.map((c) => [c])) },
    { name: NAMES.flagColumns, formula: arrayConst([f.columns]) },
    { name: NAMES.flagP0, formula: arrayConst([f.p0]) },
    { name: NAMES.flagWeights, formula: arrayConst([f.weights]) },
    { name: NAMES.flagTable, formula: arrayConst([f.table]) },
    { name: NAMES.classReward, formula: arrayConst([classTable("reward")]) },
    { name: NAMES.classCity, formula: arrayConst([classTable("city")]) },
    { name: NAMES.classTown, formula: arrayConst([classTable("town")]) },
    { name: NAMES.classPark, formula: arrayConst([classTable("park")]) },
    { name: NAMES.cityPercent, formula: arrayConst([[0, chemCity, foundryCity, 0]]) },
    { name: NAMES.index, formula: arrayConst([Array.from({ length: TEXT_CHARS }, (_, i) => i + 1)]) },
    { name: NAMES.matrix[0], formula: arrayConst(matrixOf(CHEMICAL)) },
    { name: NAMES.matrix[1], formula: arrayConst(matrixOf(FOUNDRY)) },
    { name: NAMES.matrix[2], formula: arrayConst(matrixOf(FOUNDRY, ALUMINIUM_DEEP_WELL_RATE.value)) },
    { name: NAMES.matrix[3], formula: arrayConst(ZERO_MATRIX) },
    { name: NAMES.unitKeys, formula: arrayConst(u.keys.map((k) => [k])) },
    { name: NAMES.unitWeights, formula: arrayConst(u.weights.map((w) => [w])) },
    { name: NAMES.unitHalfMax, formula: arrayConst([u.halfMax]) },
    { name: NAMES.unitPlaces, formula: arrayConst([u.places]) },
    { name: NAMES.unitFen, formula: arrayConst([u.fen]) },
    { name: NAMES.unitBound, formula: arrayConst([u.bound]) },
  ];
}

export const DEFINED_NAME_SET = new Set(definedNames().map((d) => d.name));

// ---------------------------------------------------------------------------------------------
// The formula

/** An argument as the translator hands it over: native formula text, or a literal it resolved. */
export type Arg =
  | { kind: "expr"; text: string }
  | { kind: "text"; value: string }
  | { kind: "number"; value: number }
  | { kind: "blank" }
  /** A range of cells (flags only): each cell's text, joined by a separator. */
  | { kind: "cells"; refs: string[] };

const VALUE_ERROR = "#VALUE!";

/** The argument as an expression (literals quoted). */
function exprOf(a: Arg): string {
  switch (a.kind) {
    case "expr":
      return a.text;
    case "text":
      return str(a.value);
    case "number":
      return num(a.value);
    case "blank":
      return '""';
    case "cells":
      return a.refs.map((r) => `${r}&""`).join('&" "&');
  }
}

/** Sales in 分 (number or text), or an error value. */
function fenExpr(x: string, unit: Unit): string {
  const { fenPerUnit, places } = UNITS[unit];
  const maxUnit = MAX_SALES_FEN / fenPerUnit;
  // In range and whole 分 at once: MEDIAN clamps to [0, max], so ROUND(…)=x fails outside it.
  const numberPath = `IF(ROUND(MEDIAN(0,${x},${num(maxUnit)}),${places})=${x},ROUND(${x}*${num(fenPerUnit)},0),${VALUE_ERROR})`;
  // Not a number: read as text (a blank or a logical value reads as no valid digits: #VALUE!).
  return `IF(ISNUMBER(${x}),${numberPath},${textFenExpr(x, unit)})`;
}

/**
 * Text sales, as engine/sales.ts reads them: [+]digits[.digits] or digits grouped by commas in
 * threes; no exponent (the engine reads "1e8"; the portable formula gives #VALUE! there). The
 * shape is checked character by character (MID over 1..24); the value is then the text read as a
 * number (nearest double, as for a typed number), which requires "." as the decimal separator: a
 * host whose locale reads "0.5" otherwise gives #VALUE!, never a wrong number.
 */
function textFenExpr(x: string, unit: Unit): string {
  const { fenPerUnit, places } = UNITS[unit];
  const t = textShape(x);
  const valid = `${t.valid}*(SUBSTITUTE(MID(${t.text},${t.D}+${places + 1},99),"0","")="")`;
  const value = `ROUND(${t.number}*${num(fenPerUnit)},0)`;
  return `IF(${valid},IF(${value}<=${num(MAX_SALES_FEN)},${value},${VALUE_ERROR}),${VALUE_ERROR})`;
}

/** A text's shape as sales (every test but the count of decimals, which depends on the unit). */
function textShape(x: string): { text: string; D: string; valid: string; number: string } {
  const t = `TRIM(ASC(SUBSTITUTE(${x},"\u3000"," ")))`;
  const I = NAMES.index;
  const L = `LEN(${t})`;
  const D = `FIND(".",${t}&".")`;
  const P = `(LEFT(${t})="+")`;
  const C = `(${L}-LEN(SUBSTITUTE(${t},",","")))`;
  const ch = `MID(${t},${I},1)`;
  // Delimited, so that MID past the end ("") is not found: no length check needed here.
  const digits = `SUM(--ISNUMBER(FIND("|"&${ch}&"|","|0|1|2|3|4|5|6|7|8|9|")))`;
  const commas = `SUM((${ch}=",")*(${I}<${D})*(MOD(ABS(${D}-${I}),4)=0))`;
  // With commas, the first group (D-1-P-4C digits) holds 1 to 3 digits: |group-2| <= 1.
  const groupOk = `(ABS((${D}-3-${P}-4*${C})*(${C}>0))<=1)`;
  const valid =
    `(--"0.5"=0.5)*(${L}<=${TEXT_CHARS})*(${D}>${P}+1)` +
    `*(${digits}+${P}+(${D}<=${L})+${commas}=${L})` +
    `*${groupOk}`;
  return { text: t, D, valid, number: `SUBSTITUTE(MID(${t},1+${P},99),",","")` };
}

/**
 * Sales in 分 for a unit read from a cell: a row over the unit columns (not a unit, 元, 万元),
 * each computed as fenExpr does for that unit; the formula then takes the column of the cell's
 * unit, so the unit's text is read twice in all (here and for the divisor), not once per test.
 * Column 1 accepts nothing: a cell that holds no unit gives #VALUE!.
 */
function fenAnyUnitExpr(x: string): string {
  const n = NAMES;
  const numberPath = `IF((ABS(${x}-${n.unitHalfMax})<=${n.unitHalfMax})*(ROUND(${x},${n.unitPlaces})=${x}),ROUND(${x}*${n.unitFen},0),${VALUE_ERROR})`;
  const t = textShape(x);
  const valid = `${t.valid}*(SUBSTITUTE(MID(${t.text},${t.D}+${n.unitPlaces}+1,99),"0","")="")`;
  const value = `ROUND(${t.number}*${n.unitFen},0)`;
  const textPath = `IF(${valid},IF(${value}<${n.unitBound},${value},${VALUE_ERROR}),${VALUE_ERROR})`;
  return `IF(ISNUMBER(${x}),${numberPath},${textPath})`;
}

/**
 * The unit index (1 not a unit, 2 元, 3 万元) of a unit given by a cell, a name or an expression:
 * its match key against every spelling the engine accepts; blank (empty text) is 元, as in the
 * engine, but a cell of spaces is not.
 */
function unitIndexExpr(u: string): string {
  const v = `${u}&""`;
  return `(SUMPRODUCT(--EXACT(${keyExpr(v)},${NAMES.unitKeys})*${NAMES.unitWeights})+(${v}="")+1)`;
}

/** Sector index s' (0 invalid, 1 chemical, 2 foundry, 3 not covered). */
function sectorIndexExpr(a: Arg): string {
  if (a.kind === "text" || a.kind === "number" || a.kind === "blank") {
    const value = a.kind === "blank" ? null : a.value;
    let sector: SectorId | null = null;
    try {
      sector = parseSector(value);
    } catch (e) {
      if (!(e instanceof ClaimError)) throw e;
    }
    return String(sector ? SECTOR_CODE[sector] : 0);
  }
  const v = exprOf(a);
  const asText = `IF(ISNUMBER(${v}),IF(MOD(${v},1),"#",${v}),${v})&""`;
  const X = `SUMPRODUCT(--EXACT(MID(${keyExpr(asText)},{1,1,2},{99,1,99}),${NAMES.sectorKeys})*${NAMES.sectorWeights})`;
  return `INDEX(${NAMES.sectorTable},1,${X}+1)`;
}

/** The flags + place token string: <token>… for flags, <token}… for the place. */
function tokensExpr(flags: string, place: string): string {
  const neutral = (x: string) => substituteAll(fold(x), ["<", ">", "}"], "#");
  const split = (x: string, delimiter: string) => substituteAll(neutral(x), [...WHITESPACE, ...SEPARATORS], delimiter);
  const joined = `"<"&${split(flags, "><")}&"><"&${split(place, "}<")}&"}"`;
  return substituteAll(`SUBSTITUTE(SUBSTITUTE(${joined},"<>",""),"<}","")`, IGNORED, "");
}

/** Flag index f' (0 invalid, else 1 + F). */
function flagIndexExpr(flags: Arg, place: Arg): string {
  const literal = (a: Arg) => a.kind === "text" || a.kind === "blank";
  const fText = exprOf(flags.kind === "expr" ? { kind: "expr", text: `${flags.text}&""` } : flags);
  const pText = exprOf(place.kind === "expr" ? { kind: "expr", text: `${place.text}&""` } : place);
  if (literal(flags) && literal(place)) return String(literalFlagIndex(flags, place));
  const n = NAMES;
  const A = `(${n.flagCategories}=0)*${n.flagP0}+(${n.flagCategories}>0)*(${n.flagColumns}=1)-(${n.flagCategories}=${n.flagColumns})`;
  const X = `SUMPRODUCT(SIGN(MMULT(LEN(SUBSTITUTE(${tokensExpr(fText, pText)},${n.flagPatterns},"")),${A}))*${n.flagWeights})`;
  return `INDEX(${n.flagTable},1,${X}+1)`;
}

/** Literal flags and place, read by the engine at conversion time. */
function literalFlagIndex(flags: Arg, place: Arg): number {
  try {
    const claim = parseClaim({
      sector: "化工",
      sales1: 0,
      sales2: 0,
      flags: flags.kind === "text" ? flags.value : null,
      place: place.kind === "text" ? place.value : null,
    });
    return (
      1 +
      (hasFlag(claim.flags, "ALUMINIUM_DEEP_WELL") ? F_ALU : 0) +
      (claim.flags & EXCLUSION_BITS ? F_EXCL : 0) +
      (claim.flags & ZONE_BITS ? F_ZONE : 0)
    );
  } catch (e) {
    if (e instanceof ClaimError) return 0;
    throw e;
  }
}

/** Why a call cannot be made portable. */
export class NotPortable extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

/** A literal unit as the engine reads it (null: refused); "cell" when a cell or name gives it. */
function unitOf(a: Arg | undefined): Unit | null | "cell" {
  if (!a || a.kind === "blank") return "元";
  if (a.kind === "text") return UNIT_SPELLINGS.get(matchKey(a.value)) ?? null;
  if (a.kind === "number") return null;
  return "cell";
}

export interface ClaimArgs {
  sector: Arg;
  sales1: Arg;
  sales2: Arg;
  flags?: Arg;
  unit?: Arg;
  place?: Arg;
}

/**
 * The native formula (without "=") for one output of one claim: the reward, or one part of the
 * funding (city, town, park), in the claim's unit. Meant to be entered as an array formula.
 */
export function nativeFormula(args: ClaimArgs, output: Output): string {
  const unit = unitOf(args.unit);
  // An unreadable literal unit: the engine throws whatever else the claim says.
  if (unit === null) return VALUE_ERROR;
  const flags = args.flags ?? { kind: "blank" };
  const place = args.place ?? { kind: "blank" };
  let S: string;
  let div: string;
  if (unit === "cell") {
    const u = unitIndexExpr(exprOf(args.unit!));
    const sales = (a: Arg) => (a.kind === "blank" ? VALUE_ERROR : fenAnyUnitExpr(exprOf(a)));
    S = `INDEX((${sales(args.sales1)})+(${sales(args.sales2)}),1,${u})`;
    div = `INDEX(${NAMES.unitFen},1,${u})`;
  } else {
    const sales = (a: Arg) => (a.kind === "blank" ? VALUE_ERROR : fenExpr(exprOf(a), unit));
    S = `(${sales(args.sales1)})+(${sales(args.sales2)})`;
    div = num(UNITS[unit].fenPerUnit);
  }
  const s = sectorIndexExpr(args.sector);
  const f = flagIndexExpr(flags, place);
  const table = { reward: NAMES.classReward, city: NAMES.classCity, town: NAMES.classTown, park: NAMES.classPark }[output];
  const c = `INDEX(${table},1,${s}*9+${f}+1)`;
  // Not covered: a matrix of #N/A, not NA() itself, which LibreOffice's MMULT turns into Err:502
  // when its other argument is computed; a matrix of errors comes out as #N/A everywhere.
  const matrices = [...NAMES.matrix, `${NAMES.matrix[M_ZERO - 1]}+NA()`].join(",");
  const R = `ROUND(SMALL(MMULT(CHOOSE({1,2},${S},1),CHOOSE(${c},${matrices})),2)/200,0)`;
  switch (output) {
    case "reward":
    case "park":
      return `SUMPRODUCT(${R})/${div}`;
    case "city":
      return `SUMPRODUCT(ROUND(${R}*INDEX(${NAMES.cityPercent},1,${s}+1)/100,0))/${div}`;
    case "town":
      // town = R − round_half_up(R·p/100) = ceil((q − 50)/100) = INT((q + 49)/100), q = R·(100 − p).
      return `SUMPRODUCT(INT((${R}*${num(100 - FOUNDRY.cityPercent.value)}+49)/100))/${div}`;
  }
}

/** Excel's limit on a formula's length. */
export const MAX_FORMULA_CHARS = 8192;

/** The parts of a native formula, for tests that evaluate them one by one. */
export const parts = { fenExpr, sectorIndexExpr, flagIndexExpr, tokensExpr };
