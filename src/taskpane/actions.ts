/**
 * Pane actions that write to the workbook. Each runs only on the user's click, after a
 * confirmation, and returns how to undo it. Other features add theirs to PANE_ACTIONS
 * (e.g. "make portable" / "restore"); the pane shows every action in this list.
 */
import type { Lang } from "../engine";
import type { RegisterScan } from "../engine/register";
import { registerTemplate, summaryMissing, summarySheet, type HostFeature, type WorkbookPort } from "../workbook";
import { COLUMN_INFO } from "../engine/register";
import type { PickedFile } from "../workbook/merge";
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
  /** The undo button's text (default: the sheet-deleting undo's). */
  undoLabel?: string;
}

/** What the user gives an action in its dialog (合并各镇报表: the files, a past year's sheet). */
export interface ActionInput {
  files: PickedFile[];
  historySheet: string | null;
}

export interface PaneAction {
  id: string;
  /** The dialog asks for register files (and optionally a history sheet) before running. */
  input?: "register-files";
  label: (s: Strings) => string;
  /** The question asked before running. */
  confirm: (s: Strings) => string;
  /** Why the action cannot run now, or null. */
  disabledReason: (ctx: ActionContext) => string | null;
  run: (ctx: ActionContext, input?: ActionInput) => Promise<ActionResult>;
}

/** Why the host cannot do `feature` (an older Excel lacks the API), in the pane's language; null if it can. */
function unsupported(ctx: ActionContext, feature: HostFeature): string | null {
  const why = ctx.port.unsupported(feature);
  return why ? (ctx.lang === "zh" ? why.zh : why.en) : null;
}

const undoSheet = (ctx: ActionContext, sheet: string) => async () => {
  await ctx.port.deleteSheet(sheet);
  return ctx.s.undone(sheet);
};

export const insertTemplateAction: PaneAction = {
  id: "insert-template",
  label: (s) => s.insertTemplate,
  confirm: (s) => s.insertTemplateConfirm,
  disabledReason: (ctx) => unsupported(ctx, "template"),
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
  disabledReason: (ctx) => unsupported(ctx, "template") ?? summaryBlocked(ctx, ctx.state.scan),
  run: async (ctx) => {
    const reg = ctx.state.register;
    const scan = ctx.state.scan;
    if (!reg || !scan) throw new Error(ctx.s.noRegister);
    const spec = summarySheet(reg, scan.mapping);
    const added = await ctx.port.addSheet(spec);
    return { message: ctx.s.added(added.sheet), undo: undoSheet(ctx, added.sheet) };
  },
};

async function runMakePortable(ctx: ActionContext): Promise<ActionResult> {
  const report = await ctx.port.makePortable();
  if (report.alreadyPortable) return { message: ctx.s.alreadyPortable };
  const natives = report.converted.filter((c) => c.kind === "native").length;
  const frozen = report.converted.filter((c) => c.kind === "frozen").length;
  const skipped = report.skipped.map((k) => `${k.sheet}!${k.cell} ${ctx.lang === "zh" ? k.zh : k.en}`);
  const changed = natives + frozen > 0;
  return { message: ctx.s.portableDone(natives, frozen, skipped), undo: changed ? () => runRestore(ctx).then((r) => r.message) : undefined, undoLabel: ctx.s.undoPortable };
}

async function runRestore(ctx: ActionContext): Promise<ActionResult> {
  const report = await ctx.port.restorePortable();
  if (!report.wasPortable) return { message: ctx.s.notPortable };
  // Damage in the record, or cells refused by the checks (edited since, gone), each with why.
  const why = (p: { sheet: string; cell: string; zh: string; en: string }) => `${p.sheet ? `${p.sheet}!${p.cell} ` : ""}${ctx.lang === "zh" ? p.zh : p.en}`;
  if (report.damaged?.length) return { message: ctx.s.restoreDamaged(report.damaged.map(why)) };
  // A partial restore keeps the record, so make-portable (the undo) would find the workbook portable
  // already: no undo is offered; the refused cells are listed, to check and restore again.
  if (report.refused?.length) return { message: ctx.s.restoredPartly(report.restored.length, report.refused.map(why)) };
  const missing = report.missing.map((m) => `${m.sheet}!${m.cell}`);
  return { message: ctx.s.restoredDone(report.restored.length, missing), undo: () => runMakePortable(ctx).then((r) => r.message), undoLabel: ctx.s.undoPortable };
}

/** 转为通用公式: JY formulas → native formulas, the originals kept in the workbook (src/portable). */
export const makePortableAction: PaneAction = {
  id: "make-portable",
  label: (s) => s.makePortable,
  confirm: (s) => s.makePortableConfirm,
  disabledReason: (ctx) => unsupported(ctx, "makePortable"),
  run: runMakePortable,
};

/** 恢复 JY 公式: every original formula back from the record; undoes make-portable. */
export const restoreAction: PaneAction = {
  id: "restore",
  label: (s) => s.restore,
  confirm: (s) => s.restoreConfirm,
  disabledReason: (ctx) => unsupported(ctx, "restore"),
  run: runRestore,
};

/** 合并各镇报表: the towns' files into a city register and 核查结果 (src/workbook/merge.ts). */
export const mergeAction: PaneAction = {
  id: "merge-registers",
  input: "register-files",
  label: (s) => s.mergeRegisters,
  confirm: (s) => s.mergeConfirm,
  disabledReason: (ctx) => unsupported(ctx, "template"),
  run: async (ctx, input) => {
    if (!input || input.files.length === 0) throw new Error(ctx.s.mergeNoFiles);
    // The file reader (SheetJS, jszip) loads only now, as the playground's 打开 loads it.
    const { readSpreadsheet } = await import("../hosts/xlsx/read");
    const { mergeRegisters, NothingToMerge } = await import("../workbook/merge");
    let r;
    try {
      r = await mergeRegisters(ctx.port, { files: input.files, historySheet: input.historySheet, thisWorkbook: ctx.s.thisWorkbook, labels: ctx.s.kind }, readSpreadsheet);
    } catch (e) {
      if (e instanceof NothingToMerge) throw new Error(ctx.lang === "zh" ? e.zh : e.en);
      throw e;
    }
    const t = r.city.totals;
    const unreadable = r.unreadable.map((u) => (ctx.lang === "zh" ? u.zh : u.en));
    return {
      message: ctx.s.merged({ files: input.files.length - r.unreadable.length, registers: r.registers, enterprises: t.counts.enterprises, reward: t.reward, duplicates: t.duplicates, rewardedBefore: t.rewardedBefore, sheets: r.sheets, unreadable }),
      undo: async () => {
        for (const sheet of r.sheets) await ctx.port.deleteSheet(sheet);
        return ctx.s.undoneSheets(r.sheets);
      },
      undoLabel: ctx.s.undoSheets,
    };
  },
};

/** Every action the pane offers, in order. */
export const PANE_ACTIONS: PaneAction[] = [insertTemplateAction, summaryAction, mergeAction, makePortableAction, restoreAction];
