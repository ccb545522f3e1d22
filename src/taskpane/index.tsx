/** Entry of the task pane page in Excel: waits for Office, then renders the pane on the Excel port. */
import { createRoot } from "react-dom/client";
import { FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, Link, webLightTheme } from "@fluentui/react-components";
import { langOf } from "../engine";
import { excelWorkbook } from "../workbook/excel";
import { Pane } from "./Pane";

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
  createRoot(root).render(
    <FluentProvider theme={webLightTheme}>
      {inExcel ? <Pane port={excelWorkbook()} lang={langOf(Office.context.displayLanguage)} /> : <NotInExcel />}
    </FluentProvider>,
  );
});
