/**
 * The float baseline: the same rules in plain double arithmetic, as a quick spreadsheet or script
 * would write them. Fast, and wrong at the 分 now and then (the bench counts how often): it is
 * the speed to compare with, never a result to use.
 */
import { FLAGS, SECTORS, TOWNS } from "../../src/policy";

/** A claim read into floats: sector 1 chemical, 2 foundry, 0 not covered; sales in 元. */
export interface FloatClaim {
  sector: 0 | 1 | 2;
  sales1: number;
  sales2: number;
  aluminium: boolean;
  zone: boolean;
  excluded: boolean;
  /** 1 for 元, 10000 for 万元. */
  unit: number;
}

export interface FloatAmounts {
  reward: number;
  city: number;
  town: number;
  park: number;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

export function floatAmounts(c: FloatClaim): FloatAmounts {
  if (c.sector === 0 || c.excluded) return { reward: 0, city: 0, town: 0, park: 0 };
  const base = ((c.sales1 + c.sales2) * c.unit) / 2;
  let reward: number;
  if (c.sector === 1) {
    reward = Math.min(base, 1e8) * 0.08;
    if (base > 1e8) reward += (Math.min(base, 5e8) - 1e8) * 0.05;
    if (base > 5e8) reward += (base - 5e8) * 0.03;
    reward = round2(Math.min(Math.max(reward, 50000), 5e7));
    return { reward: reward / c.unit, city: reward / c.unit, town: 0, park: 0 };
  }
  reward = round2(Math.min(Math.max(base * (c.aluminium ? 0.02 : 0.03), 50000), 2e6));
  if (c.zone) return { reward: reward / c.unit, city: 0, town: 0, park: reward / c.unit };
  const city = round2(reward * 0.7);
  return { reward: reward / c.unit, city: city / c.unit, town: (reward - city) / c.unit, park: 0 };
}

// The entry point's plain version: lower-cased lookups, split on separators, Number().
const SECTOR_BY_NAME = new Map<string, 0 | 1 | 2>();
for (const s of Object.values(SECTORS)) {
  const id = s.id === "chemical" ? 1 : s.id === "foundry" ? 2 : 0;
  for (const name of [s.nameZh, s.nameEn, ...s.aliases, ...s.codes]) SECTOR_BY_NAME.set(name.toLowerCase(), id);
}
const FLAG_BY_NAME = new Map<string, string>();
for (const f of Object.values(FLAGS)) for (const a of [f.id, ...f.aliases]) FLAG_BY_NAME.set(a.toLowerCase(), f.id);
for (const t of TOWNS) for (const a of [t.nameZh, ...t.aliases]) FLAG_BY_NAME.set(a.toLowerCase(), "TOWN");
const SEPARATORS = /[,，、;；\s]+/;

function floatSales(v: unknown): number {
  const n = typeof v === "number" ? v : Number(String(v).replace(/,/g, ""));
  if (!(n >= 0) || !Number.isFinite(n) || v === null || v === "") throw new Error("#VALUE!");
  return n;
}

function addFlags(v: unknown, c: FloatClaim): void {
  if (v === null || v === undefined || v === "") return;
  if (Array.isArray(v)) return v.forEach((row) => addFlags(Array.isArray(row) ? row.join(",") : row, c));
  for (const token of String(v).split(SEPARATORS)) {
    if (token === "") continue;
    const id = FLAG_BY_NAME.get(token.toLowerCase());
    if (id === undefined) throw new Error("#VALUE!");
    if (id === "ALUMINIUM_DEEP_WELL") c.aluminium = true;
    else if (id === "ZONE_HIGHTECH" || id === "ZONE_LINGANG") c.zone = true;
    else if (id.startsWith("EXCL_")) c.excluded = true;
  }
}

/** JY.REWARD in plain floats: what a straightforward custom function would do per call. */
export function floatReward(sector: unknown, sales1: unknown, sales2: unknown, flags?: unknown, unit?: unknown, place?: unknown): number {
  const s = SECTOR_BY_NAME.get(String(sector).trim().toLowerCase().replace(/^c(?=\d)/, ""));
  if (s === undefined) throw new Error("#VALUE!");
  if (s === 0) throw new Error("#N/A");
  const c: FloatClaim = {
    sector: s,
    sales1: floatSales(sales1),
    sales2: floatSales(sales2),
    aluminium: false,
    zone: false,
    excluded: false,
    unit: unit === "万元" || unit === "万" || unit === "wan" ? 10000 : 1,
  };
  addFlags(flags, c);
  addFlags(place, c);
  return floatAmounts(c).reward;
}
