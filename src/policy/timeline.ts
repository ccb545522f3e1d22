/** Dates of the policy: validity window (七) and each year's deadlines (四（一）, 四（三）). */
import type { ClauseId } from "./clauses";

export interface DateParameter {
  /** ISO date, inclusive. */
  value: string;
  clause: ClauseId;
  quoteZh: string;
}

/** 七: in force from 2022-10-01 for five years. */
export const VALID_FROM: DateParameter = { value: "2022-10-01", clause: "七", quoteZh: "本意见自2022年10月1日起执行" };
export const VALID_UNTIL: DateParameter = { value: "2027-09-30", clause: "七", quoteZh: "有效期五年" };

/** Yearly deadlines, as month-day; `yearOffset` 1 means the year after the exit year. */
export interface Deadline {
  key: "plan" | "acceptance" | "payment";
  month: number;
  day: number;
  yearOffset: 0 | 1;
  clause: ClauseId;
  labelZh: string;
  labelEn: string;
  quoteZh: string;
}

export const DEADLINES: Deadline[] = [
  {
    key: "plan",
    month: 4,
    day: 30,
    yearOffset: 0,
    clause: "四（一）",
    labelZh: "整治计划报市淘汰办",
    labelEn: "Rectification plan to the city office",
    quoteZh: "要求每年4月底前将整治计划报市淘汰落后产能工作领导小组办公室",
  },
  {
    key: "acceptance",
    month: 11,
    day: 30,
    yearOffset: 0,
    clause: "四（三）",
    labelZh: "关停档案填报、现场验收",
    labelEn: "Closure archive and on-site acceptance",
    quoteZh: "要求11月底前完成关停档案填报、现场验收",
  },
  {
    key: "payment",
    month: 10,
    day: 31,
    yearOffset: 1,
    clause: "四（三）",
    labelZh: "完成奖励发放",
    labelEn: "Rewards paid",
    quoteZh: "次年10月底前完成奖励工作",
  },
];

/** The document this one replaced, for exits before VALID_FROM. */
export const PREVIOUS_DOCUMENT_ZH = "澄政发〔2019〕2号";
