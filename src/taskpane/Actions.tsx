/**
 * The actions, reached from the toolbar's menu: one menu item per PANE_ACTIONS entry (a disabled one
 * says why), a confirmation, then a result with undo shown under the toolbar.
 */
import { useState } from "react";
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
} from "@fluentui/react-components";
import { PANE_ACTIONS, type ActionContext, type PaneAction } from "./actions";

type Outcome = { intent: "success" | "error"; message: string; undo?: () => Promise<string>; undoLabel?: string };

/** The menu items, the confirmation dialog and the outcome bar; the pane places each. */
export function useActions(ctx: ActionContext, actions: PaneAction[] = PANE_ACTIONS) {
  const s = ctx.s;
  const [asking, setAsking] = useState<PaneAction | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const run = async (a: PaneAction) => {
    setAsking(null);
    setBusy(true);
    try {
      const r = await a.run(ctx);
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
          <DialogContent>{asking?.confirm(s)}</DialogContent>
          <DialogActions>
            <Button onClick={() => setAsking(null)}>{s.cancel}</Button>
            <Button appearance="primary" onClick={() => asking && run(asking)} data-testid="action-confirm">
              {s.confirm}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );

  return { items, dialog, outcomeBar };
}
