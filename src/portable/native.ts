/**
 * Native formulas for JY.REWARD and JY.FUNDING: the same result as the engine, from the same cells,
 * with functions Excel 2010+, WPS and LibreOffice 7.4 all have (no LET, no LAMBDA).
 *
 * How it stays exact (amounts.ts does the same in JavaScript):
 * - Sales become whole 分: a number x in 元 is whole 分 when ROUND(x,2)=x, and then ROUND(x*100,0)
 *   is exact (below 2^53). Text sales are read digit by digit (MID over 1..24) into 分. A sales
 *   figure finer than 分 gives #VALUE! rather than a number the engine might round differently.
 * - S = sum of both years in 分. Each scale of the policy comes as straight lines from
 *   engine/scale.ts (scaleLines: concave scales only, else NotPortable with the reason); with the
 *   floor and cap as two more "lines" the clamped N is the 2nd smallest of {floorN, capN, line1,
 *   line2, …}. One MMULT of (S, 1) with a 2×(2 + slices) matrix gives all of them at once.
 *   The reward in 分 is ROUND(N/200,0): N is an integer, N/200 is exact at half-分 ties.
 * - Sector, flags and place texts are normalised (ASC, LOWER, separators, ignored characters) and
 *   matched exactly (EXACT / SUBSTITUTE, never MATCH's wildcards or case folding) against key
 *   lists generated here from src/policy and the engine's own parsers.
 *
 * Without LET a sub-expression used twice is written twice, so every large part (a normalised
 * text, the sales in 分) appears once: lookups turn each into one small index, and the tables
 * live in workbook-level defined names (_JY_*), which make-portable adds and restore removes.
 */
import { MAX_SALES_YUAN, POLICY, type FlagId, type Policy, type SectorId, type SectorReward } from "../policy";
import {
  ClaimError,
  EXCLUSION_BITS,
  FLAG_BIT,
  matchKey,
  parseClaim,
  parseSector,
  policyScales,
  ScaleError,
  scaleLines,
  UNIT_SPELLINGS,
  UNITS,
  ZONE_BITS,
  type Scale,
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
  /** One matrix per scale (sector, and sector with a rate flag), then zero: _JY_M1, _JY_M2, … */
  matrix: "_JY_M",
  unitKeys: "_JY_UK",
  unitWeights: "_JY_UW",
  unitHalfMax: "_JY_UH",
  unitPlaces: "_JY_UP",
  unitFen: "_JY_UF",
  unitBound: "_JY_UB",
} as const;

/**
 * Sector codes in the native formula: 1, 2, … the covered sectors in the policy's order, then one
 * code for every sector the policy sets no amount for (#N/A); 0 invalid. The sector lookup packs a
 * code in two bits (buildSectorTables), so at most two covered sectors fit.
 */
function sectorCodes(policy: Policy): Record<SectorId, number> {
  const covered = Object.keys(policy.rewards) as SectorId[];
  if (covered.length > 2) {
    throw new NotPortable(`本政策有 ${covered.length} 个计算奖励的行业，原生公式最多支持 2 个`, `the policy rewards ${covered.length} sectors; native formulas hold at most 2`);
  }
  const na = covered.length + 1;
  return Object.fromEntries(Object.keys(policy.sectors).map((id) => [id, covered.includes(id as SectorId) ? covered.indexOf(id as SectorId) + 1 : na])) as Record<SectorId, number>;
}

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

function buildSectorTables(policy: Policy): SectorTables {
  const SECTOR_CODE = sectorCodes(policy);
  const rows = new Map<string, number[]>();
  const add = (key: string, w: number[]) => {
    if (rows.has(key)) throw new Error(`sector key "${key}" twice`);
    rows.set(key, w);
  };
  for (const s of Object.values(policy.sectors)) {
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

/**
 * A flag's category in the native formula, from its kind in the policy: a rate flag (one at most),
 * an exclusion, one of the (at most two) parks, or no effect on the amount.
 */
function flagCategory(policy: Policy): (id: FlagId) => Category {
  const rateFlags = new Set(policy.rateFlags.map((r) => r.flag));
  const zones = (Object.keys(policy.flags) as FlagId[]).filter((id) => policy.flags[id].kind === "zone");
  if (rateFlags.size > 1 || zones.length > 2) {
    throw new NotPortable("本政策的费率标记或园区多于原生公式所能表达的数量", "the policy has more rate flags or parks than native formulas express");
  }
  return (id) => {
    if (rateFlags.has(id)) return "ALU";
    if (policy.flags[id].kind === "exclusion") return "EXCL";
    const zone = zones.indexOf(id);
    return zone === 0 ? "HIGHTECH" : zone === 1 ? "LINGANG" : "NONE";
  };
}

/** Bits of the flag state F (0..7): the table below maps X to F + 1, or 0 for an error. */
export const F_ALU = 1;
export const F_EXCL = 2;
export const F_ZONE = 4;

function buildFlagTables(policy: Policy): FlagTables {
  const FLAG_CATEGORY = flagCategory(policy);
  const cats: Category[] = ["U", "ALU", "EXCL", "HIGHTECH", "LINGANG", "NONE", ...policy.towns.map((_, i): Category => `TOWN${i}`)];
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
  for (const f of Object.values(policy.flags)) claim([f.id, ...f.aliases], FLAG_CATEGORY(f.id));
  policy.towns.forEach((t, i) => claim([t.nameZh, ...t.aliases], `TOWN${i}`));

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

// Matrices: rows (slopes; intercepts) over columns (floor, cap, line 1, line 2, …), S-space.
const BIG = 9e15;

/** The scale as the 2 × (2 + lines) matrix of scale.ts's lines, padded to `lines` with lines that never bind. */
function matrixOf(scale: Scale, lines: number): number[][] {
  let l: { slopes: number[]; intercepts: number[] };
  try {
    l = scaleLines(scale);
  } catch (e) {
    if (!(e instanceof ScaleError)) throw e;
    throw new NotPortable(
      `奖励标准无法写成原生公式（分段比例须逐段不升，且各段均不低于补足下限）：${e.message}`,
      `the reward scale cannot be written as a native formula (rates must not rise from slice to slice, and no slice may fall below the floor): ${e.message}`,
    );
  }
  const slopes = [0, 0, ...l.slopes];
  const intercepts = [scale.floorN, scale.capN, ...l.intercepts];
  while (slopes.length < 2 + lines) {
    slopes.push(0);
    intercepts.push(BIG);
  }
  return [slopes, intercepts];
}

/**
 * The matrices of a policy, in order: one per scale (policyScales: each covered sector, then the
 * sector with its rate flag), then the zero matrix; the #N/A matrix is the zero one + NA().
 */
function matricesOf(policy: Policy): { matrices: number[][][]; index: (sectorCode: number, rateFlag: boolean) => number; zero: number } {
  const scales = policyScales(policy);
  const lines = Math.max(...scales.map((s) => s.scale.rates.length));
  const matrices = scales.map((s) => matrixOf(s.scale, lines));
  matrices.push([new Array(2 + lines).fill(0), new Array(2 + lines).fill(0)]);
  const covered = Object.keys(policy.rewards) as SectorId[];
  const index = (code: number, rateFlag: boolean) => {
    const sector = covered[code - 1];
    const plain = scales.findIndex((s) => s.sector === sector && s.rateFlagBit === null);
    const flagged = scales.findIndex((s) => s.sector === sector && s.rateFlagBit !== null);
    return 1 + (rateFlag && flagged >= 0 ? flagged : plain);
  };
  return { matrices, index, zero: matrices.length };
}

export type Output = "reward" | "city" | "town" | "park";

/** Which matrix (1-based; zero + 1 is #N/A) gives one output for sector code s' and flag state f'. */
function classFor(policy: Policy, matrices: ReturnType<typeof matricesOf>, output: Output, sector: number, f: number): number {
  const { index, zero } = matrices;
  const covered = Object.keys(policy.rewards) as SectorId[];
  if (sector === 0 || f === 0) return 0;
  if (sector > covered.length) return zero + 1;
  const rules = policy.rewards[covered[sector - 1]] as SectorReward;
  const flags = f - 1;
  if ((flags & F_EXCL) !== 0) return zero;
  const matrix = index(sector, (flags & F_ALU) !== 0);
  const parkPays = (flags & F_ZONE) !== 0 && rules.parkPaysInZones.value;
  if (output === "reward") return matrix;
  if (output === "park") return parkPays ? matrix : zero;
  return parkPays ? zero : matrix;
}

function classTable(policy: Policy, output: Output): number[] {
  const t: number[] = [];
  const codes = Object.keys(policy.rewards).length + 2;
  const matrices = matricesOf(policy);
  for (let sector = 0; sector < codes; sector++) for (let f = 0; f < 9; f++) t.push(classFor(policy, matrices, output, sector, f));
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
export function definedNames(policy: Policy = POLICY): Array<{ name: string; formula: string }> {
  const s = buildSectorTables(policy);
  const f = buildFlagTables(policy);
  const u = buildUnitTables();
  const cityPercents = (Object.values(policy.rewards) as SectorReward[]).map((r) => r.cityPercent.value);
  const { matrices } = matricesOf(policy);
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
    { name: NAMES.classReward, formula: arrayConst([classTable(policy, "reward")]) },
    { name: NAMES.classCity, formula: arrayConst([classTable(policy, "city")]) },
    { name: NAMES.classTown, formula: arrayConst([classTable(policy, "town")]) },
    { name: NAMES.classPark, formula: arrayConst([classTable(policy, "park")]) },
    { name: NAMES.cityPercent, formula: arrayConst([[0, ...cityPercents, 0]]) },
    { name: NAMES.index, formula: arrayConst([Array.from({ length: TEXT_CHARS }, (_, i) => i + 1)]) },
    ...matrices.map((m, i) => ({ name: `${NAMES.matrix}${i + 1}`, formula: arrayConst(m) })),
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
function sectorIndexExpr(a: Arg, policy: Policy = POLICY): string {
  if (a.kind === "text" || a.kind === "number" || a.kind === "blank") {
    const value = a.kind === "blank" ? null : a.value;
    let sector: SectorId | null = null;
    try {
      sector = parseSector(value);
    } catch (e) {
      if (!(e instanceof ClaimError)) throw e;
    }
    return String(sector ? sectorCodes(policy)[sector] : 0);
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
function flagIndexExpr(flags: Arg, place: Arg, policy: Policy = POLICY): string {
  const literal = (a: Arg) => a.kind === "text" || a.kind === "blank";
  const fText = exprOf(flags.kind === "expr" ? { kind: "expr", text: `${flags.text}&""` } : flags);
  const pText = exprOf(place.kind === "expr" ? { kind: "expr", text: `${place.text}&""` } : place);
  if (literal(flags) && literal(place)) return String(literalFlagIndex(flags, place, policy));
  const n = NAMES;
  const A = `(${n.flagCategories}=0)*${n.flagP0}+(${n.flagCategories}>0)*(${n.flagColumns}=1)-(${n.flagCategories}=${n.flagColumns})`;
  const X = `SUMPRODUCT(SIGN(MMULT(LEN(SUBSTITUTE(${tokensExpr(fText, pText)},${n.flagPatterns},"")),${A}))*${n.flagWeights})`;
  return `INDEX(${n.flagTable},1,${X}+1)`;
}

/** Literal flags and place, read by the engine at conversion time. */
function literalFlagIndex(flags: Arg, place: Arg, policy: Policy): number {
  const rateBits = policy.rateFlags.reduce((bits, r) => bits | FLAG_BIT[r.flag], 0);
  try {
    const claim = parseClaim({
      // Any sector: only the flags and place are read here.
      sector: "other",
      sales1: 0,
      sales2: 0,
      flags: flags.kind === "text" ? flags.value : null,
      place: place.kind === "text" ? place.value : null,
    }, policy);
    return (
      1 +
      (claim.flags & rateBits ? F_ALU : 0) +
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
export function nativeFormula(args: ClaimArgs, output: Output, policy: Policy = POLICY): string {
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
  const s = sectorIndexExpr(args.sector, policy);
  const f = flagIndexExpr(flags, place, policy);
  const table = { reward: NAMES.classReward, city: NAMES.classCity, town: NAMES.classTown, park: NAMES.classPark }[output];
  const c = `INDEX(${table},1,${s}*9+${f}+1)`;
  // Not covered: a matrix of #N/A, not NA() itself, which LibreOffice's MMULT turns into Err:502
  // when its other argument is computed; a matrix of errors comes out as #N/A everywhere.
  const count = matricesOf(policy).matrices.length;
  const matrices = [...Array.from({ length: count }, (_, i) => `${NAMES.matrix}${i + 1}`), `${NAMES.matrix}${count}+NA()`].join(",");
  const R = `ROUND(SMALL(MMULT(CHOOSE({1,2},${S},1),CHOOSE(${c},${matrices})),2)/200,0)`;
  switch (output) {
    case "reward":
    case "park":
      return `SUMPRODUCT(${R})/${div}`;
    case "city":
      return `SUMPRODUCT(ROUND(${R}*INDEX(${NAMES.cityPercent},1,${s}+1)/100,0))/${div}`;
    case "town":
      // town = R − round_half_up(R·p/100) = ceil((q − 50)/100) = INT((q + 49)/100), q = R·(100 − p).
      return `SUMPRODUCT(INT((${R}*(100-INDEX(${NAMES.cityPercent},1,${s}+1))+49)/100))/${div}`;
  }
}

/** Excel's limit on a formula's length. */
export const MAX_FORMULA_CHARS = 8192;

/** The parts of a native formula, for tests that evaluate them one by one. */
export const parts = { fenExpr, sectorIndexExpr, flagIndexExpr, tokensExpr };
