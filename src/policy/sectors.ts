/**
 * Sectors named by 三（一） and how a register may write them: a name (Chinese or English) or a
 * GB/T 4754-2017 industry code.
 */
import type { ClauseId } from "./clauses";

export type SectorId = "chemical" | "foundry" | "thermal-power" | "printing-dyeing" | "other";

export interface Sector {
  id: SectorId;
  nameZh: string;
  nameEn: string;
  /** Where the sector is named. */
  clause: ClauseId;
  /** Where its reward is set; null when this document sets none. */
  rewardClause: ClauseId | null;
  /** For sectors this document does not compute: the document that governs them. */
  governedByZh?: string;
  governedByEn?: string;
  /** Names accepted besides nameZh / nameEn (matched case- and width-insensitively). */
  aliases: string[];
  /** GB/T 4754-2017 codes (groups and classes) that mean this sector. */
  codes: string[];
  /** The code help texts give as an example, when the sector has codes. */
  exampleCode?: string;
}

export const SECTORS: Record<SectorId, Sector> = {
  chemical: {
    id: "chemical",
    nameZh: "化工",
    nameEn: "chemical",
    clause: "三（一）1",
    rewardClause: "五（一）",
    aliases: ["化工行业", "化工企业", "化学", "chemicals", "chemistry"],
    // 三（一）1: "行业代码251、261—266"; the 4-digit classes are those GB/T 4754-2017 defines in them.
    codes: [
      "251", "2511", "2519",
      "261", "2611", "2612", "2613", "2614", "2619",
      "262", "2621", "2622", "2623", "2624", "2625", "2629",
      "263", "2631", "2632",
      "264", "2641", "2642", "2643", "2644", "2645", "2646",
      "265", "2651", "2652", "2653", "2659",
      "266", "2661", "2662", "2663", "2664", "2665", "2666", "2667", "2669",
    ],
    exampleCode: "2614",
  },
  foundry: {
    id: "foundry",
    nameZh: "铸造",
    nameEn: "foundry",
    clause: "三（一）2",
    rewardClause: "五（二）",
    aliases: ["铸造行业", "铸造企业", "foundries", "casting"],
    codes: ["3391", "3392"],
    exampleCode: "3391",
  },
  "thermal-power": {
    id: "thermal-power",
    nameZh: "热电",
    nameEn: "thermal power",
    clause: "三（一）3",
    rewardClause: "五（三）",
    governedByZh: "《关于印发鼓励支持小热电企业整合关停的实施意见》（澄政发〔2020〕9号）",
    governedByEn: "Cheng Zheng Fa [2020] No. 9 (integration and closure of small thermal power plants)",
    aliases: ["热电行业", "热电联产", "thermal-power", "thermalpower", "thermal"],
    codes: ["4412"],
  },
  "printing-dyeing": {
    id: "printing-dyeing",
    nameZh: "印染",
    nameEn: "printing & dyeing",
    clause: "三（一）4",
    rewardClause: null,
    governedByZh: "江阴市印染行业整合相关政策",
    governedByEn: "the city's printing and dyeing consolidation policy",
    aliases: ["印染行业", "printing and dyeing", "printing-dyeing", "printing&dyeing", "dyeing"],
    codes: ["1713", "1723", "1733", "1743", "1752", "1762"],
  },
  other: {
    id: "other",
    nameZh: "其他",
    nameEn: "other",
    clause: "三（一）5",
    rewardClause: null,
    governedByZh: "江苏省、无锡市对相关行业的工作部署（本意见未规定奖励标准）",
    governedByEn: "the province's and Wuxi's arrangements for that industry (this document sets no reward)",
    // 三（一）5: industries the document names no reward for, as registers write them.
    aliases: [
      "其它", "其它行业", "其他行业", "others",
      "纺织", "电镀", "建材", "水泥", "造纸", "玻璃", "陶瓷", "化纤", "化学纤维", "服装", "皮革", "机械", "机械制造", "电子", "印刷", "有色金属", "金属制品", "塑料", "橡胶", "家具", "食品",
      "textile", "textiles", "electroplating", "building materials", "cement", "paper", "glass", "ceramics", "machinery",
    ],
    codes: [],
  },
};

/** Sectors for which this document sets an amount. */
export const COVERED_SECTORS: SectorId[] = ["chemical", "foundry"];

/**
 * GB/T 4754-2017 groups (3 digits) whose classes name the chemical sector. A 4-digit code inside
 * them that the standard does not define is refused rather than guessed (see engine/sector.ts).
 */
export const CHEMICAL_GROUPS = ["251", "261", "262", "263", "264", "265", "266"];
