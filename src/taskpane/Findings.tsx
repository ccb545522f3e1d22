/**
 * What is wrong, counted by enterprise: a chip per severity (wrapping, so it fits 320 px) that
 * filters the list, and the findings grouped by kind ("条件未满足 502 家"), each group opening to
 * its findings as cards (row · enterprise · cells, severity, the whole message, the clause).
 * The list is windowed and is one tab stop: arrow keys move, → / ← open and close a group or a
 * finding's policy text, Enter selects the finding's cells in the sheet.
 */
import { forwardRef, useId, useImperativeHandle, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { Caption1, Text, makeStyles, mergeClasses, shorthands, tokens } from "@fluentui/react-components";
import { CLAUSES, clauseRef, type ClauseId } from "../policy";
import { SEVERITIES, type Lang, type Severity } from "../engine";
import type { RegisterFinding } from "../engine/register";
import { groupFindings, type FindingGroup } from "./findingGroups";
import type { Strings } from "./i18n";
import { SEVERITY_COLOURS } from "./severity";
import { Windowed } from "./Windowed";

type Item = { kind: "group"; key: string; group: FindingGroup; open: boolean } | { kind: "finding"; key: string; group: FindingGroup; f: RegisterFinding; clauseOpen: boolean };

export type Filter = Severity | "all";

export interface FindingsHandle {
  /** Shows one severity (and opens one kind), and brings the list into view. */
  show(filter: Filter, code?: string): void;
}

const useStyles = makeStyles({
  chips: { display: "flex", flexWrap: "wrap", gap: "6px", padding: 0, margin: 0, listStyleType: "none" },
  chip: {
    display: "inline-flex",
    alignItems: "center",
    gap: "4px",
    minHeight: "28px",
    padding: "2px 10px",
    borderRadius: "14px",
    ...shorthands.border("1px", "solid", tokens.colorNeutralStroke1),
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: "13px",
    lineHeight: "18px",
    cursor: "pointer",
    ":focus-visible": { ...shorthands.outline("2px", "solid", tokens.colorStrokeFocus2), outlineOffset: "1px" },
  },
  chipOn: { ...shorthands.borderWidth("2px"), fontWeight: tokens.fontWeightSemibold },
  count: { fontVariantNumeric: "tabular-nums", fontWeight: tokens.fontWeightSemibold },
  hint: { color: tokens.colorNeutralForeground3, display: "block", margin: "6px 0 4px" },
  tree: {
    ...shorthands.border("1px", "solid", tokens.colorNeutralStroke2),
    borderRadius: tokens.borderRadiusMedium,
    ":focus-visible": { ...shorthands.outline("2px", "solid", tokens.colorStrokeFocus2), outlineOffset: "1px" },
  },
  group: {
    display: "flex",
    alignItems: "center",
    gap: "6px",
    boxSizing: "border-box",
    minHeight: "40px",
    padding: "6px 8px",
    cursor: "pointer",
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    fontSize: "14px",
    lineHeight: "20px",
  },
  groupName: { flex: 1, minWidth: 0, overflowWrap: "anywhere" },
  chevron: { width: "12px", flex: "none", color: tokens.colorNeutralForeground2 },
  badge: { display: "inline-block", flex: "none", padding: "0 6px", borderRadius: "4px", fontSize: "12px", lineHeight: "18px", fontWeight: tokens.fontWeightSemibold, whiteSpace: "nowrap" },
  card: {
    boxSizing: "border-box",
    padding: "8px 8px 8px 12px",
    marginLeft: "8px",
    borderLeftWidth: "3px", borderLeftStyle: "solid",
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    cursor: "pointer",
    fontSize: "13px",
    lineHeight: "19px",
  },
  cardHead: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: "6px", rowGap: "2px", color: tokens.colorNeutralForeground2 },
  where: { overflowWrap: "anywhere", minWidth: 0 },
  message: { display: "block", marginTop: "4px", overflowWrap: "anywhere", color: tokens.colorNeutralForeground1 },
  clause: { display: "inline-block", marginTop: "4px", color: tokens.colorBrandForegroundLink, textDecorationLine: "underline", textDecorationStyle: "dotted" },
  clauseText: { display: "block", marginTop: "4px", padding: "6px 8px", backgroundColor: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground1, overflowWrap: "anywhere" },
  active: { backgroundColor: tokens.colorNeutralBackground1Selected, ...shorthands.outline("2px", "solid", tokens.colorStrokeFocus2), outlineOffset: "-2px" },
});

function Tag({ severity, text }: { severity: Severity; text: string }) {
  const st = useStyles();
  const c = SEVERITY_COLOURS[severity];
  return (
    <span className={st.badge} style={{ color: c.fg, backgroundColor: c.bg }}>
      {text}
    </span>
  );
}

/** Clause ids inside an English message (五（二）) in the English rendering (Art. 5(2)). */
const CLAUSE_IN_TEXT = /[三四五六七](?:（[一二三四五六七八九十]）)?\d?/g;
function englishClauses(text: string): string {
  return text.replace(CLAUSE_IN_TEXT, (m) => (m in CLAUSES ? clauseRef(m as ClauseId, "en") : m));
}

export const Findings = forwardRef<FindingsHandle, { findings: RegisterFinding[]; lang: Lang; s: Strings; onSelect: (f: RegisterFinding) => void }>(function Findings(props, ref) {
  const { findings, lang, s, onSelect } = props;
  const st = useStyles();
  const idBase = useId();
  const section = useRef<HTMLElement | null>(null);
  const tree = useRef<HTMLDivElement | null>(null);
  const grouped = useMemo(() => groupFindings(findings), [findings]);
  const [filter, setFilter] = useState<Filter>("all");
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const [clauseOpen, setClauseOpen] = useState<ReadonlySet<string>>(new Set());
  const [active, setActive] = useState<string | null>(null);
  // The active item is marked while the list has the keyboard focus (a click marks it too).
  const [focused, setFocused] = useState(false);

  const groups = useMemo(() => (filter === "all" ? grouped.groups : grouped.groups.filter((g) => g.severity === filter)), [grouped, filter]);
  const items = useMemo(() => {
    const out: Item[] = [];
    for (const g of groups) {
      const isOpen = open.has(g.key);
      out.push({ kind: "group", key: g.key, group: g, open: isOpen });
      if (isOpen) g.findings.forEach((f, i) => {
        const key = `${g.key}#${i}`;
        out.push({ kind: "finding", key, group: g, f, clauseOpen: clauseOpen.has(key) });
      });
    }
    return out;
  }, [groups, open, clauseOpen]);
  const activeKey = active !== null && items.some((it) => it.key === active) ? active : items[0]?.key ?? null;

  const toggle = (set: ReadonlySet<string>, key: string, on?: boolean): Set<string> => {
    const next = new Set(set);
    if (on ?? !next.has(key)) next.add(key);
    else next.delete(key);
    return next;
  };

  const choose = (f: Filter, code?: string) => {
    setFilter(f);
    const shown = f === "all" ? grouped.groups : grouped.groups.filter((g) => g.severity === f);
    // One kind alone, or the kind asked for, opens by itself.
    const openKey = code ? shown.find((g) => g.code === code)?.key : shown.length === 1 ? shown[0].key : undefined;
    if (openKey) setOpen((o) => toggle(o, openKey, true));
    setActive(openKey ?? shown[0]?.key ?? null);
  };

  useImperativeHandle(ref, () => ({
    show(f: Filter, code?: string) {
      choose(f, code);
      section.current?.scrollIntoView({ block: "start" });
      tree.current?.focus({ preventScroll: true });
    },
  }));

  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = items.findIndex((it) => it.key === activeKey);
    const it = items[i];
    if (!it) return;
    const move = (j: number) => {
      const k = Math.max(0, Math.min(items.length - 1, j));
      setActive(items[k].key);
    };
    switch (e.key) {
      case "ArrowDown":
        move(i + 1);
        break;
      case "ArrowUp":
        move(i - 1);
        break;
      case "Home":
        move(0);
        break;
      case "End":
        move(items.length - 1);
        break;
      case "PageDown":
        move(i + 10);
        break;
      case "PageUp":
        move(i - 10);
        break;
      case "ArrowRight":
        if (it.kind === "group") {
          if (!it.open) setOpen((o) => toggle(o, it.key, true));
          else move(i + 1);
        } else if (it.f.clause) setClauseOpen((c) => toggle(c, it.key, true));
        break;
      case "ArrowLeft":
        if (it.kind === "group") setOpen((o) => toggle(o, it.key, false));
        else if (it.clauseOpen) setClauseOpen((c) => toggle(c, it.key, false));
        else setActive(it.group.key);
        break;
      case "Enter":
      case " ":
        if (it.kind === "group") setOpen((o) => toggle(o, it.key));
        else onSelect(it.f);
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  const itemId = (key: string) => `${idBase}-${key.replace(/[^A-Za-z0-9_-]/g, "_")}`;
  const clauseLine = (c: ClauseId) => (lang === "zh" ? `${s.clause}：${c} ${CLAUSES[c].titleZh}` : `${s.clause}: ${clauseRef(c, "en")} ${CLAUSES[c].titleEn}`);

  const renderItem = (it: Item) => {
    const isActive = focused && it.key === activeKey;
    if (it.kind === "group") {
      const g = it.group;
      return (
        <div
          id={itemId(it.key)}
          role="treeitem"
          aria-level={1}
          aria-expanded={it.open}
          aria-selected={isActive}
          className={mergeClasses(st.group, isActive && st.active)}
          data-testid="finding-group"
          data-code={g.code}
          data-severity={g.severity}
          data-enterprises={g.enterprises}
          onClick={() => {
            setActive(it.key);
            setOpen((o) => toggle(o, it.key));
          }}
        >
          <span className={st.chevron} aria-hidden>
            {it.open ? "▾" : "▸"}
          </span>
          <Tag severity={g.severity} text={s.severity[g.severity]} />
          <span className={st.groupName}>
            {s.kind[g.code]} <span className={st.count}>{s.enterprises(g.enterprises)}</span>
            {g.findings.length !== g.enterprises ? <Caption1> · {s.findingCount(g.findings.length)}</Caption1> : null}
          </span>
        </div>
      );
    }
    const f = it.f;
    const c = SEVERITY_COLOURS[f.severity];
    const message = lang === "zh" ? f.messageZh : englishClauses(f.messageEn);
    return (
      <div
        id={itemId(it.key)}
        role="treeitem"
        aria-level={2}
        aria-selected={isActive}
        aria-expanded={f.clause ? it.clauseOpen : undefined}
        className={mergeClasses(st.card, isActive && st.active)}
        style={{ borderLeftColor: c.edge }}
        data-testid="finding"
        data-row={f.row}
        data-code={f.code}
        data-severity={f.severity}
        onClick={() => {
          setActive(it.key);
          onSelect(f);
        }}
      >
        <div className={st.cardHead}>
          <Tag severity={f.severity} text={s.severity[f.severity]} />
          <span className={st.where}>
            {s.rowN(f.row)} · {f.enterprise}
            {f.cells.length > 0 ? ` · ${f.cells.join(lang === "zh" ? "、" : ", ")}` : ""}
          </span>
        </div>
        <span className={st.message} data-testid="finding-message">
          {message}
        </span>
        {f.clause && (
          <>
            <span
              className={st.clause}
              data-testid="finding-clause"
              onClick={(e) => {
                // A tap on the clause opens its text; it does not select the cells.
                e.stopPropagation();
                setActive(it.key);
                setClauseOpen((o) => toggle(o, it.key));
              }}
            >
              {clauseLine(f.clause)} {it.clauseOpen ? "▾" : "▸"}
            </span>
            {it.clauseOpen && (
              <span className={st.clauseText} data-testid="clause-text" lang="zh-CN">
                {lang === "en" ? `${s.clauseOriginal}` : ""}
                {CLAUSES[f.clause].textZh}
              </span>
            )}
          </>
        )}
      </div>
    );
  };

  return (
    <section aria-labelledby={`${idBase}-h`} ref={section} data-testid="findings">
      <Text as="h2" id={`${idBase}-h`} weight="semibold" size={400} block style={{ margin: "0 0 6px" }}>
        {s.problems}
      </Text>
      {grouped.total === 0 ? (
        <Text data-testid="no-findings">{s.problemsNone}</Text>
      ) : (
        <>
          <ul className={st.chips} aria-label={s.filterBy}>
            {(["all", ...SEVERITIES] as Filter[]).map((sev) => {
              const n = sev === "all" ? grouped.enterprises : grouped.bySeverity[sev];
              if (sev !== "all" && n === 0) return null;
              const colours = sev === "all" ? null : SEVERITY_COLOURS[sev];
              const on = filter === sev;
              return (
                <li key={sev}>
                  <button
                    type="button"
                    className={mergeClasses(st.chip, on && st.chipOn)}
                    style={colours ? { color: colours.fg, backgroundColor: colours.bg, borderColor: colours.edge } : undefined}
                    aria-pressed={on}
                    data-testid={`chip-${sev}`}
                    data-count={n}
                    onClick={() => choose(sev)}
                  >
                    {sev === "all" ? s.allKinds : s.severity[sev]} <span className={st.count}>{s.chipCount(n)}</span>
                  </button>
                </li>
              );
            })}
          </ul>
          <Caption1 className={st.hint} id={`${idBase}-hint`}>
            {s.listHint}
          </Caption1>
          <Windowed
            boxRef={tree}
            role="tree"
            tabIndex={0}
            aria-label={s.listLabel}
            aria-describedby={`${idBase}-hint`}
            aria-activedescendant={activeKey ? itemId(activeKey) : undefined}
            className={st.tree}
            data-testid="finding-list"
            onKeyDown={onKey}
            onFocus={() => setFocused(true)}
            onBlur={() => setFocused(false)}
            items={items}
            itemKey={(it) => it.key}
            estimate={(it) => (it.kind === "group" ? 41 : it.clauseOpen ? 200 : 96)}
            render={renderItem}
            maxHeight="70vh"
            revealKey={activeKey}
          />
        </>
      )}
    </section>
  );
});
