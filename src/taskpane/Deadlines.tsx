/** This year's deadlines (四（一）, 四（三）) and how many rows are late against each. */
import { Badge, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "../engine";
import type { DeadlineDate } from "../engine/register";
import type { Strings } from "./i18n";

const useStyles = makeStyles({
  list: { display: "grid", gridTemplateColumns: "auto 1fr auto", columnGap: "8px", rowGap: "4px", alignItems: "center" },
  date: { fontFamily: tokens.fontFamilyNumeric, fontVariantNumeric: "tabular-nums" },
  dim: { color: tokens.colorNeutralForeground3 },
});

export function Deadlines({ deadlines, lang, s }: { deadlines: DeadlineDate[]; lang: Lang; s: Strings }) {
  const st = useStyles();
  return (
    <section aria-label={s.deadlines}>
      <div className={st.list}>
        {deadlines.map((d) => (
          <div key={`${d.key}-${d.exitYear}`} style={{ display: "contents" }} data-testid={`deadline-${d.key}-${d.exitYear}`}>
            <Text className={st.date}>{d.date}</Text>
            <Text>
              {lang === "zh" ? d.labelZh : d.labelEn} <span className={st.dim}>{lang === "zh" ? `（${s.forExits(d.exitYear)}，${d.clause}）` : `(${s.forExits(d.exitYear)}, ${d.clause})`}</span>
            </Text>
            <Badge appearance="tint" color={d.lateRows.length > 0 ? "danger" : d.passed ? "success" : "subtle"} data-testid={`late-${d.key}-${d.exitYear}`}>
              {s.lateRows(d.lateRows.length)}
            </Badge>
          </div>
        ))}
      </div>
    </section>
  );
}
