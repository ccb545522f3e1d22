/**
 * Text normalisation for everything a user types: names, flags, units. Full-width characters,
 * case, spaces, hyphens, underscores and brackets do not matter (RULES.md: "case- and
 * width-insensitive").
 */
const IGNORED = /[\s\-_·・.()（）【】\[\]'"“”‘’]/g;

/** Text NFKC, lower case and IGNORED leave as it is: CJK unified ideographs, digits, a-z. */
const ALREADY_KEY = /^[\u4e00-\u9fff0-9a-z]*$/;

/** The key a spelling is matched by: NFKC, lower case, without separators that don't matter. */
export function matchKey(text: string): string {
  // Most register cells (names, 是 / 否) are their own key; a register scan reads every one.
  if (ALREADY_KEY.test(text)) return text;
  return text.normalize("NFKC").toLowerCase().replace(IGNORED, "");
}

/** Builds a lookup from every spelling's key to its value; a key claimed twice is a data bug. */
export function keyedLookup<T>(entries: Array<[string[], T]>): Map<string, T> {
  const map = new Map<string, T>();
  for (const [spellings, value] of entries) {
    for (const spelling of spellings) {
      const key = matchKey(spelling);
      const existing = map.get(key);
      if (existing !== undefined && existing !== value) {
        throw new Error(`spelling "${spelling}" is claimed twice`);
      }
      map.set(key, value);
    }
  }
  return map;
}

/**
 * A small memo for parsers that custom functions call once per cell with the same few texts.
 * Bounded: it forgets everything once it holds `limit` entries.
 */
export function memo<R>(fn: (text: string) => R, limit = 2000): (text: string) => R {
  let cache = new Map<string, R>();
  return (text: string) => {
    const hit = cache.get(text);
    if (hit !== undefined) return hit;
    const result = fn(text);
    if (cache.size >= limit) cache = new Map();
    cache.set(text, result);
    return result;
  };
}

/** Shows a user's value inside a message, shortened so an error stays readable in a cell. */
export function quote(value: unknown): string {
  let text: string;
  if (typeof value === "string") text = value;
  else if (typeof value === "number") text = String(value);
  else if (typeof value === "boolean") text = value ? "TRUE" : "FALSE";
  else text = Object.prototype.toString.call(value);
  return `“${text.length > 40 ? text.slice(0, 40) + "…" : text}”`;
}
