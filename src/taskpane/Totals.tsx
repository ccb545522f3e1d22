/**
 * The first answer: how much in total, and how much is not counted yet (rows whose amount cannot be
 * computed); who pays it (city, towns, parks; payers with nothing to pay are left out), each town
 * and park on request; how many enterprises are in each status.
 */
import { Fragment, useState } from "react";
import { Caption1, Link, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Lang, Unit } from "../engine";
import type { PayerTotal, RegisterTotals } from "../engine/register";
import type { Strings } from "./i18n";
import { money, otherUnit } from "./money";
import { SEVERITY_COLOURS } from "./severity";

const useStyles = makeStyles({
  big: { display: "flex", flexDirection: "column", gap: "2px" },
  bigNumber: {
    fontSize: "clamp(22px, 8vw, 32px)",
    lineHeight: 1.2,
    fontWeight: tokens.fontWeightSemibold,
    fontVariantNumeric: "tabular-nums",
    overflowWrap: "anywhere",
  },
  exact: { color: tokens.colorNeutralForeground2, fontVariantNumeric: "tabular-nums" },
  uncounted: {
    display: "block",
    marginTop: "6px",
    padding: "6px 8px",
    borderLeft: `3px solid ${SEVERITY_COLOURS.error.edge}`,
    backgroundColor: SEVERITY_COLOURS.error.bg,
    color: SEVERITY_COLOURS.error.fg,
    fontSize: "13px",
    lineHeight: "19px",
  },
  pending: { borderLeftColor: SEVERITY_COLOURS.warning.edge, backgroundColor: SEVERITY_COLOURS.warning.bg, color: SEVERITY_COLOURS.warning.fg },
  pendingLink: { color: SEVERITY_COLOURS.warning.fg },
  uncountedLink: { color: SEVERITY_COLOURS.error.fg, textDecorationLine: "underline", fontSize: "13px" },
  grid: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) auto", columnGap: "12px", rowGap: "2px", marginTop: "10px", fontVariantNumeric: "tabular-nums", fontSize: "14px" },
  amount: { textAlign: "right", fontFamily: tokens.fontFamilyNumeric, whiteSpace: "nowrap" },
  amountCol: { display: "flex", flexDirection: "column", alignItems: "flex-end" },
  label: { overflowWrap: "anywhere" },
  strong: { fontWeight: tokens.fontWeightSemibold },
  sub: { paddingLeft: "14px", color: tokens.colorNeutralForeground2 },
  disclosure: { gridColumn: "1 / -1", justifySelf: "start", paddingLeft: "14px", fontSize: "13px" },
  status: { display: "block", marginTop: "8px", color: tokens.colorNeutralForeground2 },
});

export function Totals(props: {
  totals: RegisterTotals;
  lang: Lang;
  s: Strings;
  unit?: Unit;
  /** Enterprises whose 一事一议 compensation (五（一）) is still to be decided: not in the total. */
  pending?: number;
  onShowUncounted?: () => void;
  onShowPending?: () => void;
}) {
  const { totals, lang, s, unit, pending = 0, onShowUncounted, onShowPending } = props;
  const st = useStyles();
  const [townsOpen, setTownsOpen] = useState(false);
  const [parksOpen, setParksOpen] = useState(false);
  // The unit the pane's settings choose, else the register's own.
  const u = unit ?? totals.unit;
  // Under a 万元 figure (two decimals) its exact 元 figure; a 元 figure is exact already.
  const amount = (fen: number, testId: string) => (
    <span className={st.amountCol}>
      <span className={st.amount} data-testid={testId}>
        {money(fen, u, lang)}
      </span>
      {u === "万元" && (
        <Caption1 className={st.exact} data-testid={`${testId}-exact`}>
          {otherUnit(fen, u, lang)}
        </Caption1>
      )}
    </span>
  );
  const line = (label: string, fen: number, testId: string, sub = false) => (
    <>
      <Text className={mergeClasses(st.label, sub ? st.sub : st.strong)}>{label}</Text>
      {amount(fen, testId)}
    </>
  );
  const payers = (list: PayerTotal[], prefix: string) =>
    list
      .filter((p) => p.fen > 0)
      .map((p) => <Fragment key={p.key}>{line(lang === "zh" ? p.nameZh : p.nameEn, p.fen, `${prefix}-${p.key}`, true)}</Fragment>);
  const towns = totals.towns.filter((t) => t.fen > 0).length + (totals.townUnknown > 0 ? 1 : 0);
  const parks = totals.parks.filter((p) => p.fen > 0).length;
  const c = totals.counts;
  return (
    <section aria-label={s.total} data-testid="totals">
      <div className={st.big}>
        <Caption1>{s.total}</Caption1>
        <span className={st.bigNumber} data-testid="total-reward">
          {money(totals.reward, u, lang)}
        </span>
        <Caption1 className={st.exact} data-testid="total-reward-other">
          {u === "万元" ? s.exactYuan(otherUnit(totals.reward, u, lang)) : otherUnit(totals.reward, u, lang)}
        </Caption1>
      </div>
      {c.invalid > 0 && (
        <div className={st.uncounted} role="status" data-testid="uncounted">
          {s.uncounted(c.invalid)}{" "}
          {onShowUncounted && (
            <Link as="button" className={st.uncountedLink} onClick={onShowUncounted} data-testid="show-uncounted">
              {s.showThem}
            </Link>
          )}
        </div>
      )}
      {pending > 0 && (
        <div className={mergeClasses(st.uncounted, st.pending)} role="status" data-testid="pending">
          {s.pendingAside(pending)}{" "}
          {onShowPending && (
            <Link as="button" className={mergeClasses(st.uncountedLink, st.pendingLink)} onClick={onShowPending} data-testid="show-pending">
              {s.showThem}
            </Link>
          )}
        </div>
      )}
      <div className={st.grid} aria-label={s.payers} role="group">
        {totals.city > 0 && line(s.city, totals.city, "total-city")}
        {totals.townTotal > 0 && (
          <>
            {line(s.towns, totals.townTotal, "total-towns")}
            <Link as="button" className={st.disclosure} aria-expanded={townsOpen} onClick={() => setTownsOpen(!townsOpen)} data-testid="show-towns">
              {`${townsOpen ? "▾" : "▸"} ${s.showTowns(towns)}`}
            </Link>
            {townsOpen && payers(totals.towns, "town")}
            {townsOpen && totals.townUnknown > 0 && line(s.townUnknown, totals.townUnknown, "town-unknown", true)}
          </>
        )}
        {totals.parkTotal > 0 && (
          <>
            {line(s.parks, totals.parkTotal, "total-parks")}
            <Link as="button" className={st.disclosure} aria-expanded={parksOpen} onClick={() => setParksOpen(!parksOpen)} data-testid="show-parks">
              {`${parksOpen ? "▾" : "▸"} ${s.showParks(parks)}`}
            </Link>
            {parksOpen && payers(totals.parks, "park")}
          </>
        )}
      </div>
      <Caption1 className={st.status} data-testid="status-counts">
        {s.statusLine(c)}
      </Caption1>
    </section>
  );
}
