/**
 * Entry of the playground page. URL parameters:
 *   ?lang=en        start in English (default Chinese)
 *   ?today=2025-12-15  the date deadlines are checked against (default: today)
 *   ?rows=10000     a generated register of that many rows instead of the sample (load tests)
 *   ?pane=only      the pane alone, filling the window as in Excel (layout tests at 320–450 px)
 * window.__jy is a handle for tests and the benchmark: the workbook, the scan state, rescan().
 */
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { Lang } from "../engine";
import { TEMPLATE_COLUMNS, TEMPLATE_TABLE, templateColumnIndex } from "../workbook/template";
import { columnLetters } from "../engine/register";
import type { ScanController, ScanState } from "../taskpane/scanner";
import { App } from "./App";
import { setFunctionLanguage } from "./jyPlugin";
import { generatedSheet, SAMPLE_SHEET, sampleSheet } from "./sample";
import { parseRange, PlaygroundWorkbook } from "./workbook";

export interface PlaygroundHandle {
  workbook: PlaygroundWorkbook;
  /**
   * Milliseconds HyperFormula spent taking in the register and computing its formulas: 0 until
   * `computed` resolves (the pane scans the register first; HyperFormula computes behind it).
   */
  buildMs: number;
  /** Resolves (with performance.now()) once HyperFormula holds and has computed every row. */
  computed: Promise<number>;
  rows: number;
  state: () => ScanState | null;
  /** Scans now and resolves when done, with the time it took. */
  rescan: () => Promise<{ ms: number; state: ScanState | null }>;
  /** Resolves after the first scan has finished and the pane shows its result. */
  ready: Promise<ScanState | null>;
  /** performance.now() when the pane element first appeared, and when it first showed a finished scan. */
  paneAt: number | null;
  readyAt: number | null;
}

declare global {
  interface Window {
    __jy?: PlaygroundHandle;
  }
}

const params = new URLSearchParams(location.search);
const lang: Lang = params.get("lang") === "en" ? "en" : "zh";
const today = /^\d{4}-\d{2}-\d{2}$/.test(params.get("today") ?? "") ? (params.get("today") as string) : undefined;
const generated = Number(params.get("rows") ?? "0");

setFunctionLanguage(lang);
const rowCount = Number.isInteger(generated) && generated > 0 ? Math.min(generated, 200_000) : 0;
const wb = new PlaygroundWorkbook(lang === "zh" ? "zh-CN" : "en-US", Math.max(rowCount + 1000, 40_000));
const content = rowCount > 0 ? generatedSheet(rowCount) : sampleSheet();
const last = content.length;
const col = (i: number) => columnLetters(i);
const colRange = (i: number) => parseRange(`${col(i)}2:${col(i)}${last}`);
const money = TEMPLATE_COLUMNS.flatMap((c, i) => (c.money ? [{ range: colRange(i), format: "#,##0.00" }] : []));
// Deferred: the page and the pane come up, and the pane scans the register, before HyperFormula
// has built the sheet; it computes the formulas after the first scan (onController below).
wb.loadSheetDeferred(
  SAMPLE_SHEET,
  content,
  {
    widths: TEMPLATE_COLUMNS.map((c) => c.width),
    numberFormats: [...money, { range: colRange(templateColumnIndex("uscc")), format: "@" }],
    validations: TEMPLATE_COLUMNS.flatMap((c, i) => (c.validation ? [{ range: colRange(i), rule: c.validation }] : [])),
    bold: [parseRange(`A1:${col(TEMPLATE_COLUMNS.length - 1)}1`)],
    freezeRows: 1,
  },
  TEMPLATE_TABLE,
);
let controller: ScanController | null = null;
let resolveReady: (s: ScanState | null) => void = () => undefined;
const ready = new Promise<ScanState | null>((r) => (resolveReady = r));
let resolveComputed: (at: number) => void = () => undefined;
const computed = new Promise<number>((r) => (resolveComputed = r));

const handle: PlaygroundHandle = {
  workbook: wb,
  buildMs: 0,
  computed,
  rows: last - 1,
  state: () => controller?.current ?? null,
  rescan: async () => {
    const t0 = performance.now();
    await controller?.rescan();
    return { ms: performance.now() - t0, state: controller?.current ?? null };
  },
  ready,
  paneAt: null,
  readyAt: null,
};
window.__jy = handle;

// The moments the pane appears and first shows a finished scan, taken when React commits them to
// the page (a MutationObserver runs right after), not when a test gets round to asking: the main
// thread is busy computing the sheet by then.
const FINAL = new Set(["done", "no-register", "error"]);
new MutationObserver((_, observer) => {
  const pane = document.querySelector('[data-testid="pane"]');
  if (!pane) return;
  handle.paneAt ??= performance.now();
  if (controller && FINAL.has(pane.getAttribute("data-status") ?? "")) {
    handle.readyAt = performance.now();
    observer.disconnect();
    resolveReady(controller.current);
    compute();
  }
}).observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ["data-status"] });

let computing = false;
const compute = () => {
  if (computing) return;
  computing = true;
  void wb.computeInBackground().then(({ ms }) => {
    handle.buildMs = ms;
    resolveComputed(performance.now());
  });
};

const onController = (c: ScanController) => {
  controller = c;
};

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <FluentProvider theme={webLightTheme}>
      <App wb={wb} lang={lang} today={today} onController={onController} />
    </FluentProvider>,
  );
}
