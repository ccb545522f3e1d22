/**
 * Claims to check the native formulas against the engine with: every case of cases.json, then
 * seeded random claims over every sector spelling (names, aliases, codes, section letters, upper
 * case, full width), every flag alias, every place name, both units, sales as numbers and as text,
 * half-分 ties on purpose, and inputs the engine refuses.
 */
import { FLAGS, SECTORS, TOWNS } from "../../src/policy";
import { loadCases } from "../engine/policy-cases";
import { seededRandom } from "../../src/util/random";
import { matchKey, UNIT_SPELLINGS } from "../../src/engine";

/** Deterministic PRNG (mulberry32) so a failure can be replayed. */
export const rng = seededRandom;

export interface TestClaim {
  sector: string | number;
  sales1: string | number;
  sales2: string | number;
  /** Flags cell ("" for none). */
  flags: string;
  /** Place cell ("" for none). */
  place: string;
  /** The unit the sales are in (written in the formula, unless `unitText` gives the cell's text). */
  unit: "元" | "万元";
  /** The unit as a register's unit cell holds it (any spelling, "" for a blank cell, or a refusal). */
  unitText?: string | number;
}

/** The unit argument as the functions receive it. */
export const unitArg = (c: TestClaim): string | number | null => (c.unitText === undefined ? c.unit : c.unitText === "" ? null : c.unitText);

/** Every spelling of each unit the functions accept, dressed as staff type them, and blank for 元. */
export function unitSpellings(): Record<"元" | "万元", string[]> {
  const out: Record<"元" | "万元", string[]> = { 元: [""], 万元: [] };
  for (const [spellings, unit] of [
    [["元", "yuan", "cny", "rmb", "人民币元"], "元"],
    [["万元", "万", "wan", "wanyuan", "10k", "10kyuan", "万元人民币"], "万元"],
  ] as const) {
    for (const s of spellings) out[unit].push(s, ` ${s} `, s.toUpperCase(), fullWidth(s), `（${s}）`, `${s}\u3000`);
  }
  // The list above is the test's own; it must still cover every spelling the engine accepts.
  const covered = new Set([...out.元, ...out.万元].map(matchKey));
  const missing = [...UNIT_SPELLINGS.keys()].filter((k) => !covered.has(k));
  if (missing.length > 0) throw new Error(`unit spellings the engine accepts and the tests do not try: ${missing.join(", ")}`);
  return out;
}

/** Unit cell contents the functions refuse: each must give an error value, never a number. */
export const REFUSED_UNITS: Array<string | number> = ["美元", "千元", "元元", " ", "0", 10000, 1, "万元;元", "亿元"];

/** Random claims all in one unit (sales drawn for it), for a sheet with one unit cell. */
export function claimsInUnit(count: number, seed: number, unit: "元" | "万元"): TestClaim[] {
  const r = rng(seed + 1);
  return randomClaims(count, seed).map((c) => {
    if (c.unit === unit) return c;
    const [sales1, sales2] = randomSales(r, unit);
    return { ...c, unit, sales1, sales2 };
  });
}

/** Claims with their unit in a cell: every accepted spelling, both units, and refused contents. */
export function unitCellClaims(count: number, seed: number): TestClaim[] {
  const r = rng(seed);
  const spellings = unitSpellings();
  const all = [...spellings.元.map((t) => ["元", t] as const), ...spellings.万元.map((t) => ["万元", t] as const)];
  return randomClaims(count, seed).map((c, i) => {
    if (i < REFUSED_UNITS.length) return { ...c, unitText: REFUSED_UNITS[i] };
    const [unit, text] = all[i % all.length];
    // The sales were drawn for c.unit; re-draw them for the cell's unit when it differs.
    const sales = unit === c.unit ? [c.sales1, c.sales2] : randomSales(r, unit);
    return { ...c, unit, unitText: text, sales1: sales[0], sales2: sales[1] };
  });
}


const fullWidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** All cases of the policy contract as claims. */
export function policyClaims(): TestClaim[] {
  return loadCases().map((c, i) => ({
    sector: c.sector,
    sales1: i % 3 === 0 ? c.sales1 : Number(c.sales1),
    sales2: Number(c.sales2),
    flags: c.flags.join(i % 2 ? "、" : ","),
    place: "",
    unit: c.unit,
  }));
}

/** Random claims; `count` of them, from `seed`. */
export function randomClaims(count: number, seed = 20240817): TestClaim[] {
  const r = rng(seed);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const sectorSpellings: Array<string | number> = [];
  for (const s of Object.values(SECTORS)) {
    sectorSpellings.push(s.nameZh, s.nameEn, s.id, ...s.aliases, ...s.codes);
    for (const code of s.codes) sectorSpellings.push(Number(code), `C${code}`);
  }
  const covered = ["化工", "铸造", "chemical", "Foundry", "2614", 3391, "c2661", "化工行业", "铸造企业"];
  const flagSpellings = Object.values(FLAGS).flatMap((f) => [f.id, ...f.aliases]);
  const townSpellings = TOWNS.flatMap((t) => [t.nameZh, ...t.aliases]);
  const zoneSpellings = [...FLAGS.ZONE_HIGHTECH.aliases, ...FLAGS.ZONE_LINGANG.aliases, "ZONE_HIGHTECH", "ZONE_LINGANG"];
  const separators = [",", "，", "、", ";", "；", " ", "  ", " , "];
  const dress = (s: string): string => {
    const x = r();
    if (x < 0.1) return s.toUpperCase();
    if (x < 0.18) return fullWidth(s);
    if (x < 0.24) return ` ${s} `;
    return s;
  };
  const claims: TestClaim[] = [];
  // Every spelling at least once, then random ones.
  let forced = 0;
  const forcedSector = (i: number) => sectorSpellings[i];
  const forcedFlag = (i: number) => flagSpellings[i];
  const forcedTown = (i: number) => townSpellings[i];
  for (let i = 0; i < count; i++) {
    const unit: "元" | "万元" = r() < 0.75 ? "元" : "万元";
    let sector: string | number =
      forced < sectorSpellings.length ? forcedSector(forced) : r() < 0.8 ? pick(covered) : pick(sectorSpellings);
    if (typeof sector === "string") sector = dress(sector);
    const flagCount = r() < 0.4 ? 0 : r() < 0.8 ? 1 : 2;
    const tokens: string[] = [];
    if (forced < flagSpellings.length) tokens.push(forcedFlag(forced));
    while (tokens.length < flagCount) tokens.push(r() < 0.85 ? pick(flagSpellings) : pick(townSpellings));
    let flags = tokens.map(dress).join(pick(separators));
    let place = "";
    if (forced < townSpellings.length) place = forcedTown(forced);
    else if (r() < 0.35) place = r() < 0.8 ? pick(townSpellings) : pick(zoneSpellings);
    place = place && dress(place);
    forced++;
    const [sales1, sales2] = randomSales(r, unit);
    // A few refusals the engine throws on: the formula must give an error value there.
    const bad = r();
    const claim: TestClaim = { sector, sales1, sales2, flags, place, unit };
    if (bad < 0.01) claim.flags = `${flags} 未知标记`;
    else if (bad < 0.02) claim.sales1 = -Math.abs(Number(sales1) || 1);
    else if (bad < 0.025) claim.sales2 = "";
    else if (bad < 0.03) claim.place = pick(FLAGS.ALUMINIUM_DEEP_WELL.aliases);
    else if (bad < 0.035) claim.flags = `${pick(townSpellings)} ${TOWNS[0].nameZh}`;
    else if (bad < 0.04) claim.sector = "钢铁";
    else if (bad < 0.045) claim.flags = `高新区、临港`;
    else if (bad < 0.05) claim.flags = `${flags} - `;
    else if (bad < 0.055) claim.sales1 = "1,2345";
    claims.push(claim);
  }
  return claims;
}

/** Two years' sales in the unit: whole 分, spread over every slice, ties on purpose, some as text. */
function randomSales(r: () => number, unit: "元" | "万元"): [string | number, string | number] {
  const fenPerUnit = unit === "元" ? 100 : 1_000_000;
  // S (sum in 分) on a log scale from 10万元 to 50亿元 total, then split in two.
  const exp = 7 + r() * 5.5;
  let S = Math.floor(10 ** exp) * 100 + Math.floor(r() * 100);
  // Half-分 ties: N/200 = k + 1/2 for the 5% slice (S ≡ 20 mod 40) and 3% (3S ≡ 100 mod 200).
  const tie = r();
  if (tie < 0.15) S = S - (S % 40) + 20;
  else if (tie < 0.3) S = S - (S % 200) + 100;
  else if (tie < 0.4) S = S - (S % 100) + 50;
  const a = Math.floor(S * r());
  const b = S - a;
  const asUnit = (fen: number): string | number => {
    const whole = Math.floor(fen / fenPerUnit);
    const frac = String(fen % fenPerUnit).padStart(unit === "元" ? 2 : 6, "0");
    const text = `${whole}.${frac}`;
    const x = r();
    if (x < 0.1) return text;
    if (x < 0.13) return whole.toLocaleString("en-US") + "." + frac;
    if (x < 0.15) return fullWidth(text);
    return Number(text);
  };
  return [asUnit(a), asUnit(b)];
}
