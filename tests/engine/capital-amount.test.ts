/**
 * 人民币大写 as vouchers are written (《正确填写票据和结算凭证的基本规定》): a table of amounts written
 * out by hand — 零 in every position, 整, 角 without 分, 分 without 角, the 万 and 亿 boundaries, the
 * reward cap — and a property: reading the words back gives the amount, for every amount up to
 * 一千亿元.
 */
import fc from "fast-check";
import { capitalAmount, CapitalAmountError, Decimal } from "../../src/engine";

/** [amount in 元 as written on the voucher, 大写]. */
const TABLE: Array<[string, string]> = [
  // The People's Bank's own examples.
  ["1409.50", "壹仟肆佰零玖元伍角"],
  ["6007.14", "陆仟零柒元壹角肆分"],
  ["1680.32", "壹仟陆佰捌拾元零叁角贰分"],
  ["107000.53", "壹拾万柒仟元零伍角叁分"],
  ["16409.02", "壹万陆仟肆佰零玖元零贰分"],
  ["325.04", "叁佰贰拾伍元零肆分"],
  // The example.
  ["1234567.89", "壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分"],
  // Below one 元.
  ["0.00", "零元整"],
  ["0.01", "壹分"],
  ["0.09", "玖分"],
  ["0.10", "壹角"],
  ["0.50", "伍角"],
  ["0.55", "伍角伍分"],
  ["0.99", "玖角玖分"],
  // 整 and the small numbers.
  ["1.00", "壹元整"],
  ["9.00", "玖元整"],
  ["10.00", "壹拾元整"],
  ["11.00", "壹拾壹元整"],
  ["19.00", "壹拾玖元整"],
  ["20.00", "贰拾元整"],
  ["100.00", "壹佰元整"],
  ["101.00", "壹佰零壹元整"],
  ["110.00", "壹佰壹拾元整"],
  ["111.11", "壹佰壹拾壹元壹角壹分"],
  // 角 without 分, 分 without 角.
  ["1.10", "壹元壹角"],
  ["1.01", "壹元零壹分"],
  ["10.10", "壹拾元零壹角"],
  ["10.01", "壹拾元零壹分"],
  ["12.30", "壹拾贰元叁角"],
  ["12.03", "壹拾贰元零叁分"],
  // 零 in every position of the 元 group.
  ["1000.00", "壹仟元整"],
  ["1001.00", "壹仟零壹元整"],
  ["1010.00", "壹仟零壹拾元整"],
  ["1100.00", "壹仟壹佰元整"],
  ["1011.00", "壹仟零壹拾壹元整"],
  ["1101.00", "壹仟壹佰零壹元整"],
  ["1110.00", "壹仟壹佰壹拾元整"],
  ["2005.60", "贰仟零伍元陆角"],
  ["3090.07", "叁仟零玖拾元零柒分"],
  // The 万 boundary.
  ["9999.99", "玖仟玖佰玖拾玖元玖角玖分"],
  ["10000.00", "壹万元整"],
  ["10000.01", "壹万元零壹分"],
  ["10001.00", "壹万零壹元整"],
  ["10010.00", "壹万零壹拾元整"],
  ["10100.00", "壹万零壹佰元整"],
  ["11000.00", "壹万壹仟元整"],
  ["10005.50", "壹万零伍元伍角"],
  ["100000.00", "壹拾万元整"],
  ["100001.00", "壹拾万零壹元整"],
  ["101000.00", "壹拾万壹仟元整"],
  ["110000.00", "壹拾壹万元整"],
  ["1000000.00", "壹佰万元整"],
  ["1000100.00", "壹佰万零壹佰元整"],
  ["1010000.00", "壹佰零壹万元整"],
  ["10000000.00", "壹仟万元整"],
  ["10000001.00", "壹仟万零壹元整"],
  ["10203040.50", "壹仟零贰拾万叁仟零肆拾元零伍角"],
  ["12345678.90", "壹仟贰佰叁拾肆万伍仟陆佰柒拾捌元玖角"],
  // The reward cap and amounts around it.
  ["50000000.00", "伍仟万元整"],
  ["49999999.99", "肆仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"],
  ["4800000.00", "肆佰捌拾万元整"],
  ["300000.00", "叁拾万元整"],
  ["2250000.00", "贰佰贰拾伍万元整"],
  ["1575000.00", "壹佰伍拾柒万伍仟元整"],
  ["675000.00", "陆拾柒万伍仟元整"],
  ["93333.33", "玖万叁仟叁佰叁拾叁元叁角叁分"],
  // The 亿 boundary.
  ["99999999.99", "玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"],
  ["100000000.00", "壹亿元整"],
  ["100000001.00", "壹亿零壹元整"],
  ["100010000.00", "壹亿零壹万元整"],
  ["100100000.00", "壹亿零壹拾万元整"],
  ["101000000.00", "壹亿零壹佰万元整"],
  ["110000000.00", "壹亿壹仟万元整"],
  ["100000000.10", "壹亿元零壹角"],
  ["1000000000.00", "壹拾亿元整"],
  ["1200030000.04", "壹拾贰亿零叁万元零肆分"],
  ["123456789012.34", "壹仟贰佰叁拾肆亿伍仟陆佰柒拾捌万玖仟零壹拾贰元叁角肆分"],
];

describe("人民币大写: hand-checked amounts", () => {
  test("the table is large enough to cover the rules", () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(60);
    expect(new Set(TABLE.map(([a]) => a)).size).toBe(TABLE.length);
  });
  test.each(TABLE)("%s 元 → %s", (yuan, words) => {
    expect(capitalAmount(new Decimal(yuan))).toBe(words);
    expect(capitalAmount(Number(new Decimal(yuan).times(100).toFixed(0)))).toBe(words);
  });
});

describe("人民币大写: what cannot be written", () => {
  test.each([
    ["a negative amount", -1],
    ["a fraction of a 分", new Decimal("0.001")],
    ["a float that is not whole 分", 1.5],
  ])("%s is refused with a sentence", (_why, amount) => {
    expect(() => capitalAmount(amount as number)).toThrow(CapitalAmountError);
  });
});

/** Reads 大写 back to 分, independently of the writer: digits, 拾佰仟 within a group, 万 and 亿 groups. */
function parseCapital(words: string): bigint {
  const digit = "零壹贰叁肆伍陆柒捌玖";
  const small: Record<string, bigint> = { 拾: 10n, 佰: 100n, 仟: 1000n };
  let text = words;
  let fen = 0n;
  const tail = /(?:([壹贰叁肆伍陆柒捌玖])角)?(?:([壹贰叁肆伍陆柒捌玖])分)?$/.exec(text.replace(/整$/, ""))!;
  if (tail[1]) fen += BigInt(digit.indexOf(tail[1])) * 10n;
  if (tail[2]) fen += BigInt(digit.indexOf(tail[2]));
  text = text.slice(0, text.length - (text.endsWith("整") ? 1 : tail[0].length));
  if (!text.endsWith("元") && text !== "") text = text.replace(/零$/, "");
  text = text.replace(/元零?$/, "");
  let total = 0n;
  let yi = 0n;
  let wan = 0n;
  let group = 0n;
  let pending = 0n;
  for (const ch of text) {
    const d = digit.indexOf(ch);
    if (d >= 0) pending = BigInt(d);
    else if (small[ch]) {
      group += pending * small[ch];
      pending = 0n;
    } else if (ch === "万") {
      wan = (group + pending) * 10000n;
      group = pending = 0n;
    } else if (ch === "亿") {
      yi = (wan + group + pending) * 100000000n;
      wan = group = pending = 0n;
    } else throw new Error(`unexpected ${ch} in ${words}`);
  }
  total = yi + wan + group + pending;
  return total * 100n + fen;
}

describe("人民币大写: read back", () => {
  test("the hand-checked table reads back to its amounts", () => {
    for (const [yuan, words] of TABLE) expect([yuan, parseCapital(words)]).toEqual([yuan, BigInt(new Decimal(yuan).times(100).toFixed(0))]);
  });
  test("every amount up to 一千亿元 reads back to itself, with no 零 doubled, leading or trailing", () => {
    const amount = fc.oneof(
      fc.bigInt({ min: 0n, max: 10n ** 13n }),
      // Amounts with many zeros: digits 0 or 9 at random places.
      fc.array(fc.constantFrom<bigint>(0n, 0n, 0n, 1n, 9n), { minLength: 1, maxLength: 13 }).map((ds) => ds.reduce((n: bigint, d) => n * 10n + d, 0n)),
    );
    fc.assert(
      fc.property(amount, (fen) => {
        const words = capitalAmount(fen);
        expect(parseCapital(words)).toBe(fen);
        if (fen > 0n) expect(words).not.toMatch(/零零|^零|零[元万亿整]|[角分]整/);
        expect(words.endsWith("整")).toBe(fen % 100n === 0n);
      }),
      { numRuns: 3000 },
    );
  });
});
