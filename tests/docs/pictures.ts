/**
 * The pictures of the user guide (docs/用户手册.md), each made by tests/browser/guide-pictures.test.ts
 * from the product itself, in Chinese, and written to docs/images/. The guide shows exactly these.
 */
import path from "node:path";

export const GUIDE = path.resolve(__dirname, "../../docs/用户手册.md");
export const GUIDE_IMAGES = path.resolve(__dirname, "../../docs/images");

/** File name → what it shows. */
export const GUIDE_PICTURES = {
  "pane.png": "the pane at 350 × 700: totals, payers, the finding chips",
  "findings.png": "the pane at 350 × 700 with the 条件未满足 group open and a clause's text shown",
  "mapping.png": "the 列对应 dialog at 350 × 700",
  "template.png": "the playground at 1366 × 768 after 插入登记表模板",
  "summary.png": "the playground at 1366 × 768 after 生成资金统计表, with its chart",
  "portable.png": "the playground's file bar after opening an .xlsx and 下载通用版",
} as const;

export type GuidePicture = keyof typeof GUIDE_PICTURES;
