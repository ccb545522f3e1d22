/** Amounts as the pane shows them: grouped, exact, with the unit in the pane's language. */
import { formatMoney, type Lang, type Unit } from "../engine";

export function money(fen: number, unit: Unit, lang: Lang): string {
  return formatMoney(fen, unit, lang);
}

/** The other unit, for a second line under a big number. */
export function otherUnit(fen: number, unit: Unit, lang: Lang): string {
  return formatMoney(fen, unit === "元" ? "万元" : "元", lang);
}
