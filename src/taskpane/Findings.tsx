/**
 * Findings grouped by severity (tabs), each with row, enterprise, message and clause; clicking one
 * selects its cells in the sheet. Long lists are shown a page at a time.
 */
import { useId, useMemo, useState } from "react";
import {
  Badge,
  Button,
  Caption1,
  Tab,
  TabList,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Tooltip,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { CLAUSES } from "../policy";
import { SEVERITIES, type Lang, type Severity } from "../engine";
import type { RegisterFinding } from "../engine/register";
import type { Strings } from "./i18n";

const PAGE = 200;

const SEVERITY_COLOR: Record<Severity, "danger" | "warning" | "informative" | "subtle" | "important"> = {
  excluded: "important",
  "not-covered": "warning",
  error: "danger",
  warning: "warning",
  info: "informative",
};

const useStyles = makeStyles({
  table: { tableLayout: "fixed", width: "100%" },
  row: { cursor: "pointer", ":hover": { backgroundColor: tokens.colorSubtleBackgroundHover } },
  rowCol: { width: "44px" },
  entCol: { width: "28%" },
  clauseCol: { width: "64px" },
  message: { whiteSpace: "normal", wordBreak: "break-word", paddingTop: "4px", paddingBottom: "4px" },
  enterprise: { whiteSpace: "normal", wordBreak: "break-all" },
  tabs: { overflowX: "auto" },
});

export function Findings(props: { findings: RegisterFinding[]; lang: Lang; s: Strings; onSelect: (f: RegisterFinding) => void }) {
  const { findings, lang, s, onSelect } = props;
  const st = useStyles();
  const [tab, setTab] = useState<Severity | "all">("all");
  const [limit, setLimit] = useState(PAGE);
  const counts = useMemo(() => {
    const c: Record<string, number> = { all: findings.length };
    for (const f of findings) c[f.severity] = (c[f.severity] ?? 0) + 1;
    return c;
  }, [findings]);
  const shown = useMemo(() => (tab === "all" ? findings : findings.filter((f) => f.severity === tab)), [findings, tab]);
  const page = shown.slice(0, limit);
  // A clause's text is written once, hidden, and each clause cell points to it (aria-describedby);
  // the tooltip is only what the eye sees on hover or focus. A Tooltip with relationship
  // "description" would keep a portal per row mounted for that, 200 of them per page.
  const idBase = useId();
  const clauses = [...new Set(page.flatMap((f) => (f.clause ? [f.clause] : [])))];
  const clauseText = (c: keyof typeof CLAUSES) => `${c} ${lang === "zh" ? CLAUSES[c].titleZh : CLAUSES[c].titleEn}：${CLAUSES[c].textZh}`;
  const clauseId = (c: keyof typeof CLAUSES) => `${idBase}-clause-${clauses.indexOf(c)}`;
  return (
    <section aria-label={s.findings}>
      <TabList
        className={st.tabs}
        size="small"
        selectedValue={tab}
        onTabSelect={(_, d) => {
          setTab(d.value as Severity | "all");
          setLimit(PAGE);
        }}
      >
        <Tab value="all" data-testid="tab-all">{`${s.all} ${counts.all ?? 0}`}</Tab>
        {SEVERITIES.map((sev) => (
          <Tab key={sev} value={sev} data-testid={`tab-${sev}`}>{`${s.severity[sev]} ${counts[sev] ?? 0}`}</Tab>
        ))}
      </TabList>
      {page.length === 0 ? (
        <Text>{s.noFindings}</Text>
      ) : (
        <Table size="extra-small" className={st.table} aria-label={s.findings}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={st.rowCol}>{s.row}</TableHeaderCell>
              <TableHeaderCell className={st.entCol}>{s.enterprise}</TableHeaderCell>
              <TableHeaderCell>{s.message}</TableHeaderCell>
              <TableHeaderCell className={st.clauseCol}>{s.clause}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {page.map((f, i) => (
              <TableRow
                key={`${f.row}-${f.code}-${i}`}
                className={st.row}
                data-testid="finding"
                data-row={f.row}
                data-code={f.code}
                data-severity={f.severity}
                tabIndex={0}
                onClick={() => onSelect(f)}
                onKeyDown={(e) => {
                  if (e.key === "Enter" || e.key === " ") onSelect(f);
                }}
              >
                <TableCell>{f.row}</TableCell>
                <TableCell className={st.enterprise}>{f.enterprise}</TableCell>
                <TableCell className={st.message}>
                  <Badge size="small" appearance="tint" color={SEVERITY_COLOR[f.severity]}>
                    {s.severity[f.severity]}
                  </Badge>{" "}
                  {lang === "zh" ? f.messageZh : f.messageEn}
                </TableCell>
                <TableCell>
                  {f.clause ? (
                    <Tooltip content={clauseText(f.clause)} relationship="inaccessible">
                      <span aria-describedby={clauseId(f.clause)}>{f.clause}</span>
                    </Tooltip>
                  ) : (
                    "—"
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <div hidden>
        {clauses.map((c) => (
          <span key={c} id={clauseId(c)}>
            {clauseText(c)}
          </span>
        ))}
      </div>
      {shown.length > page.length && (
        <div>
          <Caption1>{s.moreFindings(page.length, shown.length)}</Caption1>{" "}
          <Button size="small" onClick={() => setLimit(limit + PAGE)}>
            {s.showMore}
          </Button>
        </div>
      )}
    </section>
  );
}
