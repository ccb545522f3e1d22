/** The playground page: the in-browser workbook on the left, the real pane on the right. */
import { useState } from "react";
import { Caption1, Title3, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "../engine";
import { Pane } from "../taskpane/Pane";
import type { ScanController } from "../taskpane/scanner";
import { Grid } from "./Grid";
import { FileBar } from "./FileBar";
import { setFunctionLanguage } from "./jyPlugin";
import type { PlaygroundWorkbook } from "./workbook";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", height: "100vh", fontFamily: tokens.fontFamilyBase },
  top: { display: "flex", alignItems: "baseline", gap: "12px", padding: "6px 12px", borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  main: { display: "flex", flex: 1, minHeight: 0 },
  grid: { flex: 1, minWidth: 0 },
  pane: { width: "440px", flex: "none", overflowY: "auto", borderLeft: `1px solid ${tokens.colorNeutralStroke2}` },
  paneOnly: { fontFamily: tokens.fontFamilyBase },
});

/** ?pane=only shows the pane alone, filling the window, as Excel hosts it (tests at 320–450 px). */
const PANE_ONLY = new URLSearchParams(location.search).get("pane") === "only";
if (PANE_ONLY) document.body.style.margin = "0";

export function App(props: { wb: PlaygroundWorkbook; lang: Lang; today?: string; onController: (c: ScanController) => void }) {
  const { wb, today, onController } = props;
  const st = useStyles();
  const [lang, setLang] = useState<Lang>(props.lang);
  const changeLang = (l: Lang) => {
    setFunctionLanguage(l);
    wb.setDisplayLanguage(l === "zh" ? "zh-CN" : "en-US");
    setLang(l);
  };
  const pane = <Pane port={wb} lang={lang} onLangChange={changeLang} scanOptions={{ today }} onController={onController} />;
  if (PANE_ONLY) return <div className={st.paneOnly}>{pane}</div>;
  return (
    <div className={st.page}>
      <div className={st.top}>
        <Title3 as="h1">{lang === "zh" ? "试算工作簿（无需 Excel）" : "Playground (no Excel needed)"}</Title3>
        <Caption1>
          {lang === "zh"
            ? "示例登记表中的企业、代码和金额均为虚构。双击单元格或在编辑栏中修改，右侧任务窗格会自动重新核查。"
            : "All enterprises, codes and figures in the sample register are fictional. Double-click a cell or use the formula bar; the pane on the right re-checks by itself."}
        </Caption1>
        <FileBar wb={wb} lang={lang} />
      </div>
      <div className={st.main}>
        <div className={st.grid}>
          <Grid wb={wb} lang={lang} />
        </div>
        <aside className={st.pane} aria-label={lang === "zh" ? "任务窗格" : "Task pane"}>
          {pane}
        </aside>
      </div>
    </div>
  );
}
