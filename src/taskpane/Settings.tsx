/**
 * The pane's own settings, kept in the workbook (document settings): the unit amounts are shown in
 * and the pane's language (跟随 Office / 中文 / English), saved on the user's click; and, where the
 * host has a shared runtime (Excel), the switch 打开工作簿时自动显示 / Open with this workbook:
 * Office.addin.setStartupBehavior loads the add-in with this workbook, and the page then shows the
 * pane (index.tsx). Under a shared runtime Microsoft advises against TaskpaneId and
 * Office.AutoShowTaskpaneWithDocument; turning the switch off also removes that older setting.
 */
import { useState } from "react";
import { Button, Caption1, Dropdown, Field, Option, Switch, makeStyles } from "@fluentui/react-components";
import { langOf, type Lang, type Unit } from "../engine";
import type { SettingsStore, WorkbookPort } from "../workbook";
import type { Strings } from "./i18n";

export const PANE_SETTINGS = {
  unit: "jy.unit",
  language: "jy.language",
  /** The user chose to have the pane shown when this workbook opens. */
  openWithWorkbook: "jy.openWithWorkbook",
  /** Office's older document setting for the same, set by earlier versions: removed when turned off. */
  autoShow: "Office.AutoShowTaskpaneWithDocument",
} as const;

export type LanguageChoice = "office" | "zh" | "en";

/** The unit saved in the workbook, or null. */
export function savedUnit(settings: SettingsStore): Unit | null {
  const u = settings.get<string>(PANE_SETTINGS.unit);
  return u === "元" || u === "万元" ? u : null;
}

/** The language choice saved in the workbook ("office" when none). */
export function savedLanguageChoice(settings: SettingsStore): LanguageChoice {
  const l = settings.get<string>(PANE_SETTINGS.language);
  return l === "zh" || l === "en" ? l : "office";
}

/** The language the pane starts in: the saved choice, else Office's display language. */
export function startLanguage(port: WorkbookPort, fallback: Lang): Lang {
  const choice = savedLanguageChoice(port.settings);
  return choice === "office" ? fallback : choice;
}

export async function savePaneSettings(settings: SettingsStore, unit: Unit, language: LanguageChoice): Promise<void> {
  await settings.set(PANE_SETTINGS.unit, unit);
  await settings.set(PANE_SETTINGS.language, language);
}

/** Whether the user chose to have the pane shown when this workbook opens. */
export function opensWithWorkbook(settings: SettingsStore): boolean {
  return settings.get<boolean>(PANE_SETTINGS.openWithWorkbook) === true;
}

/** The switch's action: the add-in's startup behavior and the document's setting, both or neither. */
export async function setOpenWithWorkbook(port: WorkbookPort, on: boolean): Promise<void> {
  if (!port.pane) return;
  await port.pane.setOpenWithWorkbook(on);
  if (on) await port.settings.set(PANE_SETTINGS.openWithWorkbook, true);
  else {
    await port.settings.remove(PANE_SETTINGS.openWithWorkbook);
    await port.settings.remove(PANE_SETTINGS.autoShow);
  }
}

/** 打开工作簿时自动显示 / Open with this workbook; only where the host can (Excel's shared runtime). */
function OpenWithWorkbook(props: { port: WorkbookPort; s: Strings }) {
  const { port, s } = props;
  const [on, setOn] = useState(() => opensWithWorkbook(port.settings));
  const [error, setError] = useState<string | null>(null);
  if (!port.pane || port.unsupported("autoOpen")) return null;
  const toggle = async (next: boolean) => {
    setError(null);
    try {
      await setOpenWithWorkbook(port, next);
      setOn(next);
    } catch (e) {
      setError(s.openWithWorkbookFailed(e instanceof Error ? e.message : String(e)));
    }
  };
  return (
    <>
      <Switch checked={on} label={s.openWithWorkbook} onChange={(_, d) => void toggle(d.checked)} data-testid="setting-open-with-workbook" />
      {error && <Caption1 role="alert">{error}</Caption1>}
    </>
  );
}

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", gap: "8px", alignItems: "flex-end" },
});

export function PaneSettings(props: { port: WorkbookPort; s: Strings; unit: Unit; onSaved: (unit: Unit, lang: Lang) => void }) {
  const { port, s } = props;
  const st = useStyles();
  const [unit, setUnit] = useState<Unit>(props.unit);
  const [language, setLanguage] = useState<LanguageChoice>(savedLanguageChoice(port.settings));
  const [saved, setSaved] = useState(false);
  const languageLabel = (l: LanguageChoice) => (l === "office" ? s.followOffice : l === "zh" ? "中文" : "English");
  const save = async () => {
    await savePaneSettings(port.settings, unit, language);
    setSaved(true);
    props.onSaved(unit, language === "office" ? langOf(port.displayLanguage()) : language);
  };
  return (
    <section aria-label={s.settings} data-testid="pane-settings">
      <div className={st.row}>
        <Field label={s.displayUnit} size="small">
          <Dropdown size="small" value={unit === "元" ? s.yuan : s.wan} selectedOptions={[unit]} onOptionSelect={(_, d) => { setUnit(d.optionValue as Unit); setSaved(false); }} data-testid="setting-unit">
            <Option value="元">{s.yuan}</Option>
            <Option value="万元">{s.wan}</Option>
          </Dropdown>
        </Field>
        <Field label={s.languageChoice} size="small">
          <Dropdown size="small" value={languageLabel(language)} selectedOptions={[language]} onOptionSelect={(_, d) => { setLanguage(d.optionValue as LanguageChoice); setSaved(false); }} data-testid="setting-language">
            <Option value="office">{s.followOffice}</Option>
            <Option value="zh">中文</Option>
            <Option value="en">English</Option>
          </Dropdown>
        </Field>
        <Button size="small" onClick={() => void save()} data-testid="save-settings">
          {s.saveSettings}
        </Button>
      </div>
      {saved && <Caption1 data-testid="settings-saved">{s.settingsSaved}</Caption1>}
      <OpenWithWorkbook port={port} s={s} />
    </section>
  );
}
