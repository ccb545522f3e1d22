/**
 * Amounts as the pane shows them. 元 always to the 分, exact. 万元 on screen to two decimals
 * (四舍五入 at 100 元), as finance staff read a summary; the exact 元 figure is shown beside it, so
 * nothing quoted from the pane is a rounded figure without its exact one.
 */
import { fenToUnitString, UNITS, type Lang, type Unit } from "../engine";

/** The unit in the pane's language: 元 / 万元, or yuan / 10k yuan. */
export function unitName(unit: Unit, lang: Lang): string {
  return lang === "zh" ? unit : UNITS[unit].nameEn;
}

/** "1234567" → "1,234,567". */
function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** Whole 分 → 万元 to two decimals, half-up, counted in integers (1 分 = 10⁻⁶ 万元). */
export function wanToTwoPlaces(fen: number, lang: Lang): string {
  const negative = fen < 0;
  const abs = Math.abs(fen);
  const hundredths = Math.floor(abs / 10_000) + (abs % 10_000 >= 5_000 ? 1 : 0);
  const whole = Math.floor(hundredths / 100);
  const frac = String(hundredths % 100).padStart(2, "0");
  return `${negative ? "-" : ""}${group(String(whole))}.${frac} ${unitName("万元", lang)}`;
}

/** An amount in the unit shown: 元 exact to the 分, 万元 to two decimals. */
export function money(fen: number, unit: Unit, lang: Lang): string {
  if (unit === "万元") return wanToTwoPlaces(fen, lang);
  const [whole, frac] = fenToUnitString(fen, "元").split(".");
  return `${whole.startsWith("-") ? "-" + group(whole.slice(1)) : group(whole)}.${frac} ${unitName("元", lang)}`;
}

/** The other unit, for the line under a figure: the exact 元 under a 万元 figure, and vice versa. */
export function otherUnit(fen: number, unit: Unit, lang: Lang): string {
  return money(fen, unit === "元" ? "万元" : "元", lang);
}

/** Whether the 万元 figure on screen is rounded (the exact 元 figure then matters). */
export function wanIsRounded(fen: number): boolean {
  return fen % 10_000 !== 0;
}
