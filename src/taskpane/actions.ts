/**
 * Pane actions that write to the workbook. Each runs only on the user's click, after a
 * confirmation, and returns how to undo it. Other features add theirs to PANE_ACTIONS
 * (e.g. "make portable" / "restore"); the pane shows every action in this list.
 */
import type { Lang } from "../engine";
import type { RegisterScan } from "../engine/register";
import { registerTemplate, summaryMissing, summarySheet, type WorkbookPort } from "../workbook";
import { COLUMN_INFO } from "../engine/register";
import type { ScanState } from "./scanner";
import type { Strings } from "./i18n";

export interface ActionContext {
  port: WorkbookPort;
  state: ScanState;
  lang: Lang;
  s: Strings;
  /** Today's year (template example rows use it). */
  year: number;
}

export interface ActionResult {
  message: string;
  /** Undoes the action; resolves to a message. */
  undo?: () => Promise<string>;
}

export interface PaneAction {
  id: string;
  label: (s: Strings) => string;
  /** The question asked before running. */
  confirm: (s: Strings) => string;
  /** Why the action cannot run now, or null. */
  disabledReason: (ctx: ActionContext) => string | null;
  run: (ctx: ActionContext) => Promise<ActionResult>;
}

const undoSheet = (ctx: ActionContext, sheet: string) => async () => {
  await ctx.port.deleteSheet(sheet);
  return ctx.s.undone(sheet);
};

export const insertTemplateAction: PaneAction = {
  id: "insert-template",
  label: (s) => s.insertTemplate,
  confirm: (s) => s.insertTemplateConfirm,
  disabledReason: () => null,
  run: async (ctx) => {
    const unit = ctx.state.scan?.mapping.unit ?? "元";
    const added = await ctx.port.addSheet(registerTemplate(unit, ctx.year));
    return { message: ctx.s.added(added.sheet), undo: undoSheet(ctx, added.sheet) };
  },
};

function summaryBlocked(ctx: ActionContext, scan: RegisterScan | null): string | null {
  if (!scan || !ctx.state.register) return ctx.s.noRegister;
  const missing = summaryMissing(scan.mapping);
  if (missing.length === 0) return null;
  return ctx.s.summaryNeeds(missing.map((k) => (ctx.lang === "zh" ? COLUMN_INFO[k].labelZh : COLUMN_INFO[k].labelEn)).join(ctx.lang === "zh" ? "、" : ", "));
}

export const summaryAction: PaneAction = {
  id: "summary",
  label: (s) => s.summary,
  confirm: (s) => s.summaryConfirm,
  disabledReason: (ctx) => summaryBlocked(ctx, ctx.state.scan),
  run: async (ctx) => {
    const reg = ctx.state.register;
    const scan = ctx.state.scan;
    if (!reg || !scan) throw new Error(ctx.s.noRegister);
    const spec = summarySheet(reg, scan.mapping);
    const added = await ctx.port.addSheet(spec);
    return { message: ctx.s.added(added.sheet), undo: undoSheet(ctx, added.sheet) };
  },
};

/** Every action the pane offers, in order. */
export const PANE_ACTIONS: PaneAction[] = [insertTemplateAction, summaryAction];
