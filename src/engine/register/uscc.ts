/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters from 0-9 and the
 * capital letters without I, O, Z, S, V; the last is a check character over the first 17, with
 * weights 3^i mod 31 and check = 31 − (Σ value × weight mod 31), 31 written as 0.
 */
export const USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const VALUE = new Map([...USCC_CHARSET].map((c, i) => [c, i]));

export type UsccProblem =
  | { kind: "length"; length: number }
  | { kind: "character"; position: number; character: string }
  | { kind: "check"; expected: string; found: string };

/** The check character for the first 17 characters (which must be valid). */
export function usccCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (VALUE.get(first17[i]) as number) * WEIGHTS[i];
  const c = 31 - (sum % 31);
  return USCC_CHARSET[c === 31 ? 0 : c];
}

/** Normalises what a cell holds (full-width, lower case, spaces) to the code's own form. */
export function normalizeUscc(text: string): string {
  if (/^[0-9A-Z]*$/.test(text)) return text;
  return text.normalize("NFKC").replace(/\s+/g, "").toUpperCase();
}

/** null when the code is valid; otherwise what is wrong with it. */
export function usccProblem(code: string): UsccProblem | null {
  if (code.length !== 18) return { kind: "length", length: [...code].length };
  for (let i = 0; i < 18; i++) {
    if (!VALUE.has(code[i])) return { kind: "character", position: i + 1, character: code[i] };
  }
  const expected = usccCheckCharacter(code);
  return expected === code[17] ? null : { kind: "check", expected, found: code[17] };
}
