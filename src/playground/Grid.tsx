/**
 * A simple editable grid over the playground's HyperFormula sheets: sheet tabs, a formula bar,
 * virtualised rows (a 100,000-row register scrolls), a frozen header row, drop-downs from the
 * sheet's data validation (as suggestions), number formats, and the selection the pane sets.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { a1, columnLetters, parseA1 } from "../engine/register";
import type { Lang } from "../engine";
import type { PlaygroundWorkbook } from "./workbook";
import { Chart } from "./Chart";

const ROW_H = 24;
const HEAD_W = 52;
const DEFAULT_W = 96;

function formatValue(v: string | number | boolean | null, format: string | null): string {
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") {
    if (format === "#,##0.00") return v.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    if (format === "#,##0.000000") return v.toLocaleString("en-US", { minimumFractionDigits: 6, maximumFractionDigits: 6 });
    return String(v);
  }
  return v;
}

export function Grid({ wb, lang }: { wb: PlaygroundWorkbook; lang: Lang }) {
  const [version, setVersion] = useState(0);
  const [scrollTop, setScrollTop] = useState(0);
  const [editing, setEditing] = useState<{ row: number; col: number; text: string } | null>(null);
  const [bar, setBar] = useState("");
  const scroller = useRef<HTMLDivElement>(null);
  const [height, setHeight] = useState(600);

  useEffect(() => wb.onView(() => setVersion((v) => v + 1)), [wb]);
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setHeight(el.clientHeight));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const sheet = wb.activeSheet;
  const meta = wb.sheetMeta(sheet);
  const size = wb.sheetSize(sheet);
  const rows = Math.max(size.rows + 20, 40);
  const cols = Math.max(size.cols + 2, 8);
  const widths = useMemo(() => Array.from({ length: cols }, (_, c) => (meta.widths[c] ? meta.widths[c] * 7 + 8 : DEFAULT_W)), [cols, meta]);
  const selected = useMemo(() => {
    const set = new Set<string>();
    if (wb.selection.sheet === sheet) for (const c of wb.selection.cells) set.add(c.toUpperCase());
    return set;
    // version: the selection lives in the workbook
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [wb, sheet, version]);
  const anchor = parseA1(wb.selection.cells[0] ?? "A1") ?? { row: 0, col: 0 };

  // Keep the formula bar on the selected cell, and bring a selection from the pane into view.
  useEffect(() => {
    setBar(wb.cellInput(sheet, anchor.row, anchor.col));
    const el = scroller.current;
    if (!el) return;
    const top = (anchor.row - (meta.freezeRows ? 1 : 0)) * ROW_H;
    if (top < el.scrollTop || top > el.scrollTop + el.clientHeight - 3 * ROW_H) el.scrollTop = Math.max(0, top - 4 * ROW_H);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version, sheet]);

  const first = Math.max(0, Math.floor(scrollTop / ROW_H) - 5);
  const last = Math.min(rows - 1, first + Math.ceil(height / ROW_H) + 10);
  const frozen = meta.freezeRows > 0;

  const commit = (row: number, col: number, text: string) => {
    wb.setCellInput(sheet, row, col, text);
    setEditing(null);
  };

  const onCellKey = (e: KeyboardEvent<HTMLInputElement>, row: number, col: number) => {
    if (e.key === "Enter") {
      commit(row, col, (e.target as HTMLInputElement).value);
      wb.setSelection({ sheet, cells: [a1(row + 1, col)] });
    } else if (e.key === "Escape") setEditing(null);
  };

  const renderRow = (r: number, sticky: boolean) => (
    <div key={r} role="row" style={{ display: "flex", height: ROW_H, position: sticky ? "sticky" : "absolute", top: sticky ? ROW_H : r * ROW_H + ROW_H, zIndex: sticky ? 2 : undefined, background: sticky ? "#f3f6fb" : undefined }}>
      <div style={{ width: HEAD_W, flex: "none", background: "#f0f0f0", borderRight: "1px solid #ccc", borderBottom: "1px solid #e0e0e0", textAlign: "right", paddingRight: 4, fontSize: 12, lineHeight: `${ROW_H}px`, position: "sticky", left: 0, zIndex: 1 }}>{r + 1}</div>
      {widths.map((w, c) => {
        const addr = a1(r, c);
        const isSel = selected.has(addr);
        const isEdit = editing && editing.row === r && editing.col === c;
        const view = wb.cell(sheet, r, c);
        const validation = wb.validation(sheet, r, c);
        const fill = wb.fill(sheet, r, c);
        const text = view.error ? view.error.code : formatValue(view.value, wb.numberFormat(sheet, r, c));
        return (
          <div
            key={c}
            role="gridcell"
            data-cell={addr}
            data-selected={isSel ? "true" : undefined}
            title={view.error ? view.error.message : undefined}
            onMouseDown={() => wb.setSelection({ sheet, cells: [addr] })}
            onDoubleClick={() => setEditing({ row: r, col: c, text: wb.cellInput(sheet, r, c) })}
            style={{
              width: w,
              flex: "none",
              boxSizing: "border-box",
              borderRight: "1px solid #e0e0e0",
              borderBottom: "1px solid #e0e0e0",
              padding: "0 4px",
              fontSize: 12,
              lineHeight: `${ROW_H}px`,
              whiteSpace: "nowrap",
              overflow: "hidden",
              textOverflow: "ellipsis",
              textAlign: typeof view.value === "number" ? "right" : "left",
              color: view.error ? "#b00020" : undefined,
              fontWeight: wb.isBold(sheet, r, c) || (sticky && frozen) ? 600 : undefined,
              background: isSel ? "#cfe3ff" : fill ?? undefined,
              outline: isSel ? "2px solid #1a73e8" : undefined,
              outlineOffset: -2,
            }}
          >
            {isEdit ? (
              <>
                <input
                  autoFocus
                  defaultValue={editing.text}
                  list={validation?.kind === "list" ? `dv-${c}` : undefined}
                  aria-label={addr}
                  data-testid="cell-editor"
                  onKeyDown={(e) => onCellKey(e, r, c)}
                  onBlur={(e) => commit(r, c, e.target.value)}
                  style={{ width: "100%", height: ROW_H - 4, fontSize: 12, boxSizing: "border-box" }}
                />
                {validation?.kind === "list" && (
                  <datalist id={`dv-${c}`}>
                    {validation.items.map((i) => (
                      <option key={i} value={i} />
                    ))}
                  </datalist>
                )}
              </>
            ) : (
              text
            )}
          </div>
        );
      })}
    </div>
  );

  const bodyRows: number[] = [];
  for (let r = first; r <= last; r++) if (!(frozen && r === 0)) bodyRows.push(r);
  const totalWidth = HEAD_W + widths.reduce((a, b) => a + b, 0);

  return (
    <div style={{ display: "flex", flexDirection: "column", height: "100%", minWidth: 0 }}>
      <div role="tablist" aria-label={lang === "zh" ? "工作表" : "Sheets"} style={{ display: "flex", gap: 2, padding: "4px 4px 0", background: "#fafafa", borderBottom: "1px solid #ddd", overflowX: "auto" }}>
        {wb.visibleSheetNames().map((name) => (
          <button
            key={name}
            role="tab"
            aria-selected={name === sheet}
            data-testid="sheet-tab"
            onClick={() => wb.setActiveSheet(name)}
            style={{ border: "1px solid #ccc", borderBottom: "none", background: name === sheet ? "#fff" : "#eee", padding: "4px 10px", fontWeight: name === sheet ? 600 : 400, cursor: "pointer" }}
          >
            {name}
          </button>
        ))}
      </div>
      <div style={{ display: "flex", alignItems: "center", gap: 6, padding: 4, borderBottom: "1px solid #ddd" }}>
        <span style={{ width: 64, fontFamily: "monospace", fontSize: 12 }} data-testid="name-box">
          {wb.selection.cells.join(",")}
        </span>
        <input
          aria-label={lang === "zh" ? "编辑栏" : "Formula bar"}
          data-testid="formula-bar"
          value={bar}
          onChange={(e) => setBar(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") commit(anchor.row, anchor.col, bar);
          }}
          style={{ flex: 1, fontFamily: "monospace", fontSize: 12, padding: "2px 4px" }}
        />
      </div>
      <div style={{ display: "flex", flex: 1, minHeight: 0 }}>
        <div ref={scroller} role="grid" aria-label={sheet} data-testid="grid" onScroll={(e) => setScrollTop((e.target as HTMLDivElement).scrollTop)} style={{ flex: 1, overflow: "auto", position: "relative", minWidth: 0 }}>
          <div style={{ position: "relative", height: (rows + 1) * ROW_H, width: totalWidth }}>
            <div style={{ display: "flex", height: ROW_H, position: "sticky", top: 0, zIndex: 3, background: "#f0f0f0" }}>
              <div style={{ width: HEAD_W, flex: "none", borderRight: "1px solid #ccc", borderBottom: "1px solid #ccc", position: "sticky", left: 0, background: "#f0f0f0" }} />
              {widths.map((w, c) => (
                <div key={c} style={{ width: w, flex: "none", boxSizing: "border-box", textAlign: "center", fontSize: 12, lineHeight: `${ROW_H}px`, borderRight: "1px solid #ccc", borderBottom: "1px solid #ccc" }}>
                  {columnLetters(c)}
                </div>
              ))}
            </div>
            {frozen && renderRow(0, true)}
            {bodyRows.map((r) => renderRow(r, false))}
          </div>
        </div>
        {meta.chart && <Chart wb={wb} sheet={sheet} spec={meta.chart} lang={lang} version={version} />}
      </div>
    </div>
  );
}
