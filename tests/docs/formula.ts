/**
 * The formulas a document shows, run through the add-in's Excel glue (src/functions/index.ts) with
 * the values Excel passes: a text or number literal as itself, an omitted argument as null, and a
 * literal given to the range parameter `flags` as a 1×1 range. Results are written as finance staff
 * read them: thousands separators and two decimals, more where the value has them (up to six: a
 * 万元 result carries 分); a spilled result one row a line, its cells joined by " | "; an error
 * value as its code, "：" and the message Excel shows for it.
 */

/** One example of a `公式` block: the formula, and what the document says it gives. */
export interface FormulaExample {
  formula: string;
  shown: string;
}

/** `公式` block bodies: each line starting with "=" is a formula, the lines under it its result. */
export function formulaExamples(body: string): FormulaExample[] {
  const out: FormulaExample[] = [];
  for (const line of body.replace(/\n$/, "").split("\n")) {
    if (line.startsWith("=")) out.push({ formula: line, shown: "" });
    else if (out.length === 0) throw new Error(`a 公式 block starts with a result, not a formula: ${line}`);
    else out[out.length - 1].shown += (out[out.length - 1].shown ? "\n" : "") + line;
  }
  return out;
}

export type Literal = string | number | null;

/** `=JY.NAME(a, b, …)` with literal arguments only: the function's name and its arguments. */
export function parseFormula(formula: string): { name: string; args: Literal[] } {
  const m = /^=JY\.([A-Z]+)\((.*)\)$/.exec(formula.trim());
  if (!m) throw new Error(`not a JY formula with literal arguments: ${formula}`);
  const args: Literal[] = [];
  const text = m[2];
  let i = 0;
  for (;;) {
    while (text[i] === " ") i++;
    if (text[i] === '"') {
      let s = "";
      for (i++; ; i++) {
        if (i >= text.length) throw new Error(`unclosed text in ${formula}`);
        if (text[i] === '"' && text[i + 1] === '"') (s += '"'), i++;
        else if (text[i] === '"') break;
        else s += text[i];
      }
      i++;
      args.push(s);
    } else {
      const end = text.indexOf(",", i) < 0 ? text.length : text.indexOf(",", i);
      const raw = text.slice(i, end).trim();
      if (raw !== "" && !/^-?\d+(\.\d+)?$/.test(raw)) throw new Error(`argument "${raw}" in ${formula} is neither text, a number nor blank`);
      args.push(raw === "" ? null : Number(raw));
      i = end;
    }
    while (text[i] === " ") i++;
    if (i >= text.length) return { name: m[1], args };
    if (text[i] !== ",") throw new Error(`expected "," at ${i} in ${formula}`);
    i++;
  }
}

const NUMBER = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 6 });

/** A cell's value as the document writes it. */
export function shownValue(v: unknown): string {
  return typeof v === "number" ? NUMBER.format(v) : String(v);
}

type Glue = Record<"rewardFn" | "fundingFn" | "detailFn" | "checkFn", (...args: unknown[]) => unknown>;
const GLUE: Record<string, keyof Glue> = { REWARD: "rewardFn", FUNDING: "fundingFn", DETAIL: "detailFn", CHECK: "checkFn" };

/** Runs a formula through the glue and writes its result as the document would. */
export function runFormula(glue: Glue, formula: string): string {
  const { name, args } = parseFormula(formula);
  const fn = GLUE[name];
  if (!fn) throw new Error(`JY.${name} is not one of the add-in's functions`);
  // flags (the 4th argument) is a range parameter: Excel hands a literal to it as a 1×1 range.
  const passed = args.map((a, k) => (k === 3 && a !== null ? [[a]] : a));
  while (passed.length < 6) passed.push(null);
  try {
    const v = glue[fn](...passed);
    return Array.isArray(v) ? (v as unknown[][]).map((row) => row.map(shownValue).join(" | ")).join("\n") : shownValue(v);
  } catch (e) {
    const err = e as { code?: string; message: string };
    if (!err.code) throw e;
    return `${err.code}：${err.message}`;
  }
}
