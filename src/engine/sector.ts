/**
 * Reads the sector (三（一）): a name in Chinese or English, or a GB/T 4754-2017 industry code as
 * text or number (RULES.md). A code is refused rather than guessed when it is too broad to decide
 * (a division or group that holds a named class besides others) or sits in a chemical group but
 * is no class of the standard.
 */
import { CHEMICAL_GROUPS, POLICY, SECTORS, type Policy, type SectorId } from "../policy";
import { badArgument, errorValueText, isErrorValue } from "./errors";
import { keyedLookup, matchKey, memo, quote } from "./text";

const BY_NAME = keyedLookup<SectorId>(
  Object.values(SECTORS).map((s) => [[s.id, s.nameZh, s.nameEn, ...s.aliases], s.id]),
);

/** 铸造业, 化工行业, 热电企业: a sector's name with the suffix staff add to it. */
const SUFFIXES = ["行业", "企业", "产业", "业"];
const SUFFIX = /(?:行业|企业|产业|业)$/;

function withoutSuffix(key: string): SectorId | undefined {
  for (const suffix of SUFFIXES) {
    if (key.length > suffix.length && key.endsWith(suffix)) {
      const found = BY_NAME.get(key.slice(0, -suffix.length));
      if (found) return found;
    }
  }
  return undefined;
}

const BY_CODE = new Map<string, SectorId>();
for (const sector of Object.values(SECTORS)) for (const code of sector.codes) BY_CODE.set(code, sector.id);
const NAMED_CODES = [...BY_CODE.keys()];

/** How help and messages name what a sector argument accepts, from the policy's sectors. */
export function acceptedSectors(policy: Policy = POLICY): { zh: string; en: string; examples: string[] } {
  const sectors = Object.values(policy.sectors);
  const examples = sectors.flatMap((s) => (s.exampleCode ? [s.exampleCode] : []));
  return {
    zh: `${sectors.map((s) => s.nameZh).join("、")}，或国民经济行业分类（GB/T 4754-2017）中类、小类代码（如 ${examples.join("、")}）`,
    en: `${sectors.map((s) => `${s.nameZh} ${s.nameEn}`).join(", ")}, or a GB/T 4754-2017 group or class code (e.g. ${examples.join(", ")})`,
    examples,
  };
}
const { zh: ACCEPTED_ZH, en: ACCEPTED_EN } = acceptedSectors();

function fromCode(code: string, shown: string): SectorId {
  const named = BY_CODE.get(code);
  if (named) return named;
  if (code.length === 4 && CHEMICAL_GROUPS.includes(code.slice(0, 3))) {
    const classes = SECTORS.chemical.codes.filter((c) => c.length === 4 && c.startsWith(code.slice(0, 3)));
    throw badArgument(
      "sector",
      `${shown} 不是 GB/T 4754-2017 中类 ${code.slice(0, 3)} 下的小类（该中类的小类：${classes.join("、")}）`,
      `${shown} is not a class of group ${code.slice(0, 3)} in GB/T 4754-2017 (its classes: ${classes.join(", ")})`,
    );
  }
  const inside = NAMED_CODES.filter((c) => c.length > code.length && c.startsWith(code) && !(c.length === 4 && BY_CODE.has(c.slice(0, 3))));
  if (inside.length > 0) {
    // GB/T 4754 levels: 3 digits a 中类 (group), 4 digits a 小类 (class).
    const examples = inside.slice(0, 4);
    const lengths = new Set(examples.map((c) => c.length));
    const levelZh = lengths.size > 1 ? "中类或小类" : lengths.has(3) ? "中类" : "小类";
    const levelEn = lengths.size > 1 ? "the group or class" : lengths.has(3) ? "the group" : "the class";
    throw badArgument(
      "sector",
      `行业代码 ${shown} 范围过宽，无法判断是否属于本意见所列行业，请填写到${levelZh}（如 ${examples.join("、")}）`,
      `industry code ${shown} is too broad to tell whether the policy covers it; give ${levelEn} (e.g. ${examples.join(", ")})`,
    );
  }
  return "other";
}

function fromText(raw: string): SectorId {
  const key = matchKey(raw);
  if (key === "") throw blank();
  const named = BY_NAME.get(key) ?? withoutSuffix(key);
  if (named) return named;
  // A GB/T 4754 code, optionally after its section letter (C2614).
  const code = /^[a-t]?(\d{2,4})$/.exec(key);
  if (code) return fromCode(code[1], raw.trim());
  throw badArgument("sector", `无法识别 ${quote(raw)}，应为${ACCEPTED_ZH}`, `${quote(raw)} is not a sector; expected ${ACCEPTED_EN}`);
}

const fromTextMemo = memo(fromText);

function blank() {
  return badArgument("sector", `为空，应为${ACCEPTED_ZH}`, `is blank; expected ${ACCEPTED_EN}`);
}

/** Reads a sector argument. */
export function parseSector(value: unknown): SectorId {
  if (typeof value === "string") return fromTextMemo(value);
  if (typeof value === "number") {
    if (Number.isInteger(value) && value >= 10 && value <= 9999) return fromCode(String(value), String(value));
    throw badArgument("sector", `${quote(value)} 不是行业代码，应为${ACCEPTED_ZH}`, `${quote(value)} is not an industry code; expected ${ACCEPTED_EN}`);
  }
  if (value === null || value === undefined) throw blank();
  if (Array.isArray(value)) {
    if (value.length === 1 && Array.isArray(value[0]) && value[0].length === 1) return parseSector(value[0][0]);
    throw badArgument("sector", "应为单个单元格，而不是区域", "expected one cell, not a range");
  }
  if (isErrorValue(value)) {
    throw badArgument("sector", `单元格为错误值 ${errorValueText(value)}`, `the cell holds the error ${errorValueText(value)}`);
  }
  throw badArgument("sector", `无法识别 ${quote(value)}，应为${ACCEPTED_ZH}`, `${quote(value)} is not a sector; expected ${ACCEPTED_EN}`);
}

/**
 * Every spelling of a sector the reader accepts that can be listed (names, aliases, their 业 /
 * 行业 / 企业 forms, the named GB/T 4754 codes, with and without the section letter), each with
 * the sector's Chinese name: the 资金统计 sheet groups by it. A code outside the named ones is
 * read as 其它 by parseSector but cannot be listed.
 */
export function sectorSpellings(policy: Policy = POLICY): Array<[spelling: string, nameZh: string]> {
  const out = new Map<string, string>();
  for (const s of Object.values(policy.sectors)) {
    for (const name of [s.nameZh, s.nameEn, ...s.aliases]) {
      out.set(name, s.nameZh);
      if (/[\u4e00-\u9fff]$/.test(name) && !SUFFIX.test(name)) for (const suffix of ["业", "行业", "企业"]) out.set(name + suffix, s.nameZh);
    }
    const letter = s.codes.length > 0 ? (s.codes[0].startsWith("44") ? "D" : "C") : "";
    for (const code of s.codes) {
      out.set(code, s.nameZh);
      out.set(letter + code, s.nameZh);
    }
  }
  return [...out.entries()];
}
