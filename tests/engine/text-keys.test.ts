/**
 * matchKey and normalizeUscc skip the Unicode work for text that is already its own key (a
 * register scan calls them on every row); the result must be the full computation's.
 */
import fc from "fast-check";
import { matchKey } from "../../src/engine";
import { normalizeUscc } from "../../src/engine/register";

const slowKey = (t: string) => t.normalize("NFKC").toLowerCase().replace(/[\s\-_·・.()（）【】\[\]'"“”‘’]/g, "");
const slowUscc = (t: string) => t.normalize("NFKC").replace(/\s+/g, "").toUpperCase();

describe("keys of register text", () => {
  const pieces = ["生", "成", "企", "业", "有", "限", "公", "司", "是", "否", "一", "龥", "0", "9", "a", "z", "A", "Z", "（", "）", " ", "\u3000", "Ａ", "１", "·", "-", "\uf900", "é", "ﬁ", "㈱", "⑴"];
  const text = fc.array(fc.constantFrom(...pieces), { maxLength: 24 }).map((a) => a.join(""));
  test("matchKey equals NFKC, lower case, separators removed", () => {
    fc.assert(fc.property(fc.oneof(text, fc.string(), fc.string({ unit: "grapheme" })), (t) => expect(matchKey(t)).toBe(slowKey(t))), { numRuns: 5000 });
    for (const t of ["生成企业000001有限公司", "是", "", "abc123", "ABC", "Ａ（有限）公司"]) expect(matchKey(t)).toBe(slowKey(t));
  });
  test("normalizeUscc equals NFKC, no spaces, upper case", () => {
    const code = fc.array(fc.constantFrom("9", "1", "3", "A", "M", "Y", "a", " ", "Ｍ", "０", "\u3000", "ß"), { maxLength: 20 }).map((a) => a.join(""));
    fc.assert(fc.property(fc.oneof(code, fc.string()), (t) => expect(normalizeUscc(t)).toBe(slowUscc(t))), { numRuns: 5000 });
  });
});
