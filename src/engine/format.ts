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

function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** "4,800,000.00 元" / "480.000000 万元": exact, grouped, with the unit. */
export function formatMoney(fen: number, unit: Unit, lang: "zh" | "en" = "zh"): string {
  const [whole, frac] = fenToUnitString(fen, unit).split(".");
  const unitText = lang === "zh" ? unit : unit === "元" ? "yuan" : "×10k yuan";
  return `${group(whole)}.${frac} ${unitText}`;
}

/** A decimal amount in a unit, grouped, with as many places as it needs (at least the 分's). */
export function formatDecimal(value: Decimal, unit: Unit, lang: "zh" | "en" = "zh"): string {
  const fixed = value.toFixed();
  const [whole, frac = ""] = fixed.split(".");
  const places = frac.padEnd(UNITS[unit].places, "0");
  const unitText = lang === "zh" ? unit : unit === "元" ? "yuan" : "×10k yuan";
  return `${group(whole)}.${places} ${unitText}`;
}
