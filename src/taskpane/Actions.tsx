/**
 * The actions, reached from the toolbar's menu: one menu item per PANE_ACTIONS entry (a disabled one
 * says why), a confirmation, then a result with undo shown under the toolbar.
 */
import { useEffect, useRef, useState } from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MenuItem,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Field,
  Select,
} from "@fluentui/react-components";
import { PANE_ACTIONS, type ActionContext, type ActionInput, type PaneAction } from "./actions";

/** The files and the past year's sheet 合并各镇报表 asks for. */
function RegisterFilesInput({ ctx, onChange }: { ctx: ActionContext; onChange: (input: ActionInput) => void }) {
  const s = ctx.s;
  const [sheets, setSheets] = useState<string[]>([]);
  const [files, setFiles] = useState<ActionInput["files"]>([]);
  const [history, setHistory] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    void ctx.port.sheetNames().then(setSheets);
  }, [ctx.port]);
  useEffect(() => onChange({ files, historySheet: history }), [files, history]);
  const pick = async (list: FileList | null) => {
    const picked = await Promise.all([...(list ?? [])].map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
    setFiles(picked);
  };
  return (
    <div style={{ display: "flex", flexDirection: "column", gap: "8px", marginTop: "8px" }}>
      <Field label={s.mergeFiles} hint={files.length ? s.mergeChosen(files.length) : undefined}>
        {/* The browser's own file button speaks the browser's language: a button in the pane's opens it. */}
        <input ref={inputRef} type="file" multiple accept=".xlsx,.xlsm,.xls,.ods" data-testid="merge-files" onChange={(e) => void pick(e.target.files)} style={{ display: "none" }} />
        <Button onClick={() => inputRef.current?.click()} data-testid="merge-choose" style={{ alignSelf: "flex-start" }}>
          {s.mergeChoose}
        </Button>
      </Field>
      <Field label={s.mergeHistory}>
        <Select data-testid="merge-history" value={history ?? ""} onChange={(_, d) => setHistory(d.value || null)}>
          <option value="">{s.mergeNoHistory}</option>
          {sheets.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </Select>
      </Field>
    </div>
  );
}

type Outcome = { intent: "success" | "error"; message: string; undo?: () => Promise<string>; undoLabel?: string };

/** The menu items, the confirmation dialog and the outcome bar; the pane places each. */
export function useActions(ctx: ActionContext, actions: PaneAction[] = PANE_ACTIONS) {
  const s = ctx.s;
  const [asking, setAsking] = useState<PaneAction | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [input, setInput] = useState<ActionInput>({ files: [], historySheet: null });

  const run = async (a: PaneAction) => {
    setAsking(null);
    setBusy(true);
    try {
      const r = await a.run(ctx, a.input ? input : undefined);
      setOutcome({ intent: "success", message: r.message, undo: r.undo, undoLabel: r.undoLabel });
    } catch (e) {
      setOutcome({ intent: "error", message: s.failed(e instanceof Error ? e.message : String(e)) });
    } finally {
      setBusy(false);
    }
  };

  const undo = async (fn: () => Promise<string>) => {
    setBusy(true);
    try {
      setOutcome({ intent: "success", message: await fn() });
    } catch (e) {
      setOutcome({ intent: "error", message: s.failed(e instanceof Error ? e.message : String(e)) });
    } finally {
      setBusy(false);
    }
  };

  const items = actions.map((a) => {
    const reason = a.disabledReason(ctx);
    return (
      <MenuItem key={a.id} disabled={busy || reason !== null} onClick={() => setAsking(a)} data-testid={`action-${a.id}`}>
        {a.label(s)}
        {reason ? <span style={{ display: "block", fontSize: "12px", whiteSpace: "normal" }}>{reason}</span> : null}
      </MenuItem>
    );
  });

  const outcomeBar = outcome && (
    <MessageBar intent={outcome.intent} data-testid="action-outcome" layout="multiline">
      <MessageBarBody>{outcome.message}</MessageBarBody>
      <MessageBarActions>
        {outcome.undo && (
          <Button size="small" disabled={busy} onClick={() => outcome.undo && undo(outcome.undo)} data-testid="action-undo">
            {outcome.undoLabel ?? s.undo}
          </Button>
        )}
        <Button size="small" appearance="transparent" onClick={() => setOutcome(null)}>
          {s.close}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );

  const dialog = (
    <Dialog open={asking !== null} onOpenChange={(_, d) => !d.open && setAsking(null)}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{asking?.label(s)}</DialogTitle>
          <DialogContent>
            {asking?.confirm(s)}
            {asking?.input === "register-files" && <RegisterFilesInput ctx={ctx} onChange={setInput} />}
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setAsking(null)}>{s.cancel}</Button>
            <Button appearance="primary" disabled={asking?.input === "register-files" && input.files.length === 0} onClick={() => asking && run(asking)} data-testid="action-confirm">
              {s.confirm}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );

  return { items, dialog, outcomeBar };
}
