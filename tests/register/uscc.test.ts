import fc from "fast-check";
import { normalizeUscc, USCC_CHARSET, usccCheckCharacter, usccProblem } from "../../src/engine/register";

describe("unified social credit code, GB 32100-2015", () => {
  test("the standard's published example is valid", () => {
    expect(usccProblem("91350100M000100Y43")).toBeNull();
  });

  test.each([
    ["91350100M000100Y44", { kind: "check", expected: "3", found: "4" }],
    ["91350100M000100Y4", { kind: "length", length: 17 }],
    ["91350100M000I00Y43", { kind: "character", position: 13, character: "I" }],
  ])("%s is refused", (code, problem) => {
    expect(usccProblem(code)).toEqual(problem);
  });

  test("lower case and full-width characters are read as the code", () => {
    expect(usccProblem(normalizeUscc("９１３５０１００m０００１００y４３"))).toBeNull();
  });

  test("every other check character is refused, and the right one accepted", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...USCC_CHARSET), { minLength: 17, maxLength: 17 }), fc.constantFrom(...USCC_CHARSET), (chars, other) => {
        const first17 = chars.join("");
        const check = usccCheckCharacter(first17);
        expect(usccProblem(first17 + check)).toBeNull();
        if (other !== check) expect(usccProblem(first17 + other)).toEqual({ kind: "check", expected: check, found: other });
      }),
    );
  });

  test("changing any one character of a valid code is detected", () => {
    const code = "91350100M000100Y43";
    for (let i = 0; i < 17; i++) {
      for (const c of USCC_CHARSET) {
        if (c === code[i]) continue;
        expect(usccProblem(code.slice(0, i) + c + code.slice(i + 1))).not.toBeNull();
      }
    }
  });
});
