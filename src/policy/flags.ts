/** Flags: facts about a claim that change its amount, its payer or its eligibility (五). */
import type { ClauseId } from "./clauses";

export type FlagId =
  | "ALUMINIUM_DEEP_WELL"
  | "ZONE_HIGHTECH"
  | "ZONE_LINGANG"
  | "RIVERSIDE"
  | "EXCL_ILLEGAL_NEW"
  | "EXCL_STEEL_CUT"
  | "EXCL_CAPACITY_SWAP"
  | "EXCL_RELOCATED";

export type FlagKind = "rate" | "zone" | "riverside" | "exclusion";

export interface Flag {
  id: FlagId;
  kind: FlagKind;
  clause: ClauseId;
  labelZh: string;
  labelEn: string;
  /** Accepted spellings besides the id (matched case-, width- and hyphen-insensitively). */
  aliases: string[];
  quoteZh: string;
}

export const FLAGS: Record<FlagId, Flag> = {
  ALUMINIUM_DEEP_WELL: {
    id: "ALUMINIUM_DEEP_WELL",
    kind: "rate",
    clause: "五（二）",
    labelZh: "铝加工（深井铸造）",
    labelEn: "aluminium deep-well casting",
    aliases: ["铝加工", "深井铸造", "铝加工（深井铸造）", "铝加工深井铸造", "aluminium", "aluminum", "deep-well", "aluminium-deep-well", "aluminum-deep-well"],
    quoteZh: "关闭退出的铸造行业的铝加工（深井铸造）企业……平均值的2%给予奖励",
  },
  ZONE_HIGHTECH: {
    id: "ZONE_HIGHTECH",
    kind: "zone",
    clause: "五（二）",
    labelZh: "高新区",
    labelEn: "High-tech Zone",
    aliases: ["高新区", "江阴高新区", "高新技术产业开发区", "江阴高新技术产业开发区", "hightech", "high-tech", "hightech-zone", "high-tech-zone"],
    quoteZh: "高新区、临港经济开发区关闭退出的企业奖励资金由开放园区财政全额承担",
  },
  ZONE_LINGANG: {
    id: "ZONE_LINGANG",
    kind: "zone",
    clause: "五（二）",
    labelZh: "临港经济开发区",
    labelEn: "Lingang Economic Development Zone",
    aliases: ["临港", "临港经济开发区", "临港开发区", "江阴临港经济开发区", "lingang", "lingang-zone"],
    quoteZh: "高新区、临港经济开发区关闭退出的企业奖励资金由开放园区财政全额承担",
  },
  RIVERSIDE: {
    id: "RIVERSIDE",
    kind: "riverside",
    clause: "五（一）",
    labelZh: "沿长江1公里环境敏感区",
    labelEn: "riverside environmentally sensitive area",
    aliases: ["沿江", "沿长江1公里", "沿长江一公里", "环境敏感区", "riverside"],
    quoteZh:
      "沿长江1公里范围内且在化工园区外的环境敏感区化工生产企业关闭退出的，可以在奖励的基础上，采用市政府“一事一议”方式另行给予一定额度的补偿，补偿资金不超过上级给予环境敏感区化工生产企业关闭退出定向拨付的专项资金",
  },
  EXCL_ILLEGAL_NEW: {
    id: "EXCL_ILLEGAL_NEW",
    kind: "exclusion",
    clause: "五（五）",
    labelZh: "违法违规新增产能",
    labelEn: "capacity added illegally",
    aliases: ["违规新增", "违法违规新增产能", "违法违规新增", "illegal-new", "illegal"],
    quoteZh: "在国务院印发《打赢蓝天保卫战三年行动计划》（国发〔2018〕22号）明确严禁新增……产能的规定后，违法违规新增的产能",
  },
  EXCL_STEEL_CUT: {
    id: "EXCL_STEEL_CUT",
    kind: "exclusion",
    clause: "五（五）",
    labelZh: "钢铁去产能、打击“地条钢”停用拆除的感应炉",
    labelEn: "induction furnaces removed under steel capacity cuts / 'ditiao' steel crackdown",
    aliases: ["地条钢", "感应炉", "钢铁去产能", "steel-cut", "steel"],
    quoteZh: "因涉嫌钢铁去产能、打击“地条钢”的原因被停用、拆除的感应炉及其他金属熔炼设备",
  },
  EXCL_CAPACITY_SWAP: {
    id: "EXCL_CAPACITY_SWAP",
    kind: "exclusion",
    clause: "五（五）",
    labelZh: "因产能置换退出",
    labelEn: "exit under a capacity swap",
    aliases: ["产能置换", "capacity-swap", "swap"],
    quoteZh: "因产能置换的退出的铸造企业及相关产能",
  },
  EXCL_RELOCATED: {
    id: "EXCL_RELOCATED",
    kind: "exclusion",
    clause: "五（五）",
    labelZh: "搬迁入园",
    labelEn: "relocated into an industrial park",
    aliases: ["搬迁入园", "relocated", "relocation"],
    quoteZh: "搬迁入园的企业",
  },
};

export const FLAG_IDS = Object.keys(FLAGS) as FlagId[];
