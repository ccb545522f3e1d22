/**
 * The errors a claim can raise, as a custom function shows them: `#VALUE!` for input the engine
 * cannot read (the message names the argument and what was expected), `#N/A` for a sector this
 * policy does not compute (the message names the governing document).
 */
export type ErrorCode = "#VALUE!" | "#N/A";

export type ArgumentName = "sector" | "sales1" | "sales2" | "flags" | "unit" | "place";

export const ARGUMENT_LABELS: Record<ArgumentName, { zh: string; en: string }> = {
  sector: { zh: "行业", en: "sector" },
  sales1: { zh: "第一年销售额", en: "sales1" },
  sales2: { zh: "第二年销售额", en: "sales2" },
  flags: { zh: "标记", en: "flags" },
  unit: { zh: "单位", en: "unit" },
  place: { zh: "所在镇街园区", en: "place" },
};

export class ClaimError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** The argument at fault; null for a not-covered sector. */
    readonly argument: ArgumentName | null,
    readonly messageZh: string,
    readonly messageEn: string,
    /** What is wrong, without the argument's name (a register names the column instead). */
    readonly detailZh: string = messageZh,
    readonly detailEn: string = messageEn,
  ) {
    super(`${messageZh} / ${messageEn}`);
    this.name = "ClaimError";
  }

  /** The message in one language, for a cell or a CLI line. */
  text(lang: "zh" | "en"): string {
    return lang === "zh" ? this.messageZh : this.messageEn;
  }
}

/** A `#VALUE!` error about one argument; the messages are prefixed with the argument's name in that language. */
export function badArgument(argument: ArgumentName, zh: string, en: string): ClaimError {
  const label = ARGUMENT_LABELS[argument];
  return new ClaimError("#VALUE!", argument, `${label.zh}：${zh}`, `${label.en}: ${en}`, zh, en);
}

/**
 * Excel hands a custom function an error value inside a range as an object with an error code
 * (CustomFunctions.Error); other hosts pass an Error. Both are refused with where they stood.
 */
export function isErrorValue(value: unknown): boolean {
  if (value instanceof Error) return true;
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    const v = value as { code?: unknown; type?: unknown };
    return typeof v.code === "string" || typeof v.type === "string";
  }
  return false;
}

export function errorValueText(value: unknown): string {
  const v = value as { code?: unknown; type?: unknown; message?: unknown; value?: unknown };
  const code = [v.code, v.type, v.value].find((x) => typeof x === "string" && x.startsWith("#"));
  return String(code ?? v.code ?? v.type ?? v.message ?? "error");
}
