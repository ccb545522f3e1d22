/**
 * Money as text: exact strings in a claim's unit for machines (CLI, cases.json), and the way
 * Chinese finance staff read amounts for people (thousands separators, 元 / 万元).
 */
import type { Decimal } from "./decimal";
import { UNITS, type Unit } from "./unit";

/** Whole 分 → exact decimal string in the unit: 480000000 分 → "4800000.00" 元 or "480.000000" 万元. */
export function fenToUnitString(fen: number, unit: Unit): string {
  const { fenPerUnit, places } = UNITS[unit];
  const negative = fen < 0;
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / fenPerUnit);
  const frac = String(abs - whole * fenPerUnit).padStart(places, "0");
  return `${negative ? "-" : ""}${whole}.${frac}`;
}

/** Whole 分 → the number a cell shows, in the unit (the only float on the way out). */
export function fenToUnitNumber(fen: number, unit: Unit): number {
  return Number(fenToUnitString(fen, unit));
}

/** An exact 元 amount → the unit, exact. */
export function yuanToUnit(yuan: Decimal, unit: Unit): Decimal {
  return unit === "元" ? yuan : yuan.div(10000);
}

/** "1234567" → "1,234,567" (a leading "-" kept); a loop, as findings format amounts per claim. */
function group(digits: string): string {
  const start = digits.charCodeAt(0) === 45 ? 1 : 0;
  const n = digits.length - start;
  if (n <= 3) return digits;
  const head = start + (n % 3 || 3);
  let out = digits.slice(0, head);
  for (let i = head; i < digits.length; i += 3) out += "," + digits.slice(i, i + 3);
  return out;
}

/** The unit as a reader sees it: 元 / 万元 in Chinese, yuan / ×10k yuan in English. */
export function unitLabel(unit: Unit, lang: "zh" | "en" = "zh"): string {
  return lang === "zh" ? unit : unit === "元" ? "yuan" : "×10k yuan";
}

/** "4,800,000.00 元" / "480.000000 万元": exact, grouped, with the unit. */
export function formatMoney(fen: number, unit: Unit, lang: "zh" | "en" = "zh"): string {
  const [whole, frac] = fenToUnitString(fen, unit).split(".");
  return `${group(whole)}.${frac} ${unitLabel(unit, lang)}`;
}

/** A decimal amount in a unit, grouped, with as many places as it needs (at least the 分's). */
export function formatDecimal(value: Decimal, unit: Unit, lang: "zh" | "en" = "zh"): string {
  const fixed = value.toFixed();
  const [whole, frac = ""] = fixed.split(".");
  const places = frac.padEnd(UNITS[unit].places, "0");
  return `${group(whole)}.${places} ${unitLabel(unit, lang)}`;
}

const SUB_PER_N = 1_000_000_000_000;
const SUB_PER_N_BIG = BigInt(SUB_PER_N);

/**
 * (n + frac / 10¹²) / 20000 元 — an amount held as amounts.ts holds the scale's (N = 200 × 分) —
 * in the unit, exactly as formatDecimal shows the same decimal, counted in integers: n and frac
 * are non-negative integers below 2^53. 20000 = 2 × 10⁴, so the fraction has at most 4 + 1 digits
 * (17 with frac; 万元 four more) and its digits are 5 × the remainder.
 */
export function formatScaleN(n: number, frac: number, unit: Unit, lang: "zh" | "en" = "zh"): string {
  const wan = unit === "万元";
  let whole: string;
  let digits: string;
  if (frac === 0) {
    const d = wan ? 200_000_000 : 20_000;
    const rem = n % d;
    whole = String((n - rem) / d);
    digits = rem === 0 ? "" : String(rem * 5).padStart(wan ? 9 : 5, "0");
  } else {
    const total = BigInt(n) * SUB_PER_N_BIG + BigInt(frac);
    const d = wan ? 200_000_000n * SUB_PER_N_BIG : 20_000n * SUB_PER_N_BIG;
    const rem = total % d;
    whole = String(total / d);
    digits = rem === 0n ? "" : String(rem * 5n).padStart(wan ? 21 : 17, "0");
  }
  let end = digits.length;
  while (end > 0 && digits.charCodeAt(end - 1) === 48) end--;
  return `${group(whole)}.${digits.slice(0, end).padEnd(UNITS[unit].places, "0")} ${unitLabel(unit, lang)}`;
}

/** a − b for amounts held as (n, frac / 10¹²) with a ≥ b, as (n, frac) with frac < 10¹². */
export function subtractScaleN(an: number, afrac: number, bn: number, bfrac: number): [number, number] {
  const ar = afrac % SUB_PER_N;
  const br = bfrac % SUB_PER_N;
  let n = an + (afrac - ar) / SUB_PER_N - bn - (bfrac - br) / SUB_PER_N;
  let frac = ar - br;
  if (frac < 0) {
    n -= 1;
    frac += SUB_PER_N;
  }
  return [n, frac];
}
