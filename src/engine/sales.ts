/**
 * Reads one year's sales (五（一）（二）: 开票销售额（不含税）) from a cell, a text or a number,
 * exactly. Blank is an error, never a silent 0 (RULES.md).
 *
 * A sales figure that is a whole number of 分 is kept as an integer count of 分, which every later
 * step can use in exact integer arithmetic; anything finer is kept as a Decimal.
 */
import { MAX_SALES_YUAN } from "../policy";
import { Decimal } from "./decimal";
import { badArgument, errorValueText, isErrorValue, type ArgumentName } from "./errors";
import { quote } from "./text";
import { UNITS, type Unit } from "./unit";

export interface Sales {
  /** The amount in 分 when it is a whole number of 分, else null. */
  fen: number | null;
  /** The amount in 元 as an exact decimal, when `fen` is null. */
  yuan: Decimal | null;
}

const MAX_YUAN = new Decimal(MAX_SALES_YUAN);
const MAX_YUAN_NUMBER = Number(MAX_SALES_YUAN);
/** 1e13 元 in 万元 is 1e9; in either unit the count of 分 stays below 2^53. */
const MAX_FEN = MAX_YUAN_NUMBER * 100;
const maxInUnit = (unit: Unit) => MAX_YUAN_NUMBER / (UNITS[unit].fenPerUnit / 100);

/** The exact 元 value of sales, whichever form it is kept in. */
export function salesYuan(sales: Sales): Decimal {
  return sales.yuan ?? new Decimal(sales.fen as number).div(100);
}

const PLAIN = /^\+?(\d+)(?:\.(\d*))?$/;
const GROUPED = /^\+?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;
const SCIENTIFIC = /^\+?(?:\d+\.?\d*|\.\d+)e[+-]?\d+$/i;

function tooLarge(argument: ArgumentName, unit: Unit) {
  return badArgument(
    argument,
    `超过上限 10万亿元（${unit === "元" ? "10,000,000,000,000 元" : "1,000,000,000 万元"}），请检查单位`,
    `exceeds 10 trillion yuan (${unit === "元" ? "10,000,000,000,000 元" : "1,000,000,000 万元"}); check the unit`,
  );
}

function fromDecimal(value: Decimal, argument: ArgumentName, unit: Unit): Sales {
  if (value.isNegative() && !value.isZero()) {
    throw badArgument(argument, `不能为负数（${value.toString()}）`, `must not be negative (${value.toString()})`);
  }
  const yuan = value.times(UNITS[unit].fenPerUnit).div(100);
  if (yuan.greaterThan(MAX_YUAN)) throw tooLarge(argument, unit);
  const fen = yuan.times(100);
  return fen.isInteger() ? { fen: fen.toNumber(), yuan: null } : { fen: null, yuan };
}

function fromNumber(n: number, argument: ArgumentName, unit: Unit): Sales {
  if (Number.isNaN(n)) throw badArgument(argument, "不是数字（NaN）", "is not a number (NaN)");
  if (!Number.isFinite(n)) throw badArgument(argument, "不是有限数值（Infinity）", "is not a finite number (Infinity)");
  if (n < 0) throw badArgument(argument, `不能为负数（${n}）`, `must not be negative (${n})`);
  if (n > maxInUnit(unit)) throw tooLarge(argument, unit);
  const scale = UNITS[unit].fenPerUnit;
  // A double n means the decimal its shortest representation shows. When round(n·scale)/scale
  // gives n back, that decimal has at most log10(scale) places and is exactly that many 分: below
  // the maximum, no other decimal of so few places maps to the same double.
  const fen = Math.round(n * scale);
  if (fen / scale === n) return { fen, yuan: null };
  return fromDecimal(new Decimal(String(n)), argument, unit);
}

function fromText(raw: string, argument: ArgumentName, unit: Unit): Sales {
  let text = raw.trim();
  if (/[^\x00-\x7f]/.test(text)) text = text.normalize("NFKC").trim();
  if (text === "") throw blank(argument);
  const plain = PLAIN.exec(text);
  if (plain) {
    const [, whole, frac = ""] = plain;
    const info = UNITS[unit];
    // Fast exact path: few enough digits to count 分 in a double.
    if (whole.length <= info.wholeDigitsExact && frac.length <= info.places) {
      const fen = Number(whole) * info.fenPerUnit + Number(frac.padEnd(info.places, "0"));
      if (fen <= MAX_FEN) return { fen, yuan: null };
      throw tooLarge(argument, unit);
    }
    return fromDecimal(new Decimal(text.replace(/^\+/, "")), argument, unit);
  }
  if (GROUPED.test(text)) return fromText(text.replace(/,/g, ""), argument, unit);
  if (SCIENTIFIC.test(text)) return fromDecimal(new Decimal(text.replace(/^\+/, "")), argument, unit);
  if (/^-\s*[\d.,]+(e[+-]?\d+)?$/i.test(text)) {
    throw badArgument(argument, `不能为负数（${text}）`, `must not be negative (${text})`);
  }
  throw badArgument(
    argument,
    `${quote(raw)} 不是数字，应为不含税开票销售额（如 60000000 或 60,000,000）`,
    `${quote(raw)} is not a number; expected the invoiced sales excluding VAT (e.g. 60000000 or 60,000,000)`,
  );
}

function blank(argument: ArgumentName) {
  return badArgument(
    argument,
    "未填写，请填写该年度销售额（确无销售请填 0）",
    "is blank: enter that year's sales (0 if there were none)",
  );
}

/** Reads a sales argument in the given unit. */
export function parseSales(value: unknown, argument: ArgumentName, unit: Unit): Sales {
  if (typeof value === "number") return fromNumber(value, argument, unit);
  if (typeof value === "string") return fromText(value, argument, unit);
  if (value === null || value === undefined) throw blank(argument);
  if (typeof value === "bigint") return fromDecimal(new Decimal(value.toString()), argument, unit);
  if (Array.isArray(value)) {
    if (value.length === 1 && Array.isArray(value[0]) && value[0].length === 1) return parseSales(value[0][0], argument, unit);
    throw badArgument(argument, "应为单个单元格，而不是区域", "expected one cell, not a range");
  }
  if (typeof value === "boolean") {
    throw badArgument(argument, `应为数字，而不是逻辑值 ${quote(value)}`, `expected a number, not the logical value ${quote(value)}`);
  }
  if (isErrorValue(value)) {
    throw badArgument(argument, `单元格为错误值 ${errorValueText(value)}`, `the cell holds the error ${errorValueText(value)}`);
  }
  throw badArgument(argument, `应为数字，收到 ${quote(value)}`, `expected a number, got ${quote(value)}`);
}
