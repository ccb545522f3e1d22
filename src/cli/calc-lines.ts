/**
 * `jyreward calc` in stream mode: claims as JSON Lines in, one JSON line per claim out, in order.
 *
 * One line in, one line out, computed synchronously: no await per line, output batched into large
 * writes, stdin read in chunks. Findings come from `assess`, whose top-up and cap amounts are
 * counted in integers too, so a claim stays on the integer 分 path unless its sales are finer than
 * 10⁻¹² 分.
 *
 * Blank lines (empty or whitespace only) are not claims: they are skipped and produce no output.
 * JSON numbers for sales are read from their literal text in the line, exactly as if they were
 * given as strings ("sales1": 100000000.10 is 100000000.10, never a double near it).
 */
import { assessInput, ClaimError, fenToUnitString, notCoveredFinding, type ClaimInput, type Finding, type Lang } from "../engine";
import type { SectorId } from "../policy";
import type { CliContext } from "./context";

/** Fields a claim line may carry. `id` is not read by the engine: it is echoed back as given. */
export const CLAIM_FIELDS = ["sector", "sales1", "sales2", "flags", "unit", "place", "id"] as const;
const FIELD_SET = new Set<string>(CLAIM_FIELDS);

export interface LineError {
  code: "#VALUE!" | "#N/A";
  /** The claim field at fault, or null (the line as a whole, or a not-covered sector). */
  argument: string | null;
  message: string;
  /** 1-based line number in the input, blank lines counted. */
  line: number;
}

export interface LineFinding {
  code: string;
  severity: string;
  clause: string | null;
  message: string;
}

export type LineResult =
  | { id?: unknown; status: "eligible" | "excluded"; reward: string; city: string; town: string; park: string; findings: LineFinding[] }
  | { id?: unknown; error: LineError };

/** A claim line is a few hundred characters; a line past this is refused unread (at its position). */
export const MAX_LINE_CHARS = 1 << 20;
/** A claim nests three levels at most (an object, a flags range of rows); JSON deeper is refused unread. */
export const MAX_DEPTH = 16;

/** Whether the JSON text nests deeper than MAX_DEPTH (strings skipped); one pass, no recursion. */
function nestsTooDeep(text: string): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 92) i++;
        else if (d === 34) break;
      }
    } else if (c === 123 || c === 91) {
      if (++depth > MAX_DEPTH) return true;
    } else if (c === 125 || c === 93) depth--;
  }
  return false;
}

const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/**
 * The literal text of the numbers given for sales1 / sales2 at the top level of a line that
 * JSON.parse has accepted as an object. A duplicated key counts as JSON.parse counts it: the last.
 */
export function rawSalesText(line: string): { sales1?: string; sales2?: string } {
  // Fast path: with no backslash in the line every quote is structural and no key is spelt with
  // escapes, so a key that occurs once as "sales1" is the top-level one JSON.parse read.
  if (line.indexOf("\\") === -1) {
    const out: { sales1?: string; sales2?: string } = {};
    if (numberAfterKey(line, '"sales1"', out, "sales1") && numberAfterKey(line, '"sales2"', out, "sales2")) return out;
  }
  return scanSalesText(line);
}

/** Records the number after the one occurrence of `quoted` as a key; false when that is not certain. */
function numberAfterKey(line: string, quoted: string, out: { sales1?: string; sales2?: string }, key: "sales1" | "sales2"): boolean {
  const at = line.indexOf(quoted);
  if (at === -1) return true;
  if (line.indexOf(quoted, at + quoted.length) !== -1) return false;
  let j = at + quoted.length;
  while (j < line.length && isSpace(line.charCodeAt(j))) j++;
  if (line.charCodeAt(j) !== 58) return false;
  j++;
  while (j < line.length && isSpace(line.charCodeAt(j))) j++;
  NUMBER.lastIndex = j;
  const m = NUMBER.exec(line);
  if (m) out[key] = m[0];
  return true;
}

/** The general case: walks the line, tracking strings and depth. */
function scanSalesText(line: string): { sales1?: string; sales2?: string } {
  const out: { sales1?: string; sales2?: string } = {};
  let depth = 0;
  let i = 0;
  const n = line.length;
  while (i < n) {
    const c = line.charCodeAt(i);
    if (c === 34) {
      const start = i++;
      let escaped = false;
      while (i < n) {
        const d = line.charCodeAt(i);
        if (d === 92) {
          escaped = true;
          i += 2;
          continue;
        }
        if (d === 34) break;
        i++;
      }
      i++;
      if (depth !== 1) continue;
      let j = i;
      while (j < n && isSpace(line.charCodeAt(j))) j++;
      if (line.charCodeAt(j) !== 58) continue;
      const key = escaped ? (JSON.parse(line.slice(start, i)) as string) : line.slice(start + 1, i - 1);
      j++;
      while (j < n && isSpace(line.charCodeAt(j))) j++;
      if (key === "sales1" || key === "sales2") {
        NUMBER.lastIndex = j;
        const m = NUMBER.exec(line);
        if (m) out[key] = m[0];
        else delete out[key];
      }
      i = j;
      continue;
    }
    if (c === 123 || c === 91) depth++;
    else if (c === 125 || c === 93) depth--;
    i++;
  }
  return out;
}

const LINE_MESSAGES = {
  json: (detail: string, line: number) => ({
    zh: `第 ${line} 行不是有效的 JSON（${detail}）；每行应为一个申报对象，如 {"sector":"化工","sales1":"60000000","sales2":"60000000"}`,
    en: `line ${line} is not valid JSON (${detail}); each line must be one claim object, e.g. {"sector":"化工","sales1":"60000000","sales2":"60000000"}`,
  }),
  notObject: (kind: string, line: number) => ({
    zh: `第 ${line} 行应为一个 JSON 对象（申报），收到 ${kind}`,
    en: `line ${line} must be a JSON object (a claim), got ${kind}`,
  }),
  tooLong: (line: number) => ({
    zh: `第 ${line} 行超过 ${MAX_LINE_CHARS.toLocaleString("en-US")} 个字符的上限，未读取；一个申报只需几百个字符`,
    en: `line ${line} is longer than the limit of ${MAX_LINE_CHARS.toLocaleString("en-US")} characters and was not read; a claim needs a few hundred`,
  }),
  tooDeep: (line: number) => ({
    zh: `第 ${line} 行的 JSON 嵌套超过 ${MAX_DEPTH} 层，未读取；申报对象最多嵌套 3 层（如标记的区域）`,
    en: `line ${line} nests JSON deeper than ${MAX_DEPTH} levels and was not read; a claim nests at most 3 (a flags range)`,
  }),
  failed: (line: number) => ({
    zh: `第 ${line} 行无法计算（程序内部错误），其余各行照常输出`,
    en: `line ${line} could not be computed (an internal error); the other lines are answered as usual`,
  }),
  unknownField: (field: string, line: number) => ({
    zh: `第 ${line} 行有未知字段 “${field}”；可用字段：${CLAIM_FIELDS.join("、")}`,
    en: `line ${line} has an unknown field "${field}"; fields: ${CLAIM_FIELDS.join(", ")}`,
  }),
};

function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

function findingOut(f: Finding, lang: Lang): LineFinding {
  return { code: f.code, severity: f.severity, clause: f.clause, message: lang === "zh" ? f.messageZh : f.messageEn };
}

function claimError(e: ClaimError, lang: Lang, line: number): LineError {
  return { code: e.code, argument: e.argument, message: e.text(lang), line };
}

/** The #N/A of a not-covered sector (the text of notCoveredError), without building an Error per line. */
const notCoveredMessages = new Map<SectorId, { zh: string; en: string }>();
function notCovered(sector: SectorId, lang: Lang, line: number): LineError {
  let m = notCoveredMessages.get(sector);
  if (!m) {
    const f = notCoveredFinding(sector);
    m = { zh: f.messageZh, en: f.messageEn };
    notCoveredMessages.set(sector, m);
  }
  return { code: "#N/A", argument: null, message: m[lang], line };
}

/** Answers one non-blank line. Never throws for bad input: that is an error result. */
export function answerLine(text: string, lineNumber: number, lang: Lang): LineResult {
  if (text.length > MAX_LINE_CHARS) return lineError(LINE_MESSAGES.tooLong(lineNumber), lineNumber, lang);
  if (nestsTooDeep(text)) return lineError(LINE_MESSAGES.tooDeep(lineNumber), lineNumber, lang);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const m = LINE_MESSAGES.json(e instanceof Error ? e.message : String(e), lineNumber);
    return { error: { code: "#VALUE!", argument: null, message: m[lang], line: lineNumber } };
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    const m = LINE_MESSAGES.notObject(kindOf(value), lineNumber);
    return { error: { code: "#VALUE!", argument: null, message: m[lang], line: lineNumber } };
  }
  const obj = value as Record<string, unknown>;
  const hasId = Object.prototype.hasOwnProperty.call(obj, "id");
  for (const key in obj) {
    if (!FIELD_SET.has(key)) {
      const m = LINE_MESSAGES.unknownField(key, lineNumber);
      const error: LineError = { code: "#VALUE!", argument: null, message: m[lang], line: lineNumber };
      return hasId ? { id: obj.id, error } : { error };
    }
  }
  const input: ClaimInput = { sector: obj.sector, sales1: obj.sales1, sales2: obj.sales2, flags: obj.flags, unit: obj.unit, place: obj.place };
  if (typeof input.sales1 === "number" || typeof input.sales2 === "number") {
    const raw = rawSalesText(text);
    if (typeof input.sales1 === "number" && raw.sales1 !== undefined) input.sales1 = raw.sales1;
    if (typeof input.sales2 === "number" && raw.sales2 !== undefined) input.sales2 = raw.sales2;
  }
  const r = assessInput(input);
  let result: LineResult;
  if (!r.ok) {
    result = { error: claimError(r.error, lang, lineNumber) };
  } else {
    const a = r.assessment;
    if (a.status === "not-covered") {
      result = { error: notCovered(a.claim.sector, lang, lineNumber) };
    } else {
      const u = a.claim.unit;
      result = {
        status: a.status,
        reward: fenToUnitString(a.amounts.reward, u),
        city: fenToUnitString(a.amounts.city, u),
        town: fenToUnitString(a.amounts.town, u),
        park: fenToUnitString(a.amounts.park, u),
        findings: a.findings.map((f) => findingOut(f, lang)),
      };
    }
  }
  if (hasId) return "error" in result ? { id: obj.id, error: result.error } : { id: obj.id, ...result };
  return result;
}

function lineError(m: { zh: string; en: string }, line: number, lang: Lang): LineResult {
  return { error: { code: "#VALUE!", argument: null, message: m[lang], line } };
}

/** One output line for one claim line, whatever it holds: an unexpected failure is an error line too. */
export function answerText(text: string, lineNumber: number, lang: Lang): string {
  try {
    return JSON.stringify(answerLine(text, lineNumber, lang)) + "\n";
  } catch {
    return JSON.stringify(lineError(LINE_MESSAGES.failed(lineNumber), lineNumber, lang)) + "\n";
  }
}

/** True for a line that is not a claim (empty or whitespace only). */
export function isBlankLine(text: string): boolean {
  // A claim line starts with "{" (or at worst a space), so this is settled at the first character.
  for (let i = 0; i < text.length; i++) if (!isSpace(text.charCodeAt(i)) && text.charCodeAt(i) !== 0xfeff) return false;
  return true;
}

/**
 * Answers a block of whole lines (separated by "\n", the first numbered `firstLine`): the output
 * lines, each ending in "\n". Blank lines count in the numbering and give no output.
 */
export function answerBlock(lines: string[], firstLine: number, lang: Lang): string {
  let out = "";
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i];
    if (line.charCodeAt(line.length - 1) === 13) line = line.slice(0, -1);
    if (isBlankLine(line)) continue;
    out += answerText(line, firstLine + i, lang);
  }
  return out;
}

/** Output is written in blocks of about this many characters. */
const FLUSH_AT = 1 << 16;

/** Reads claims from stdin to the end, writing one line per claim, in order; resolves to the exit code. */
export function calcStream(ctx: CliContext): Promise<number> {
  const { stdin, stdout, lang } = ctx;
  return new Promise((resolve, reject) => {
    let carry = "";
    let nextLine = 1;
    let first = true;
    let out = "";

    const take = (lines: string[]) => {
      out += answerBlock(lines, nextLine, lang);
      nextLine += lines.length;
      if (out.length >= FLUSH_AT) {
        const ok = stdout.write(out);
        out = "";
        if (!ok) {
          stdin.pause();
          stdout.once("drain", () => stdin.resume());
        }
      }
    };

    // The text after the last newline seen; a line past the limit is not kept (only counted), and
    // each chunk is searched for newlines once, so time stays linear in the line's length.
    let carryLength = 0;
    let overlong = false;
    const takeOverlong = () => {
      out += JSON.stringify(lineError(LINE_MESSAGES.tooLong(nextLine), nextLine, lang)) + "\n";
      nextLine += 1;
    };
    stdin.setEncoding("utf8");
    stdin.on("data", (chunk: string) => {
      try {
        if (first) {
          first = false;
          if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
        }
        const firstBreak = chunk.indexOf("\n");
        if (firstBreak === -1) {
          carryLength += chunk.length;
          if (overlong || carryLength > MAX_LINE_CHARS) {
            overlong = true;
            carry = "";
          } else carry += chunk;
          return;
        }
        // The line the carry began ends in this chunk.
        const head = chunk.slice(0, firstBreak);
        if (overlong || carryLength + head.length > MAX_LINE_CHARS) takeOverlong();
        else take([carry + head]);
        overlong = false;
        const last = chunk.lastIndexOf("\n");
        if (last > firstBreak) take(chunk.slice(firstBreak + 1, last).split("\n"));
        carry = chunk.slice(last + 1);
        carryLength = carry.length;
        if (carryLength > MAX_LINE_CHARS) {
          overlong = true;
          carry = "";
        }
      } catch (e) {
        reject(e);
      }
    });
    stdin.on("end", () => {
      try {
        if (overlong) takeOverlong();
        else if (carry !== "") take([carry]);
        carry = "";
        const text = out;
        out = "";
        stdout.write(text, (err?: Error | null) => (err ? reject(err) : resolve(0)));
      } catch (e) {
        reject(e);
      }
    });
    stdin.on("error", reject);
  });
}
