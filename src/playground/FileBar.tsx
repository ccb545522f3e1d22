/**
 * The playground's file buttons: 打开 .xlsx (loads a register workbook into the page), 下载通用版
 * (the opened file made portable, from its original bytes) and 下载原文件 (a portable file
 * restored). The code that reads and writes .xlsx files is loaded only when a button is used.
 */
import { useRef, useState } from "react";
import { Button, Caption1, makeStyles } from "@fluentui/react-components";
import type { Lang } from "../engine";
import type { PlaygroundWorkbook } from "./workbook";
import { withoutFlagHint } from "../portable/zip-guard";

const useStyles = makeStyles({
  bar: { display: "flex", alignItems: "center", gap: "8px", flexWrap: "wrap" },
});

interface Opened {
  name: string;
  bytes: Uint8Array;
  portable: boolean;
}

function download(bytes: Uint8Array, name: string): void {
  const blob = new Blob([bytes as BlobPart], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const base = (name: string) => name.replace(/\.xlsx$/i, "");

export function FileBar({ wb, lang }: { wb: PlaygroundWorkbook; lang: Lang }) {
  const st = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [opened, setOpened] = useState<Opened | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const zh = lang === "zh";

  const guard = async (fn: () => Promise<void>) => {
    setBusy(true);
    try {
      await fn();
    } catch (e) {
      // A file the reader cannot read says so in the user's language (SpreadsheetReadError).
      const said = e !== null && typeof e === "object" && "zh" in e && "en" in e ? withoutFlagHint(String((e as { zh: string; en: string })[zh ? "zh" : "en"])) : null;
      setMessage(said ?? `${zh ? "操作未完成" : "Not done"}: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };

  const open = (file: File) =>
    guard(async () => {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const files = await import("./files");
      const read = await files.readRegisterFile(bytes, file.name);
      await wb.replaceWith(read.sheet, read.rows);
      // Make portable / restore rewrite an .xlsx package; an .xls or .ods file is read only.
      const ooxml = /\.xls[xm]$/i.test(file.name);
      setOpened(ooxml ? { name: file.name, bytes, portable: read.portable } : null);
      const outside = read.outside > 0 ? (zh ? `；${read.outside} 个单元格超出 250,000 行 × 200 列，未显示` : `; ${read.outside} cells beyond 250,000 rows × 200 columns not shown`) : "";
      const readOnly = ooxml ? "" : zh ? "；此格式只读，下载通用版请先另存为 .xlsx" : "; this format is read only: save it as .xlsx to download a portable version";
      setMessage(zh ? `已打开 ${file.name}（工作表“${read.sheet}”）${outside}${readOnly}` : `Opened ${file.name} (sheet “${read.sheet}”)${outside}${readOnly}`);
    });

  const downloadPortable = () =>
    guard(async () => {
      if (!opened) return;
      const files = await import("./files");
      const { bytes, report } = await files.portableFile(opened.bytes);
      const natives = report.converted.filter((c) => c.kind === "native").length;
      const frozen = report.converted.filter((c) => c.kind === "frozen").length;
      download(bytes, `${base(opened.name)}-通用版.xlsx`);
      setMessage(
        zh
          ? `已下载通用版：${natives} 个单元格转为通用公式，${frozen} 个冻结为数值，${report.skipped.length} 个未转换。`
          : `Downloaded the portable version: ${natives} cells made portable, ${frozen} frozen, ${report.skipped.length} not converted.`,
      );
    });

  const downloadRestored = () =>
    guard(async () => {
      if (!opened) return;
      const files = await import("./files");
      const { bytes, report } = await files.restoredFile(opened.bytes);
      const listed = (ps: Array<{ sheet: string; cell: string; zh: string; en: string }>) => ps.map((p) => `${p.sheet ? `${p.sheet}!${p.cell} ` : ""}${zh ? p.zh : p.en}`).join(zh ? "；" : "; ");
      if (report.damaged.length > 0) {
        // Nothing restored, nothing downloaded: the record cannot be trusted.
        setMessage(zh ? `未恢复：JY_ORIGINALS 记录已损坏或不完整（${listed(report.damaged)}）` : `Not restored: the JY_ORIGINALS record is damaged or incomplete (${listed(report.damaged)})`);
        return;
      }
      download(bytes, `${base(opened.name).replace(/-通用版$/, "")}-原公式.xlsx`);
      setMessage(
        (zh ? `已下载原文件：恢复 ${report.restored.length} 个单元格的 JY 公式。` : `Downloaded the original: ${report.restored.length} JY formulas restored.`) +
          (report.refused.length > 0
            ? zh
              ? ` 未恢复 ${report.refused.length} 个单元格（记录仍保留在文件中）：${listed(report.refused)}`
              : ` ${report.refused.length} cells not restored (the record stays in the file): ${listed(report.refused)}`
            : ""),
      );
    });

  return (
    <div className={st.bar}>
      <input
        ref={input}
        type="file"
        accept=".xlsx,.xlsm,.xls,.ods,.et,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        style={{ display: "none" }}
        data-testid="open-file-input"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = "";
          if (f) void open(f);
        }}
      />
      <Button size="small" disabled={busy} onClick={() => input.current?.click()} data-testid="open-file">
        {zh ? "打开 .xlsx" : "Open .xlsx"}
      </Button>
      <Button size="small" disabled={busy || !opened || opened.portable} onClick={() => void downloadPortable()} data-testid="download-portable">
        {zh ? "下载通用版" : "Download portable"}
      </Button>
      <Button size="small" disabled={busy || !opened || !opened.portable} onClick={() => void downloadRestored()} data-testid="download-restored">
        {zh ? "下载原文件（恢复 JY 公式）" : "Download original (restore)"}
      </Button>
      {message && <Caption1 data-testid="file-message">{message}</Caption1>}
    </div>
  );
}
