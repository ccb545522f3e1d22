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
  /**
   * When `fen` is null and the amount has at most 12 digits below the 分: its whole 分 and the
   * rest in 10⁻¹² 分, both integers, so amounts.ts can still count exactly in integers.
   */
  fine?: { fen: number; sub: number };
}

/** Units of `Sales.fine.sub` in one 分. */
export const SUB_PER_FEN = 1e12;
const SUB_DIGITS = 12;

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
  if (fen.isInteger()) return { fen: fen.toNumber(), yuan: null };
  const whole = fen.floor();
  const sub = fen.minus(whole).times(SUB_PER_FEN);
  return sub.isInteger() ? { fen: null, yuan, fine: { fen: whole.toNumber(), sub: sub.toNumber() } } : { fen: null, yuan };
}

/**
 * Sales written as plain digits (`whole`.`frac`, in the unit) with more places than 分 but at most
 * 12 below it: counted in integers straight from the digits. The exact 元 decimal is built only if
 * something asks for it (the breakdown does; the reward does not). Null when the digits don't fit.
 */
function fromDigits(whole: string, frac: string, text: string, argument: ArgumentName, unit: Unit): Sales | null {
  const info = UNITS[unit];
  if (whole.length > info.wholeDigitsExact || frac.length > info.places + SUB_DIGITS) return null;
  const fen = Number(whole) * info.fenPerUnit + Number(frac.slice(0, info.places).padEnd(info.places, "0"));
  const sub = Number(frac.slice(info.places).padEnd(SUB_DIGITS, "0"));
  if (sub === 0) return fen <= MAX_FEN ? { fen, yuan: null } : null;
  if (fen >= MAX_FEN) throw tooLarge(argument, unit);
  let yuan: Decimal | null = null;
  return {
    fen: null,
    get yuan(): Decimal {
      // In 元 the text is the amount itself (× 100 ÷ 100 would give the same Decimal, slower).
      return (yuan ??= unit === "元" ? new Decimal(text) : new Decimal(text).times(info.fenPerUnit).div(100));
    },
    fine: { fen, sub },
  };
}

const DIGITS = /^(\d+)\.(\d+)$/;

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
  const text = String(n);
  const digits = DIGITS.exec(text);
  return (digits && fromDigits(digits[1], digits[2], text, argument, unit)) ?? fromDecimal(new Decimal(text), argument, unit);
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
    const fine = frac.length > info.places ? fromDigits(whole, frac, text.replace(/^\+/, ""), argument, unit) : null;
    if (fine) return fine;
    return fromDecimal(new Decimal(text.replace(/^\+/, "")), argument, unit);
  }
  if (GROUPED.test(text)) return fromText(text.replace(/,/g, ""), argument, unit);
  if (SCIENTIFIC.test(text)) return fromDecimal(new Decimal(text.replace(/^\+/, "")), argument, unit);
  if (/^-\s*[\d.,]+(e[+-]?\d+)?$/i.test(text)) {
    // "-0" is zero, as the number -0 is.
    if (/^-\s*[0.,]+$/.test(text) && /0/.test(text)) return { fen: 0, yuan: null };
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
