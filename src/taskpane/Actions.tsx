/** The actions area: one button per PANE_ACTIONS entry, a confirmation, then a result with undo. */
import { useState } from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Tooltip,
  makeStyles,
} from "@fluentui/react-components";
import { PANE_ACTIONS, type ActionContext, type PaneAction } from "./actions";

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", gap: "6px" },
});

type Outcome = { intent: "success" | "error"; message: string; undo?: () => Promise<string>; undoLabel?: string };

export function Actions({ ctx, actions = PANE_ACTIONS }: { ctx: ActionContext; actions?: PaneAction[] }) {
  const st = useStyles();
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

  return (
    <section aria-label={s.actions}>
      <div className={st.row}>
        {actions.map((a) => {
          const reason = a.disabledReason(ctx);
          const button = (
            <Button key={a.id} size="small" disabled={busy || reason !== null} onClick={() => setAsking(a)} data-testid={`action-${a.id}`}>
              {a.label(s)}
            </Button>
          );
          return reason ? (
            <Tooltip key={a.id} content={reason} relationship="description">
              <span>{button}</span>
            </Tooltip>
          ) : (
            button
          );
        })}
      </div>
      {outcome && (
        <MessageBar intent={outcome.intent} data-testid="action-outcome">
          <MessageBarBody>{outcome.message}</MessageBarBody>
          {outcome.undo && (
            <MessageBarActions>
              <Button size="small" disabled={busy} onClick={() => outcome.undo && undo(outcome.undo)} data-testid="action-undo">
                {outcome.undoLabel ?? s.undo}
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}
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
    </section>
  );
}
