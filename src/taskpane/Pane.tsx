/**
 * The pane's first screen: how much in total and who pays it, what is wrong with which enterprise
 * and why (with the clause), this year's deadlines, the column mapping and the actions.
 */
import { useEffect, useMemo, useRef, useState } from "react";
import {
  Button,
  Caption1,
  Divider,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  Text,
  Title3,
  ToggleButton,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Lang } from "../engine";
import { COLUMN_INFO, mapColumns, todayIso, type RegisterFinding } from "../engine/register";
import type { WorkbookPort } from "../workbook";
import { Actions } from "./Actions";
import { Deadlines } from "./Deadlines";
import { Findings } from "./Findings";
import { STRINGS } from "./i18n";
import { MappingDialog } from "./MappingDialog";
import { SkippedRows } from "./SkippedRows";
import { ScanController, type ScanOptions, type ScanState } from "./scanner";
import { Totals } from "./Totals";
import { PaneSettings, savedUnit, startLanguage } from "./Settings";
import type { Unit } from "../engine";
import type { PaneAction } from "./actions";

const useStyles = makeStyles({
  pane: { display: "flex", flexDirection: "column", gap: "10px", padding: "12px 16px 12px 12px", boxSizing: "border-box", minWidth: "300px", width: "100%", fontFamily: tokens.fontFamilyBase },
  header: { display: "flex", justifyContent: "space-between", alignItems: "flex-start", gap: "8px", "& h1, & p": { margin: 0 } },
  status: { display: "flex", alignItems: "center", gap: "8px", flexWrap: "wrap" },
  dim: { color: tokens.colorNeutralForeground3 },
});

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
  const scan = state.scan;
  const missing = scan?.missing ?? [];

  return (
    <main className={st.pane} lang={lang === "zh" ? "zh-CN" : "en"} data-testid="pane" data-status={state.status}>
      <header className={st.header}>
        <div>
          <Title3 as="h1" block>
            {s.title}
          </Title3>
          <Caption1 as="p" block className={st.dim}>
            {s.subtitle}
          </Caption1>
        </div>
        <div role="group" aria-label={s.language}>
          <ToggleButton size="small" checked={lang === "zh"} onClick={() => switchLang("zh")} data-testid="lang-zh">
            中文
          </ToggleButton>
          <ToggleButton size="small" checked={lang === "en"} onClick={() => switchLang("en")} data-testid="lang-en">
            EN
          </ToggleButton>
        </div>
      </header>

      <div className={st.status}>
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
        {state.status === "scanning" ? (
          <Spinner size="extra-tiny" label={s.scanning} />
        ) : (
          state.at && (
            <Caption1 className={st.dim} data-testid="scan-status">
              {s.scannedAt(state.at.toLocaleTimeString(lang === "zh" ? "zh-CN" : "en-GB"))}
              {state.register ? ` · ${s.sheet} ${state.register.sheet}${state.register.table ? ` [${state.register.table}]` : ""}` : ""}
            </Caption1>
          )
        )}
      </div>

      {state.status === "error" && (
        <MessageBar intent="error">
          <MessageBarBody>{s.failed(state.error ?? "")}</MessageBarBody>
        </MessageBar>
      )}
      {state.status === "no-register" && (
        <MessageBar intent="info" data-testid="no-register">
          <MessageBarBody>{s.noRegister}</MessageBarBody>
        </MessageBar>
      )}
      {state.status === "done" && <SkippedRows skipped={state.register?.skipped} lang={lang} />}
      {missing.length > 0 && (
        <MessageBar intent="warning" data-testid="missing-columns">
          <MessageBarBody>{s.missingColumns(missing.map((k) => (lang === "zh" ? COLUMN_INFO[k].labelZh : COLUMN_INFO[k].labelEn)).join(lang === "zh" ? "、" : ", "))}</MessageBarBody>
        </MessageBar>
      )}

      {scan && (
        <>
          <Totals totals={scan.totals} lang={lang} s={s} unit={displayUnit ?? undefined} />
          <Divider />
          <Subtitle2 as="h2">{s.findings}</Subtitle2>
          <Findings findings={scan.findings} lang={lang} s={s} onSelect={select} />
          <Divider />
          <Subtitle2 as="h2">{s.deadlines}</Subtitle2>
          <Deadlines deadlines={scan.deadlines} lang={lang} s={s} />
        </>
      )}
      <Divider />
      <Subtitle2 as="h2">{s.actions}</Subtitle2>
      <Actions ctx={actionCtx} actions={actions} />
      <Divider />
      <Subtitle2 as="h2">{s.settings}</Subtitle2>
      <PaneSettings
        port={port}
        s={s}
        unit={displayUnit ?? scan?.totals.unit ?? "元"}
        onSaved={(u, l) => {
          setDisplayUnit(u);
          switchLang(l);
        }}
      />
      <Text size={200} className={st.dim}>
        {s.interpretation}
      </Text>
    </main>
  );
}
