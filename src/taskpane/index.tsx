/**
 * Entry of the task pane page in Excel: waits for Office, then renders the pane on the Excel port.
 * This page is also the shared runtime of the JY.* functions: it may load hidden, with the workbook
 * or for a recalculation. It shows the pane itself only when the user chose 打开工作簿时自动显示
 * for this workbook (Settings.tsx); the scan waits until the pane is shown (scanner.ts).
 */
import { createRoot } from "react-dom/client";
import { FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, Link, webLightTheme } from "@fluentui/react-components";
import { langOf } from "../engine";
import { excelWorkbook } from "../workbook/excel";
import { Pane } from "./Pane";
import { opensWithWorkbook } from "./Settings";

/** Shown when the page is opened outside Excel (a plain browser, another Office app). */
function NotInExcel() {
  return (
    <MessageBar intent="info">
      <MessageBarBody>
        <MessageBarTitle>请在 Excel 中打开本加载项 · Open this add-in in Excel</MessageBarTitle>
        此页面是 Excel 任务窗格，需要由 Excel 加载。没有 Excel 时，可使用{" "}
        <Link href="playground.html">试算工作簿（playground）</Link>。 This page is Excel's task pane; without Excel, use
        the <Link href="playground.html">playground</Link>.
      </MessageBarBody>
    </MessageBar>
  );
}

Office.onReady((info) => {
  const root = document.getElementById("root");
  if (!root) return;
  const inExcel = info.host === Office.HostType.Excel;
  const port = inExcel ? excelWorkbook() : null;
  createRoot(root).render(
    <FluentProvider theme={webLightTheme}>
      {port ? <Pane port={port} lang={langOf(Office.context.displayLanguage)} /> : <NotInExcel />}
    </FluentProvider>,
  );
  // Loaded hidden with a workbook whose user asked for the pane: show it.
  // A refusal leaves the pane closed, as before the choice: the ribbon button still opens it.
  if (port?.pane && opensWithWorkbook(port.settings) && !port.pane.visibleNow()) void port.pane.show().catch(() => undefined);
});
