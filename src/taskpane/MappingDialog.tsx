/** Lets the user correct which column holds what; the result is kept in the document's settings. */
import { useState } from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Dropdown,
  Field,
  Option,
  Text,
  makeStyles,
} from "@fluentui/react-components";
import type { Lang, Unit } from "../engine";
import { COLUMNS, columnLetters, type ColumnKey, type ColumnMapping, type SavedMapping } from "../engine/register";
import type { Strings } from "./i18n";

const useStyles = makeStyles({
  // One column in a 320 px pane, two where there is room.
  grid: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(min(100%, 220px), 1fr))", columnGap: "12px", rowGap: "6px" },
  dropdown: { minWidth: 0, width: "100%" },
});

export function MappingDialog(props: {
  headers: unknown[];
  /** The register's first data row: each column is offered with its header and an example value. */
  firstRow?: unknown[];
  /** 0-based sheet column of the register's first column. */
  left: number;
  mapping: ColumnMapping;
  lang: Lang;
  s: Strings;
  onSave: (m: SavedMapping | null) => void;
}) {
  const { headers, firstRow, left, mapping, lang, s, onSave } = props;
  const st = useStyles();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<Partial<Record<ColumnKey, number>>>(mapping.columns);
  const [unit, setUnit] = useState<Unit>(mapping.unit);
  const example = (i: number) => {
    const v = firstRow?.[i];
    return v === null || v === undefined || v === "" ? "" : `（${lang === "zh" ? "如" : "e.g. "}${String(v).slice(0, 16)}）`;
  };
  const headerText = (i: number) => `${columnLetters(left + i)}：${String(headers[i] ?? "")}${example(i)}`;
  const save = () => {
    const columns: Partial<Record<ColumnKey, string>> = {};
    for (const [k, i] of Object.entries(draft) as Array<[ColumnKey, number | undefined]>) {
      if (i !== undefined && headers[i] !== undefined && headers[i] !== null && String(headers[i]) !== "") columns[k] = String(headers[i]);
    }
    onSave({ columns, unit });
    setOpen(false);
  };
  return (
    <Dialog
      open={open}
      onOpenChange={(_, d) => {
        setOpen(d.open);
        if (d.open) {
          setDraft(mapping.columns);
          setUnit(mapping.unit);
        }
      }}
    >
      <DialogTrigger disableButtonEnhancement>
        <Button size="small" data-testid="open-mapping">
          {s.mapping}
        </Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{s.mapping}</DialogTitle>
          <DialogContent>
            <Text as="p">{s.mappingHint}</Text>
            <div className={st.grid}>
              {COLUMNS.map((c) => {
                const value = draft[c.key];
                return (
                  <Field key={c.key} label={`${lang === "zh" ? c.labelZh : c.labelEn}${c.required ? " *" : ""}`} size="small">
                    <Dropdown
                      size="small"
                      className={st.dropdown}
                      data-testid={`map-${c.key}`}
                      value={value === undefined ? s.notMapped : headerText(value)}
                      selectedOptions={[value === undefined ? "none" : String(value)]}
                      onOptionSelect={(_, d) => setDraft({ ...draft, [c.key]: d.optionValue === "none" || d.optionValue === undefined ? undefined : Number(d.optionValue) })}
                    >
                      <Option value="none">{s.notMapped}</Option>
                      {headers.map((_, i) => (
                        <Option key={i} value={String(i)}>
                          {headerText(i)}
                        </Option>
                      ))}
                    </Dropdown>
                  </Field>
                );
              })}
              <Field label={s.unit} size="small">
                <Dropdown size="small" className={st.dropdown} value={unit === "元" ? s.yuan : s.wan} selectedOptions={[unit]} onOptionSelect={(_, d) => setUnit(d.optionValue as Unit)}>
                  <Option value="元">{s.yuan}</Option>
                  <Option value="万元">{s.wan}</Option>
                </Dropdown>
              </Field>
            </div>
          </DialogContent>
          <DialogActions>
            <Button
              onClick={() => {
                onSave(null);
                setOpen(false);
              }}
            >
              {s.reset}
            </Button>
            <DialogTrigger disableButtonEnhancement>
              <Button>{s.cancel}</Button>
            </DialogTrigger>
            <Button appearance="primary" onClick={save} data-testid="save-mapping">
              {s.save}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
