/**
 * The figures of the policy as data (OpenFisca-style): every threshold, rate, floor, cap and split
 * ratio with the clause it comes from. Money is in 元 as exact decimal strings; rates are whole
 * percents so the engine can compute in exact integers.
 */
import type { ClauseId } from "./clauses";

export interface Parameter<T> {
  value: T;
  clause: ClauseId;
  /** The words of the clause that fix this value. */
  quoteZh: string;
}

/** One slice of a cumulative (分段累计) scale: `rate` percent of the base between `from` and `upTo`. */
export interface ScaleSlice {
  /** Lower bound of the slice, 元 (exclusive, except 0). */
  from: string;
  /** Upper bound of the slice, 元 (inclusive); null for the top slice. */
  upTo: string | null;
  /** Whole percent. */
  ratePercent: number;
  quoteZh: string;
}

export interface SectorReward {
  clause: ClauseId;
  /** The marginal scale applied to the base. */
  scale: ScaleSlice[];
  /** Reward below this is raised to it (补足), 元. */
  floor: Parameter<string>;
  /** Reward above this is cut to it, 元. */
  cap: Parameter<string>;
  /** Share the city's finance pays, whole percent; the rest is the town's. */
  cityPercent: Parameter<number>;
  /** Whether an enterprise in 高新区 / 临港 is paid wholly by the park's finance. */
  parkPaysInZones: Parameter<boolean>;
}

/** 五（一）: chemical enterprises, tiered cumulative 8% / 5% / 3%, paid wholly by the city. */
export const CHEMICAL: SectorReward = {
  clause: "五（一）",
  scale: [
    { from: "0", upTo: "100000000", ratePercent: 8, quoteZh: "开票销售1亿元（含）以下的，按销售额的8%奖励" },
    { from: "100000000", upTo: "500000000", ratePercent: 5, quoteZh: "1亿元—5亿元（含）的，按销售额的5%奖励" },
    { from: "500000000", upTo: null, ratePercent: 3, quoteZh: "5亿元以上的，按销售额的3%奖励" },
  ],
  floor: { value: "50000", clause: "五（一）", quoteZh: "对奖励金额不足5万元的按5万元补足" },
  cap: { value: "50000000", clause: "五（一）", quoteZh: "每家企业奖励金额不超过5000万元" },
  cityPercent: { value: 100, clause: "五（一）", quoteZh: "奖励资金由市财政全额承担" },
  // Decision (RULES.md): the park rule sits inside 五（二）, so a chemical enterprise in a park is
  // still paid by the city.
  parkPaysInZones: { value: false, clause: "五（一）", quoteZh: "奖励资金由市财政全额承担" },
};

/** 五（二）: foundries, 3% of the base (aluminium deep-well casting 2%), city 70% / town 30%. */
export const FOUNDRY: SectorReward = {
  clause: "五（二）",
  scale: [
    {
      from: "0",
      upTo: null,
      ratePercent: 3,
      quoteZh: "按企业关闭退出当年的前两年所涉关停产品生产开票销售额（不含税）平均值的3%给予奖励",
    },
  ],
  floor: { value: "50000", clause: "五（二）", quoteZh: "单个企业奖励金额不足5万元的，由市、镇财政按上述比例补足5万元下拨" },
  cap: { value: "2000000", clause: "五（二）", quoteZh: "每家企业奖励金额不超过200万元" },
  cityPercent: { value: 70, clause: "五（二）", quoteZh: "其中市级财政承担70%，镇级财政承担30%" },
  parkPaysInZones: {
    value: true,
    clause: "五（二）",
    quoteZh: "高新区、临港经济开发区关闭退出的企业奖励资金由开放园区财政全额承担",
  },
};

/** 五（二）: the aluminium deep-well casting rate replaces the foundry rate. */
export const ALUMINIUM_DEEP_WELL_RATE: Parameter<number> = {
  value: 2,
  clause: "五（二）",
  quoteZh: "关闭退出的铸造行业的铝加工（深井铸造）企业……平均值的2%给予奖励",
};

/** 五（二）: a foundry in these parks is paid wholly by the park's finance. */
export const PARK_PAYS_ALL: Parameter<true> = {
  value: true,
  clause: "五（二）",
  quoteZh: "高新区、临港经济开发区关闭退出的企业奖励资金由开放园区财政全额承担",
};

/** 五（一）（二）: the base is the average of the two years before the exit year. */
export const BASE_YEARS: Parameter<number> = {
  value: 2,
  clause: "五（一）",
  quoteZh: "根据企业关闭退出当年的前两年所涉关停产品生产开票销售额（不含税）的平均值",
};

/**
 * Largest yearly sales the engine accepts, 元 (10万亿元, beyond any enterprise's sales). Within it
 * every amount fits exact integer 分 arithmetic in a double (see engine/amounts.ts).
 */
export const MAX_SALES_YUAN = "10000000000000";
