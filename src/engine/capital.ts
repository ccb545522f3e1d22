/**
 * 人民币大写: an amount in words as Chinese finance writes it on a voucher, following the People's
 * Bank's 《正确填写票据和结算凭证的基本规定》:
 * - 整 after 元 when there are no 角 and 分; nothing after 角 or 分 (¥1,409.50 → 壹仟肆佰零玖元伍角);
 * - a zero inside the number is written 零, a run of zeros as one 零 (¥6,007.14 → 陆仟零柒元壹角肆分);
 * - a zero at the end of a 万 / 亿 group is not written when the next digit is not zero
 *   (¥107,000.53 → 壹拾万柒仟元零伍角叁分); after 元, one 零 when the 元 digit or the 角 is zero
 *   (¥1,680.32 → 壹仟陆佰捌拾元零叁角贰分; ¥16,409.02 → 壹万陆仟肆佰零玖元零贰分);
 * - 壹拾 for a leading ten, as vouchers do (¥100,000 → 壹拾万元整);
 * - below one 元 there is no 元: ¥0.50 → 伍角; nothing at all: 零元整.
 * Exact: the amount is read as whole 分 (an integer or a Decimal in 元), never through a float.
 */
import { Decimal } from "./decimal";

const DIGITS = "零壹贰叁肆伍陆柒捌玖";
const IN_GROUP = ["", "拾", "佰", "仟"];
/** Group names from the lowest: 元's group, 万, 亿, 万亿. */
const GROUPS = ["", "万", "亿", "万亿"];
/** Largest amount written, in 分: below 一亿亿 元 (16 integer digits). */
const MAX_FEN = 10n ** 18n - 1n;

/** Why an amount cannot be written in 大写. */
export class CapitalAmountError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

function toFen(amount: number | bigint | Decimal): bigint {
  if (typeof amount === "bigint") return amount;
  if (typeof amount === "number") {
    if (!Number.isSafeInteger(amount)) throw new CapitalAmountError(`金额 ${amount} 分不是整数分`, `amount ${amount} fen is not a whole number of fen`);
    return BigInt(amount);
  }
  const fen = amount.times(100);
  if (!fen.isInteger()) throw new CapitalAmountError(`金额 ${amount.toFixed()} 元不到分为止`, `amount ${amount.toFixed()} yuan has digits below the fen`);
  return BigInt(fen.toFixed(0));
}

/** One group of four digits (1–9999), with its zeros inside written as one 零. */
function groupWords(n: number): string {
  let out = "";
  let zero = false;
  for (let place = 3; place >= 0; place--) {
    const d = Math.floor(n / 10 ** place) % 10;
    if (d === 0) {
      if (out !== "") zero = true;
      continue;
    }
    if (zero) out += "零";
    zero = false;
    out += DIGITS[d] + IN_GROUP[place];
  }
  return out;
}

/** The whole 元 in words, without 元 ("" for zero). */
function yuanWords(yuan: bigint): string {
  const groups: number[] = [];
  for (let rest = yuan; rest > 0n; rest /= 10000n) groups.push(Number(rest % 10000n));
  let out = "";
  let pendingZero = false;
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i];
    if (g === 0) {
      if (out !== "") pendingZero = true;
      continue;
    }
    // A zero before this group: a whole group skipped, or this group starts below its 仟.
    if (out !== "" && (pendingZero || g < 1000)) out += "零";
    pendingZero = false;
    out += groupWords(g) + GROUPS[i];
  }
  return out;
}

/** 人民币大写 of an amount: whole 分 (number or bigint), or a Decimal in 元. */
export function capitalAmount(amount: number | bigint | Decimal): string {
  const fen = toFen(amount);
  if (fen < 0n) throw new CapitalAmountError("大写金额不能为负数", "an amount in words cannot be negative");
  if (fen > MAX_FEN) throw new CapitalAmountError("金额超出大写可写的范围", "amount too large to write in words");
  const yuan = fen / 100n;
  const jiao = Number((fen / 10n) % 10n);
  const f = Number(fen % 10n);
  const whole = yuanWords(yuan);
  if (jiao === 0 && f === 0) return `${whole || "零"}元整`;
  let out = whole === "" ? "" : `${whole}元`;
  // 元 digit zero before 角 / 分, or 角 zero before 分: one 零 (not at the very start).
  if (out !== "" && (yuan % 10n === 0n || jiao === 0)) out += "零";
  if (jiao !== 0) out += `${DIGITS[jiao]}角`;
  if (f !== 0) out += `${DIGITS[f]}分`;
  return out;
}
