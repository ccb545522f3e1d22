/**
 * The clauses of 江阴市人民政府《关于深入推进落后产能退出工作的实施意见》 that the product cites.
 * Ids use the document's own numbering (`五（一）` is section 五, item （一）); the text is quoted
 * from the document so the pane and JY.DETAIL can show the sentence behind every figure.
 */
export const POLICY_TITLE_ZH = "江阴市人民政府《关于深入推进落后产能退出工作的实施意见》";
export const POLICY_TITLE_EN =
  "Jiangyin Municipal Government, Opinions on Further Advancing the Exit of Backward Production Capacity";

export type ClauseId =
  | "三（一）1"
  | "三（一）2"
  | "三（一）3"
  | "三（一）4"
  | "三（一）5"
  | "四（一）"
  | "四（二）"
  | "四（三）"
  | "五（一）"
  | "五（二）"
  | "五（三）"
  | "五（五）"
  | "五（六）"
  | "七";

export interface Clause {
  id: ClauseId;
  /** Short title, Chinese and English. */
  titleZh: string;
  titleEn: string;
  /** The clause as the document says it (Chinese). */
  textZh: string;
}

export const CLAUSES: Record<ClauseId, Clause> = {
  "三（一）1": {
    id: "三（一）1",
    titleZh: "化工行业",
    titleEn: "Chemical industry",
    textZh:
      "化工行业：重点围绕纳入省化工产业安全环保整治提升底单管理的化工生产企业（行业代码251、261—266）。",
  },
  "三（一）2": {
    id: "三（一）2",
    titleZh: "铸造行业",
    titleEn: "Foundry industry",
    textZh:
      "铸造行业：依据国家发改委制定下发《产业结构调整指导目录（2019年本）》，对属于限制类的企业予以整治，对属于淘汰类或耗能、排放不达标或存在重大安全隐患的企业依法依规关闭退出。",
  },
  "三（一）3": {
    id: "三（一）3",
    titleZh: "热电行业",
    titleEn: "Thermal power",
    textZh: "热电行业：加快推进全市热电企业整合工作。按照以大代小、减排提效的原则，重点对现有小热电企业开展整合替代，逐步减少热电企业数量。",
  },
  "三（一）4": {
    id: "三（一）4",
    titleZh: "印染行业",
    titleEn: "Printing and dyeing",
    textZh: "印染行业：按照市印染行业整合相关政策实施。",
  },
  "三（一）5": {
    id: "三（一）5",
    titleZh: "其他行业",
    titleEn: "Other industries",
    textZh: "其它行业：根据江苏省、无锡市工作部署，需要重点整治的行业。",
  },
  "四（一）": {
    id: "四（一）",
    titleZh: "制定计划",
    titleEn: "Plan",
    textZh:
      "各镇街园区要……及时制定上报整治计划，明确完成时限，按月度节点督导推进，要求每年4月底前将整治计划报市淘汰落后产能工作领导小组办公室（以下简称市淘汰办）。",
  },
  "四（二）": {
    id: "四（二）",
    titleZh: "组织推进",
    titleEn: "Implementation",
    textZh: "对于列入关闭退出的企业要安全可控到位、停产到位、设备拆除到位、关停档案填报到位。",
  },
  "四（三）": {
    id: "四（三）",
    titleZh: "考核验收",
    titleEn: "Acceptance",
    textZh:
      "各牵头单位组织市领导小组相关成员单位对各镇街园区落后产能退出工作按标准进行集中考核验收，对符合奖补条件的关闭退出企业实施奖励。要求11月底前完成关停档案填报、现场验收，次年10月底前完成奖励工作。",
  },
  "五（一）": {
    id: "五（一）",
    titleZh: "化工企业奖励",
    titleEn: "Reward for chemical enterprises",
    textZh:
      "关闭退出的化工生产企业，当年停产、拆除设备并通过验收后，根据企业关闭退出当年的前两年所涉关停产品生产开票销售额（不含税）的平均值，原则上按不同百分比分段累计的计算方式给予奖励，开票销售1亿元（含）以下的，按销售额的8%奖励；1亿元—5亿元（含）的，按销售额的5%奖励；5亿元以上的，按销售额的3%奖励；对奖励金额不足5万元的按5万元补足；每家企业奖励金额不超过5000万元。沿长江1公里范围内且在化工园区外的环境敏感区化工生产企业关闭退出的，可以在奖励的基础上，采用市政府“一事一议”方式另行给予一定额度的补偿，补偿资金不超过上级给予环境敏感区化工生产企业关闭退出定向拨付的专项资金。奖励资金由市财政全额承担。",
  },
  "五（二）": {
    id: "五（二）",
    titleZh: "铸造企业奖励",
    titleEn: "Reward for foundries",
    textZh:
      "关闭退出的铸造行业企业，当年停产、拆除设备并通过验收后，原则上按企业关闭退出当年的前两年所涉关停产品生产开票销售额（不含税）平均值的3%给予奖励，其中市级财政承担70%，镇级财政承担30%。关闭退出的铸造行业的铝加工（深井铸造）企业……平均值的2%给予奖励，其中市级财政承担70%，镇级财政承担30%。单个企业奖励金额不足5万元的，由市、镇财政按上述比例补足5万元下拨。高新区、临港经济开发区关闭退出的企业奖励资金由开放园区财政全额承担。每家企业奖励金额不超过200万元。",
  },
  "五（三）": {
    id: "五（三）",
    titleZh: "热电企业",
    titleEn: "Thermal power enterprises",
    textZh: "整合关停后的热电行业企业，按照《关于印发鼓励支持小热电企业整合关停的实施意见》（澄政发〔2020〕9号）文件奖励政策执行。",
  },
  "五（五）": {
    id: "五（五）",
    titleZh: "不列入奖补范围的情形",
    titleEn: "Excluded from the reward",
    textZh:
      "下列情况不列入本意见规定的奖补范围。在国务院印发《打赢蓝天保卫战三年行动计划》（国发〔2018〕22号）明确严禁新增钢铁、焦化、电解铝、铸造、水泥和平板玻璃等产能的规定后，违法违规新增的产能；因涉嫌钢铁去产能、打击“地条钢”的原因被停用、拆除的感应炉及其他金属熔炼设备；因产能置换的退出的铸造企业及相关产能；搬迁入园的企业。",
  },
  "五（六）": {
    id: "五（六）",
    titleZh: "后续监管",
    titleEn: "Follow-up supervision",
    textZh: "各地要加强对关闭退出企业的后续监管，对未按期完成关闭退出或关闭退出后私自生产的，由相关部门将有关信息记入企业信用记录。",
  },
  七: {
    id: "七",
    titleZh: "执行期限",
    titleEn: "Period of validity",
    textZh:
      "本意见自2022年10月1日起执行，有效期五年。原《关于深入开展淘汰低端落后产能、关停整治“三高两低”企业的实施意见》（澄政发〔2019〕2号）同时废止。",
  },
};

const NUMERALS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/**
 * A clause id as a reader of that language cites it: 五（一） in Chinese, "Art. 5(1)" in English
 * (三（一）2 → "Art. 3(1) item 2", 七 → "Art. 7").
 */
export function clauseRef(id: ClauseId, lang: "zh" | "en"): string {
  if (lang === "zh") return id;
  const m = /^(.)(?:（(.)）)?(\d*)$/.exec(id);
  if (!m) return id;
  const [, section, item, sub] = m;
  return `Art. ${NUMERALS[section]}${item ? `(${NUMERALS[item]})` : ""}${sub ? ` item ${sub}` : ""}`;
}
