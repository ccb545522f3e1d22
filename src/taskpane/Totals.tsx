/** The figures a report can quote: total, city, each town, each park, and counts by status. */
import { Fragment } from "react";
import { Badge, Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang, Unit } from "../engine";
import type { RegisterTotals } from "../engine/register";
import type { Strings } from "./i18n";
import { money, otherUnit } from "./money";

const useStyles = makeStyles({
  big: { display: "flex", flexDirection: "column", padding: "8px 0" },
  bigNumber: { fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: "tabular-nums" },
  grid: { display: "grid", gridTemplateColumns: "1fr auto", columnGap: "12px", rowGap: "2px", fontVariantNumeric: "tabular-nums" },
  amount: { textAlign: "right", fontFamily: tokens.fontFamilyNumeric },
  strong: { fontWeight: tokens.fontWeightSemibold },
  sub: { paddingLeft: "12px", color: tokens.colorNeutralForeground2 },
  counts: { display: "flex", flexWrap: "wrap", gap: "6px", paddingTop: "8px" },
});

export function Totals({ totals, lang, s, unit }: { totals: RegisterTotals; lang: Lang; s: Strings; unit?: Unit }) {
  const st = useStyles();
  // The unit saved in the pane's settings, else the register's own.
  const u = unit ?? totals.unit;
  const line = (label: string, fen: number, testId: string, sub = false) => (
    <>
      <Text className={sub ? st.sub : st.strong}>{label}</Text>
      <Text className={st.amount} data-testid={testId}>
        {money(fen, u, lang)}
      </Text>
    </>
  );
  const c = totals.counts;
  return (
    <section aria-label={s.total}>
      <div className={st.big}>
        <Caption1>{s.total}</Caption1>
        <span className={st.bigNumber} data-testid="total-reward">
          {money(totals.reward, u, lang)}
        </span>
        <Caption1 data-testid="total-reward-other">{otherUnit(totals.reward, u, lang)}</Caption1>
      </div>
      <div className={st.grid}>
        {line(s.city, totals.city, "total-city")}
        {line(s.towns, totals.townTotal, "total-towns")}
        {totals.towns
          .filter((t) => t.fen > 0)
          .map((t) => (
            <Fragment key={t.key}>{line(lang === "zh" ? t.nameZh : t.nameEn, t.fen, `town-${t.key}`, true)}</Fragment>
          ))}
        {totals.townUnknown > 0 && line(s.townUnknown, totals.townUnknown, "town-unknown", true)}
        {line(s.parks, totals.parkTotal, "total-parks")}
        {totals.parks.map((p) => (
          <Fragment key={p.key}>{line(lang === "zh" ? p.nameZh : p.nameEn, p.fen, `park-${p.key}`, true)}</Fragment>
        ))}
      </div>
      <div className={st.counts} aria-label={s.counts}>
        <Badge appearance="outline" data-testid="count-rows">{`${s.rows} ${c.rows}`}</Badge>
        <Badge appearance="tint" color="success" data-testid="count-eligible">{`${s.eligible} ${c.eligible}`}</Badge>
        <Badge appearance="tint" color="informative" data-testid="count-excluded">{`${s.excluded} ${c.excluded}`}</Badge>
        <Badge appearance="tint" color="warning" data-testid="count-not-covered">{`${s.notCovered} ${c.notCovered}`}</Badge>
        <Badge appearance="tint" color="danger" data-testid="count-invalid">{`${s.invalid} ${c.invalid}`}</Badge>
      </div>
    </section>
  );
}
