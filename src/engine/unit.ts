/** The unit of a claim's sales and of its results: 元 (default) or 万元. */
import { badArgument, isErrorValue, errorValueText } from "./errors";
import { keyedLookup, matchKey, memo, quote } from "./text";

export type Unit = "元" | "万元";

export interface UnitInfo {
  unit: Unit;
  /** Number of 分 in one unit: 100 for 元, 1,000,000 for 万元. */
  fenPerUnit: number;
  /** Decimal places that keep a result exact to the 分 in this unit. */
  places: number;
  /** Integer digits a text may have for its 分 to be counted exactly in a double. */
  wholeDigitsExact: number;
  nameEn: string;
}

export const UNITS: Record<Unit, UnitInfo> = {
  元: { unit: "元", fenPerUnit: 100, places: 2, wholeDigitsExact: 13, nameEn: "yuan" },
  万元: { unit: "万元", fenPerUnit: 1_000_000, places: 6, wholeDigitsExact: 9, nameEn: "10k yuan" },
};

/** Every accepted spelling of a unit, by its match key (also read by src/portable's native formulas). */
export const UNIT_SPELLINGS: ReadonlyMap<string, Unit> = keyedLookup<Unit>([
  [["元", "yuan", "cny", "rmb", "人民币元"], "元"],
  [["万元", "万", "wan", "wanyuan", "10k", "10kyuan", "万元人民币"], "万元"],
]);

const lookupUnit = memo((text: string) => UNIT_SPELLINGS.get(matchKey(text)) ?? null);

/** Reads the unit argument; blank means 元. */
export function parseUnit(value: unknown): Unit {
  if (value === null || value === undefined || value === "") return "元";
  if (Array.isArray(value)) {
    if (value.length === 1 && Array.isArray(value[0]) && value[0].length === 1) return parseUnit(value[0][0]);
    throw badArgument("unit", "应为单个单元格：元 或 万元", "expected one cell: 元 (yuan) or 万元 (10k yuan)");
  }
  if (isErrorValue(value)) {
    throw badArgument("unit", `单元格为错误值 ${errorValueText(value)}`, `the cell holds the error ${errorValueText(value)}`);
  }
  if (typeof value === "string") {
    const unit = lookupUnit(value);
    if (unit) return unit;
  }
  throw badArgument(
    "unit",
    `无法识别 ${quote(value)}，应为 元 或 万元（留空即为 元）`,
    `${quote(value)} is not a unit; expected 元 (yuan) or 万元 (10k yuan); blank means 元`,
  );
}
