/**
 * The pane's own settings, kept in the workbook (document settings): the unit amounts are shown in
 * and the pane's language (跟随 Office / 中文 / English). Saving them also sets the document setting
 * Office.AutoShowTaskpaneWithDocument, so the pane opens with this workbook (the manifest's
 * ShowTaskpane action carries the matching TaskpaneId).
 */
import { useState } from "react";
import { Button, Caption1, Dropdown, Field, Option, makeStyles } from "@fluentui/react-components";
import { langOf, type Lang, type Unit } from "../engine";
import type { SettingsStore, WorkbookPort } from "../workbook";
import type { Strings } from "./i18n";

export const PANE_SETTINGS = {
  unit: "jy.unit",
  language: "jy.language",
  /** Office's own document setting: open the add-in's pane when the document opens. */
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
  await settings.set(PANE_SETTINGS.autoShow, true);
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
    </section>
  );
}
