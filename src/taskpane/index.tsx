/** Entry of the task pane page in Excel: waits for Office, then renders the pane on the Excel port. */
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { langOf } from "../engine";
import { excelWorkbook } from "../workbook/excel";
import { Pane } from "./Pane";

Office.onReady(() => {
  const root = document.getElementById("root");
  if (!root) return;
  const port = excelWorkbook();
  createRoot(root).render(
    <FluentProvider theme={webLightTheme}>
      <Pane port={port} lang={langOf(Office.context.displayLanguage)} />
    </FluentProvider>,
  );
});
