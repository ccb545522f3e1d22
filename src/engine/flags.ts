/**
 * Reads the flags argument (五): tokens in one text or in a range of cells, separated by commas,
 * 、, semicolons, spaces or line breaks. A token may also be a place (a town, or a park that is a
 * ZONE_* flag), so a register's town / park column can be passed as it is.
 */
import { FLAGS, POLICY, type FlagId, type Policy, type Town } from "../policy";
import { badArgument, errorValueText, isErrorValue, type ArgumentName } from "./errors";
import { keyedLookup, matchKey, memo, quote } from "./text";

/** Flags kept as a bit set: a claim is assessed per cell, so no Set is built on that path. */
export const FLAG_BIT = Object.fromEntries(Object.keys(FLAGS).map((id, i) => [id, 1 << i])) as Record<FlagId, number>;

export const hasFlag = (bits: number, id: FlagId): boolean => (bits & FLAG_BIT[id]) !== 0;

export function flagIds(bits: number): FlagId[] {
  return (Object.keys(FLAG_BIT) as FlagId[]).filter((id) => hasFlag(bits, id));
}

export const EXCLUSION_BITS = (Object.keys(FLAGS) as FlagId[])
  .filter((id) => FLAGS[id].kind === "exclusion")
  .reduce((bits, id) => bits | FLAG_BIT[id], 0);
export const ZONE_BITS = FLAG_BIT.ZONE_HIGHTECH | FLAG_BIT.ZONE_LINGANG;

type Token = { flag: FlagId } | { town: Town };

const SEPARATORS = /[,，、;；\s]+/;

export interface ParsedFlags {
  bits: number;
  town: Town | null;
}

const NONE: ParsedFlags = Object.freeze({ bits: 0, town: null });

/** What a policy's flags and towns read as: its tokens, and the accepted spellings for messages. */
interface Vocabulary {
  flags: Policy["flags"];
  tokens: Map<string, Token>;
  acceptedZh: string;
  acceptedEn: string;
}
interface Reader extends Vocabulary {
  parseText: Record<"flags" | "place", (text: string) => ParsedFlags>;
}

// One reader per policy value (the policy is data, never changed in place).
const readers = new WeakMap<Policy, Reader>();

function readerOf(policy: Policy): Reader {
  let r = readers.get(policy);
  if (!r) {
    const words: Vocabulary = {
      flags: policy.flags,
      tokens: keyedLookup<Token>([
        ...Object.values(policy.flags).map((f): [string[], Token] => [[f.id, ...f.aliases], { flag: f.id }]),
        ...policy.towns.map((t): [string[], Token] => [[t.nameZh, ...t.aliases], { town: t }]),
      ]),
      acceptedZh: Object.values(policy.flags).map((f) => f.aliases[0]).join("、"),
      acceptedEn: Object.values(policy.flags).map((f) => f.aliases.find((a) => /^[a-z]/.test(a))).join(", "),
    };
    r = { ...words, parseText: { flags: parseText("flags", words), place: parseText("place", words) } };
    readers.set(policy, r);
  }
  return r;
}

/** Where in a range a token stood, for messages; empty for a single text. */
interface Where {
  zh: string;
  en: string;
}
const NOWHERE: Where = { zh: "", en: "" };

function cellWhere(row: number, col: number): Where {
  return { zh: `区域第${row + 1}行第${col + 1}列：`, en: `range row ${row + 1}, column ${col + 1}: ` };
}

function unknownToken(argument: ArgumentName, token: string, where: Where, reader: Vocabulary) {
  if (argument === "place") {
    return badArgument(
      argument,
      `${where.zh}无法识别地点 ${quote(token)}，应为江阴市的镇、街道（如 华士镇、澄江街道）或 高新区、临港经济开发区`,
      `${where.en}${quote(token)} is not a place; expected a town or subdistrict of Jiangyin (e.g. 华士镇 Huashi) or 高新区 / 临港 (hightech / lingang)`,
    );
  }
  return badArgument(
    argument,
    `${where.zh}无法识别 ${quote(token)}；可用标记：${reader.acceptedZh}，以及镇街园区名称`,
    `${where.en}unknown flag ${quote(token)}; accepted: ${reader.acceptedEn}, or a town / park name`,
  );
}

/** Adds the tokens of one text to `into`. */
function addText(text: string, argument: ArgumentName, where: Where, into: ParsedFlags, reader: Vocabulary): void {
  for (const token of text.normalize("NFKC").split(SEPARATORS)) {
    if (token === "") continue;
    const found = reader.tokens.get(matchKey(token));
    if (!found) throw unknownToken(argument, token, where, reader);
    if (argument === "place" && "flag" in found && reader.flags[found.flag].kind !== "zone") {
      throw unknownToken(argument, token, where, reader);
    }
    if ("flag" in found) into.bits |= FLAG_BIT[found.flag];
    else if (into.town && into.town !== found.town) {
      throw badArgument(
        argument,
        `${where.zh}同时写了两个镇街：${into.town.nameZh}、${found.town.nameZh}，一家企业只属于一个镇街`,
        `${where.en}names two towns, ${into.town.nameEn} and ${found.town.nameEn}; an enterprise is in one`,
      );
    } else into.town = found.town;
  }
}

function checkZones(parsed: ParsedFlags, argument: ArgumentName): ParsedFlags {
  if ((parsed.bits & ZONE_BITS) === ZONE_BITS) {
    throw badArgument(
      argument,
      "同时标记了高新区和临港经济开发区，一家企业只属于一个园区",
      "marks both the High-tech Zone and Lingang; an enterprise is in one park",
    );
  }
  return parsed;
}

const parseText = (argument: ArgumentName, reader: Vocabulary) =>
  memo((text: string): ParsedFlags => {
    const parsed = { bits: 0, town: null };
    addText(text, argument, NOWHERE, parsed, reader);
    return Object.freeze(checkZones(parsed, argument));
  });

/**
 * Reads flags (or a place, with argument "place") from a text, a blank, or a 2-D range of cells.
 * Numbers, logical values and error values are refused with the cell they stood in.
 */
export function parseFlags(value: unknown, argument: "flags" | "place" = "flags", policy: Policy = POLICY): ParsedFlags {
  if (value === null || value === undefined || value === "") return NONE;
  const reader = readerOf(policy);
  if (typeof value === "string") return reader.parseText[argument](value);
  if (!Array.isArray(value)) return parseCells([[value]], argument, false, reader);
  return parseCells(value as unknown[][], argument, true, reader);
}

function parseCells(rows: unknown[][], argument: ArgumentName, isRange: boolean, reader: Vocabulary): ParsedFlags {
  const parsed: ParsedFlags = { bits: 0, town: null };
  rows.forEach((row, r) => {
    const cells = Array.isArray(row) ? row : [row];
    cells.forEach((cell, c) => {
      const where = isRange ? cellWhere(r, c) : NOWHERE;
      if (cell === null || cell === undefined || cell === "") return;
      if (typeof cell === "string") return addText(cell, argument, where, parsed, reader);
      if (isErrorValue(cell)) {
        throw badArgument(argument, `${where.zh}单元格为错误值 ${errorValueText(cell)}`, `${where.en}the cell holds the error ${errorValueText(cell)}`);
      }
      throw badArgument(argument, `${where.zh}应为文字标记，收到 ${quote(cell)}`, `${where.en}expected a text flag, got ${quote(cell)}`);
    });
  });
  return checkZones(parsed, argument);
}
