/** This year's deadlines (四（一）, 四（三）) and how many rows are late against each. */
import { Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import { clauseRef } from "../policy";
import type { Lang } from "../engine";
import type { DeadlineDate } from "../engine/register";
import type { Strings } from "./i18n";
import { SEVERITY_COLOURS } from "./severity";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", gap: "6px", margin: 0, padding: 0, listStyleType: "none" },
  item: { display: "flex", flexWrap: "wrap", alignItems: "baseline", columnGap: "8px", rowGap: "2px" },
  what: { flex: "1 1 180px", minWidth: 0 },
  date: { fontVariantNumeric: "tabular-nums", fontWeight: tokens.fontWeightSemibold },
  dim: { color: tokens.colorNeutralForeground2 },
  late: { flex: "none", padding: "0 6px", borderRadius: "4px", fontSize: "12px", lineHeight: "18px", fontWeight: tokens.fontWeightSemibold },
});

export function Deadlines({ deadlines, lang, s }: { deadlines: DeadlineDate[]; lang: Lang; s: Strings }) {
  const st = useStyles();
  return (
    <ul className={st.list}>
      {deadlines.map((d) => {
        const late = d.lateRows.length > 0;
        const colours = late ? SEVERITY_COLOURS.error : { fg: tokens.colorNeutralForeground2, bg: tokens.colorNeutralBackground3 };
        return (
          <li key={`${d.key}-${d.exitYear}`} className={st.item} data-testid={`deadline-${d.key}-${d.exitYear}`}>
            <span className={st.what}>
              <Text className={st.date}>{s.dueBy(s.date(d.date))}</Text> <Text>{lang === "zh" ? d.labelZh : d.labelEn}</Text>{" "}
              <Caption1 className={st.dim}>{lang === "zh" ? `（${s.forExits(d.exitYear)}，${d.clause}）` : `(${s.forExits(d.exitYear)}, ${clauseRef(d.clause, "en")})`}</Caption1>
            </span>
            <span className={st.late} style={{ color: colours.fg, backgroundColor: colours.bg }} data-testid={`late-${d.key}-${d.exitYear}`}>
              {s.lateRows(d.lateRows.length)}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
