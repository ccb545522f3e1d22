/** Rows of the register read as no enterprise (titles, 合计, footers, blank, 序号 only): how many, and why. */
import { Caption1 } from "@fluentui/react-components";
import type { Lang } from "../engine";
import type { SkippedRow, SkipReason } from "../engine/register";

const REASONS: Record<SkipReason, { zh: string; en: string }> = {
  title: { zh: "表头上方的标题、单位行", en: "title and unit lines above the header" },
  total: { zh: "合计 / 小计 / 总计行", en: "total rows (合计 / 小计 / 总计)" },
  footer: { zh: "表尾（填表人、审核人、联系电话等）", en: "footer lines (填表人, 审核人, phone…)" },
  blank: { zh: "空行", en: "blank rows" },
  "serial-only": { zh: "只有序号的行", en: "rows with only a serial number" },
};

/** "跳过 3 行，不计为企业：合计 / 小计 / 总计行 1（第 14 行）；表尾（填表人、审核人、联系电话等） 2（第 15、16 行）" */
export function skippedText(skipped: SkippedRow[], lang: Lang): string {
  const data = skipped.filter((s) => s.reason !== "title");
  if (data.length === 0) return "";
  const groups = new Map<SkipReason, number[]>();
  for (const s of data) groups.set(s.reason, [...(groups.get(s.reason) ?? []), s.row]);
  const zh = lang === "zh";
  const rows = (r: number[]) => (r.length > 4 ? `${r.slice(0, 4).join(zh ? "、" : ", ")}…` : r.join(zh ? "、" : ", "));
  const parts = [...groups.entries()].map(([reason, r]) => (zh ? `${REASONS[reason].zh} ${r.length}（第 ${rows(r)} 行）` : `${REASONS[reason].en}: ${r.length} (row ${rows(r)})`));
  return zh ? `跳过 ${data.length} 行，不计为企业：${parts.join("；")}` : `${data.length} rows skipped, not counted as enterprises: ${parts.join("; ")}`;
}

export function SkippedRows(props: { skipped: SkippedRow[] | undefined; lang: Lang }) {
  const text = skippedText(props.skipped ?? [], props.lang);
  if (!text) return null;
  return (
    <Caption1 as="p" block data-testid="skipped-rows" style={{ overflowWrap: "anywhere" }}>
      {text}
    </Caption1>
  );
}
