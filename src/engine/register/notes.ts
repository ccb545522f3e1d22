/**
 * Free text read, never trusted silently: a 备注 / 说明 / 情况说明 cell that mentions a flag's words
 * (产能置换, 深井铸造, 高新区, …) the 标记 column does not carry is a 需核实 finding on that row. The
 * amount stays what the structured columns give: a note may say "非产能置换" or "原为高新区",
 * which only the officer can tell apart.
 */
import { ALUMINIUM_DEEP_WELL_RATE, FLAGS, FOUNDRY, type Flag, type FlagId } from "../../policy";
import { matchKey } from "../text";

export interface NoteMention {
  flag: FlagId;
  /** The words found, as the flag's aliases spell them. */
  words: string[];
}

/** Chinese aliases are looked for inside the text; Latin ones only as whole words. */
const WORDS: Array<{ flag: FlagId; word: string; key: string; latin: boolean }> = Object.values(FLAGS)
  .flatMap((f) => [f.labelZh, ...f.aliases].map((word) => ({ flag: f.id, word, key: matchKey(word), latin: !/[\u4e00-\u9fff]/.test(word) })))
  .filter((w) => w.key.length >= 2)
  // Longest first, so "铝加工（深井铸造）" is named rather than its parts.
  .sort((a, b) => b.key.length - a.key.length);

/** The flags a note's text mentions, each with the words found. */
export function noteMentions(text: string): NoteMention[] {
  const key = matchKey(text);
  if (key === "") return [];
  const words = new Map<FlagId, string[]>();
  let rest = key;
  for (const w of WORDS) {
    const hit = w.latin ? new RegExp(`(^|[^a-z])${w.key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}($|[^a-z])`).test(rest) : rest.includes(w.key);
    if (!hit) continue;
    const found = words.get(w.flag) ?? [];
    found.push(w.word);
    words.set(w.flag, found);
    // A longer alias found hides its parts (深井铸造 inside 铝加工深井铸造).
    rest = rest.split(w.key).join("|");
  }
  return [...words.entries()].map(([flag, found]) => ({ flag, words: found }));
}

const percent = (n: number) => `${n}%`;

/** What the flag would change, in the reader's words. */
export function flagEffect(flag: Flag, word = flag.labelZh): { zh: string; en: string } {
  switch (flag.kind) {
    case "exclusion":
      return { zh: `如属${word}${word.endsWith("退出") ? "" : "退出"}，不列入奖补`, en: `if this exit is a case of ${flag.labelEn}, it is outside the reward` };
    case "rate": {
      const rate = percent(ALUMINIUM_DEEP_WELL_RATE.value);
      const normal = percent(FOUNDRY.scale[0].ratePercent);
      return { zh: `如属${flag.labelZh}，奖励按 ${rate}（而非 ${normal}）计算`, en: `if it is ${flag.labelEn}, the reward is ${rate} (not ${normal}) of the base` };
    }
    case "zone":
      return { zh: `如位于${flag.labelZh}，铸造企业奖励由园区财政全额承担`, en: `if it is in the ${flag.labelEn}, a foundry's reward is paid wholly by the park's finance` };
    case "riverside":
      return { zh: `如属${flag.labelZh}化工企业，可另行“一事一议”补偿`, en: `if it is a chemical plant in the ${flag.labelEn}, extra compensation may be decided case by case` };
  }
}
