/** A1 addresses for register findings: 0-based sheet row / column → "C12". */

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetters(col: number): string {
  let n = col + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** 0-based row and column → "C12". */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** "C12" → 0-based { row, col }; null for anything else. */
export function parseA1(address: string): { row: number; col: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/i.exec(address.trim());
  if (!m) return null;
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

/** A sheet name as formulas write it before "!": quoted, with ' doubled (any name is then safe). */
export const quoteSheet = (name: string): string => `'${name.replace(/'/g, "''")}'`;

/** "A" → 0, "Z" → 25, "AA" → 26 (letters in either case). */
export function columnIndex(letters: string): number {
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col - 1;
}
