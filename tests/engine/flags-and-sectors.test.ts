/**
 * Spellings (五, 三（一）): every flag alias of src/policy/flags.ts and every town and park name is
 * accepted whatever its width or case, between each documented separator, and from a 2-D range;
 * every industry code of src/policy/sectors.ts means its sector, as text and as number.
 */
import { FLAG_BIT, parseClaim, parseFlags, parseSector } from "../../src/engine";
import { reward } from "../../src/functions/jy";
import { FLAGS, SECTORS, TOWNS, type FlagId, type SectorId } from "../../src/policy";

/** Half-width ASCII → full-width forms (Ａ, ，, －…), as an IME types them. */
const fullWidth = (text: string) => text.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const variants = (text: string) => [
  ["as written", text],
  ["upper case", text.toUpperCase()],
  ["lower case", text.toLowerCase()],
  ["full-width", fullWidth(text)],
  ["full-width upper case", fullWidth(text.toUpperCase())],
  ["padded", `  ${text}\t`],
];
/** RULES.md: commas (, ，), 、, semicolons (; ；), spaces; and line breaks inside a cell. */
const SEPARATORS = [",", "，", "、", ";", "；", " ", "\n", " ， "];

const FLAG_SPELLINGS: Array<[FlagId, string]> = (Object.keys(FLAGS) as FlagId[]).flatMap((id) => [id, ...FLAGS[id].aliases].map((a): [FlagId, string] => [id, a]));
const TOWN_SPELLINGS = TOWNS.flatMap((t) => [t.nameZh, ...t.aliases].map((a): [string, string] => [t.nameZh, a]));

/** A token that can stand beside any flag without conflicting with it. */
const companionOf = (id: FlagId) => (id === "EXCL_CAPACITY_SWAP" ? "沿江" : "产能置换");

describe.each(FLAG_SPELLINGS)("flag %s spelt “%s”", (id, alias) => {
  const bit = FLAG_BIT[id];
  const companion = companionOf(id);

  test.each(variants(alias))("%s", (_how, text) => {
    expect(parseFlags(text).bits).toBe(bit);
  });

  test.each(SEPARATORS.map((s) => [JSON.stringify(s), s]))("separated by %s", (_shown, sep) => {
    const bits = bit | FLAG_BIT[companionOf(id) === "沿江" ? "RIVERSIDE" : "EXCL_CAPACITY_SWAP"];
    expect(parseFlags(`${alias}${sep}${companion}`).bits).toBe(bits);
    expect(parseFlags(`${companion}${sep}${fullWidth(alias.toUpperCase())}`).bits).toBe(bits);
  });

  test("in a 2-D range: a column, a row, with blanks", () => {
    const other = FLAG_BIT[companion === "沿江" ? "RIVERSIDE" : "EXCL_CAPACITY_SWAP"];
    expect(parseFlags([[alias], [companion]]).bits).toBe(bit | other);
    expect(parseFlags([[null, alias, ""], [companion, null, null]]).bits).toBe(bit | other);
    expect(parseFlags([[fullWidth(alias)]]).bits).toBe(bit);
  });
});

describe.each(TOWN_SPELLINGS)("town %s spelt “%s”", (nameZh, alias) => {
  test.each(variants(alias))("%s: as a flag and as the place", (_how, text) => {
    expect(parseFlags(text).town?.nameZh).toBe(nameZh);
    expect(parseFlags(text, "place").town?.nameZh).toBe(nameZh);
  });
  test.each(SEPARATORS.map((s) => [JSON.stringify(s), s]))("beside a flag, separated by %s", (_shown, sep) => {
    const parsed = parseFlags(`铝加工${sep}${alias}`);
    expect(parsed).toEqual({ bits: FLAG_BIT.ALUMINIUM_DEEP_WELL, town: expect.objectContaining({ nameZh }) });
  });
  test("in a 2-D range", () => {
    expect(parseFlags([["铝加工"], [alias]]).town?.nameZh).toBe(nameZh);
  });
});

describe("parks as places: the park pays a foundry's reward (五（二）)", () => {
  const parkNames = (["ZONE_HIGHTECH", "ZONE_LINGANG"] as const).flatMap((id) => [id, ...FLAGS[id].aliases].map((a) => [id, a] as const));
  test.each(parkNames)("%s spelt “%s” as the place argument", (id, alias) => {
    for (const [, text] of variants(alias)) {
      expect(parseFlags(text, "place").bits).toBe(FLAG_BIT[id]);
      expect(parseClaim({ sector: "铸造", sales1: "1", sales2: "1", place: text }).flags).toBe(FLAG_BIT[id]);
    }
  });
  test("a park in the flags range changes who pays, through JY.REWARD's plain function", () => {
    expect(reward("铸造", 10_000_000, 10_000_000, [["ＨＩＧＨＴＥＣＨ"], ["华士"]])).toBe(300000);
  });
});

describe("industry codes (三（一）, GB/T 4754-2017)", () => {
  const CODES = (Object.keys(SECTORS) as SectorId[]).flatMap((id) => SECTORS[id].codes.map((code) => [code, id] as const));

  test("the policy names the codes RULES.md lists", () => {
    expect(CODES.filter(([, id]) => id === "chemical").map(([c]) => c)).toEqual(expect.arrayContaining(["251", "261", "262", "263", "264", "265", "266", "2614"]));
    expect(SECTORS.foundry.codes).toEqual(["3391", "3392"]);
    expect(SECTORS["thermal-power"].codes).toEqual(["4412"]);
    expect(SECTORS["printing-dyeing"].codes).toEqual(["1713", "1723", "1733", "1743", "1752", "1762"]);
  });

  test.each(CODES)("%s → %s, as text, number, padded, full-width and with its section letter", (code, id) => {
    expect(parseSector(code)).toBe(id);
    expect(parseSector(Number(code))).toBe(id);
    expect(parseSector(` ${code} `)).toBe(id);
    expect(parseSector(fullWidth(code))).toBe(id);
    expect(parseSector(`C${code}`)).toBe(id);
    expect(parseSector([[Number(code)]])).toBe(id);
  });

  test.each(["3311", "1311", "4411", "2710", 3311])("any other well-formed class (%s) is another sector, not covered", (code) => {
    expect(parseSector(code)).toBe("other");
  });

  test.each((Object.keys(SECTORS) as SectorId[]).flatMap((id) => [SECTORS[id].nameZh, SECTORS[id].nameEn, id, ...SECTORS[id].aliases].map((n) => [n, id] as const)))(
    "the name “%s” → %s in any case and width",
    (name, id) => {
      for (const [, text] of variants(name)) expect(parseSector(text)).toBe(id);
    },
  );
});
