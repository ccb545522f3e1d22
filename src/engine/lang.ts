/** The two languages of every user-facing text: Chinese first, English beside it. */
export type Lang = "zh" | "en";

/** Office's display language ("zh-CN", "en-US", …) → the product's language. */
export function langOf(displayLanguage: string | null | undefined): Lang {
  return /^zh/i.test(displayLanguage ?? "zh") ? "zh" : "en";
}
