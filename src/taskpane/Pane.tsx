/**
 * The pane, designed for Excel's 320 px first: a toolbar (check again, columns, a menu with the
 * actions and settings, the user guide), then the first answers — the total and what it leaves out, who pays it,
 * what is wrong counted by enterprise — then the findings grouped by kind and this year's deadlines.
 */
import { useEffect, useMemo, useRef, useState } from "react";
import {
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Menu,
  MenuButton,
  MenuDivider,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  Link,
  ToggleButton,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Lang } from "../engine";
import { COLUMN_INFO, mapColumns, todayIso, type RegisterFinding } from "../engine/register";
import type { WorkbookPort } from "../workbook";
import { useActions } from "./Actions";
import { Deadlines } from "./Deadlines";
import { Findings, type FindingsHandle } from "./Findings";
import { STRINGS } from "./i18n";
import { MappingDialog } from "./MappingDialog";
import { SkippedRows } from "./SkippedRows";
import { ScanController, type ScanOptions, type ScanState } from "./scanner";
import { Totals } from "./Totals";
import { PaneSettings, savedUnit, startLanguage } from "./Settings";
import type { Unit } from "../engine";
import type { PaneAction } from "./actions";

const useStyles = makeStyles({
  pane: {
    display: "flex",
    flexDirection: "column",
    gap: "12px",
    padding: "10px 12px 16px",
    boxSizing: "border-box",
    width: "100%",
    minWidth: 0,
    fontFamily: tokens.fontFamilyBase,
    fontSize: "14px",
    overflowWrap: "anywhere",
  },
  header: { display: "flex", justifyContent: "space-between", alignItems: "flex-start", gap: "8px", "& h1, & p": { margin: 0 } },
  title: { fontSize: "16px", lineHeight: "22px", fontWeight: tokens.fontWeightSemibold },
  langs: { display: "flex", flex: "none", gap: "2px" },
  help: { marginLeft: "auto" },
  toolbar: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: "6px" },
  status: { display: "flex", alignItems: "center", gap: "8px", flexWrap: "wrap", minHeight: "18px" },
  dim: { color: tokens.colorNeutralForeground2 },
  h2: { margin: "0 0 6px", fontSize: "16px", lineHeight: "22px", fontWeight: tokens.fontWeightSemibold },
  menuNote: { display: "block", fontSize: "12px" },
});

/** The user guide, rendered into dist/ by the build (scripts/guide-page.js), beside this page. */
const GUIDE_HREF = "guide/index.html";

/** Summaries are read in 万元 (two decimals, the exact 元 beside) unless the workbook's settings say 元. */
const SUMMARY_UNIT: Unit = "万元";

export interface PaneProps {
  port: WorkbookPort;
  /** Starting language; the pane offers a switch. */
  lang: Lang;
  onLangChange?: (lang: Lang) => void;
  scanOptions?: ScanOptions;
  /** Extra actions (beside the built-in ones). */
  actions?: PaneAction[];
  /** Receives the controller, for hooks such as the playground's test handle. */
  onController?: (c: ScanController) => void;
}

export function Pane({ port, lang: initialLang, onLangChange, scanOptions, actions, onController }: PaneProps) {
  const st = useStyles();
  // The language and unit saved in the workbook (Settings) win over Office's display language.
  const [lang, setLang] = useState<Lang>(() => startLanguage(port, initialLang));
  const [displayUnit, setDisplayUnit] = useState<Unit | null>(() => savedUnit(port.settings));
  const [state, setState] = useState<ScanState>({ status: "idle", scan: null, register: null, error: null, at: null });
  const controller = useRef<ScanController | null>(null);
  const s = STRINGS[lang];

  useEffect(() => {
    const c = new ScanController(port, setState, scanOptions);
    controller.current = c;
    onController?.(c);
    void c.start();
    return () => c.stop();
    // The port and options are fixed for the pane's life.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [port]);

  const switchLang = (l: Lang) => {
    setLang(l);
    onLangChange?.(l);
  };

  const select = (f: RegisterFinding) => {
    const sheet = state.register?.sheet;
    if (!sheet) return;
    const cells = f.cells.length > 0 ? f.cells : [`A${f.row}`];
    void port.select(sheet, cells);
  };

  const today = scanOptions?.today ?? todayIso();
  const actionCtx = useMemo(() => ({ port, state, lang, s, year: Number(today.slice(0, 4)) }), [port, state, lang, s, today]);
  const actionsUi = useActions(actionCtx, actions);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const findingsRef = useRef<FindingsHandle | null>(null);
  const scan = state.scan;
  const missing = scan?.missing ?? [];
  const pending = useMemo(() => new Set(scan?.findings.filter((f) => f.code === "RIVERSIDE_PENDING").map((f) => f.row)).size, [scan]);
  const time = (d: Date) => d.toLocaleTimeString(lang === "zh" ? "zh-CN" : "en-GB", { hour: "2-digit", minute: "2-digit" });

  return (
    <main className={st.pane} lang={lang === "zh" ? "zh-CN" : "en"} data-testid="pane" data-status={state.status}>
      <header className={st.header}>
        <div>
          <h1 className={st.title}>{s.title}</h1>
          <Caption1 as="p" block className={st.dim}>
            {s.subtitle}
          </Caption1>
        </div>
        <div role="group" aria-label={s.language} className={st.langs}>
          <ToggleButton size="small" checked={lang === "zh"} onClick={() => switchLang("zh")} data-testid="lang-zh" lang="zh-CN">
            中文
          </ToggleButton>
          <ToggleButton size="small" checked={lang === "en"} onClick={() => switchLang("en")} data-testid="lang-en" lang="en">
            EN
          </ToggleButton>
        </div>
      </header>

      <div className={st.toolbar} role="group" aria-label={s.moreActions}>
        <Button size="small" appearance="primary" onClick={() => void controller.current?.rescan()} data-testid="rescan">
          {s.rescan}
        </Button>
        {state.register && (
          <MappingDialog
            headers={state.register.headers}
            firstRow={state.register.firstRow}
            left={state.register.left}
            mapping={scan?.mapping ?? mapColumns(state.register.headers, null, state.register.unit)}
            lang={lang}
            s={s}
            onSave={(m) => void controller.current?.saveMapping(m)}
          />
        )}
        <Menu positioning="below-end">
          <MenuTrigger disableButtonEnhancement>
            <MenuButton size="small" data-testid="open-menu">
              {s.moreActions}
            </MenuButton>
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              {actionsUi.items}
              <MenuDivider />
              <MenuItem onClick={() => setSettingsOpen(true)} data-testid="open-settings">
                {s.settings}
              </MenuItem>
            </MenuList>
          </MenuPopover>
        </Menu>
        <Link href={GUIDE_HREF} target="_blank" rel="noopener" title={s.helpTitle} className={st.help} data-testid="help">
          {s.help}
        </Link>
      </div>
      <div className={st.status} aria-live="polite">
        {state.status === "scanning" ? (
          <Spinner size="extra-tiny" label={s.scanning} />
        ) : (
          state.at && (
            <Caption1 className={st.dim} data-testid="scan-status">
              {s.scannedAt(time(state.at), state.register?.sheet ?? null)}
            </Caption1>
          )
        )}
      </div>
      {actionsUi.outcomeBar}

      {state.status === "error" && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{s.failed(state.error ?? "")}</MessageBarBody>
        </MessageBar>
      )}
      {state.status === "no-register" && (
        <MessageBar intent="info" data-testid="no-register" layout="multiline">
          <MessageBarBody>{s.noRegister}</MessageBarBody>
        </MessageBar>
      )}
      {state.status === "done" && <SkippedRows skipped={state.register?.skipped} lang={lang} />}
      {missing.length > 0 && (
        <MessageBar intent="warning" data-testid="missing-columns" layout="multiline">
          <MessageBarBody>{s.missingColumns(missing.map((k) => (lang === "zh" ? COLUMN_INFO[k].labelZh : COLUMN_INFO[k].labelEn)).join(lang === "zh" ? "、" : ", "))}</MessageBarBody>
        </MessageBar>
      )}

      {scan && (
        <>
          <Totals totals={scan.totals} lang={lang} s={s} unit={displayUnit ?? SUMMARY_UNIT} pending={pending}
            onShowUncounted={() => findingsRef.current?.show("error", "INVALID_INPUT")}
            onShowPending={() => findingsRef.current?.show("warning", "RIVERSIDE_PENDING")}
          />
          <Findings ref={findingsRef} findings={scan.findings} lang={lang} s={s} onSelect={select} />
          <section aria-label={s.deadlines}>
            <h2 className={st.h2}>{s.deadlines}</h2>
            <Deadlines deadlines={scan.deadlines} lang={lang} s={s} />
          </section>
        </>
      )}
      <Text size={200} className={st.dim}>
        {s.interpretation}
      </Text>

      {actionsUi.dialog}
      <Dialog open={settingsOpen} onOpenChange={(_, d) => setSettingsOpen(d.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{s.settings}</DialogTitle>
            <DialogContent>
              <PaneSettings
                port={port}
                s={s}
                unit={displayUnit ?? SUMMARY_UNIT}
                onSaved={(u, l) => {
                  setDisplayUnit(u);
                  switchLang(l);
                }}
              />
            </DialogContent>
            <DialogActions>
              <Button onClick={() => setSettingsOpen(false)} data-testid="close-settings">
                {s.close}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </main>
  );
}
