/**
 * Names from outside (file names, sheet names, cell texts) shown on a terminal: control characters
 * and the bidirectional overrides (U+202E turns "gpj.xlsx" around on screen) are shown escaped as
 * \u{…}, so what a user reads is what the name holds.
 */

// C0 and C1 controls, DEL, the bidi embeddings, overrides and isolates, the directional marks,
// line and paragraph separators, and the BOM / zero-width no-break space.
const HIDDEN = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** The text with every control and bidi character spelled as its code point, e.g. U+202E as \u{202E}. */
export function shownName(text: string): string {
  return text.replace(HIDDEN, (c) => `\\u{${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}}`);
}
