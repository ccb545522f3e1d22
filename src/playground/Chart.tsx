/**
 * The playground's stand-in for the native Excel chart of the 资金统计 sheet: the same data range,
 * drawn as an SVG column chart from the live HyperFormula values. (In Excel the summary gets a real
 * chart object through the port.)
 */
import type { Lang } from "../engine";
import type { ChartSpec } from "../workbook";
import { parseRange, type PlaygroundWorkbook } from "./workbook";

export function Chart({ wb, sheet, spec, lang, version }: { wb: PlaygroundWorkbook; sheet: string; spec: ChartSpec; lang: Lang; version: number }) {
  const r = parseRange(spec.range);
  const bars: Array<{ label: string; value: number }> = [];
  for (let row = r.top + 1; row <= r.bottom; row++) {
    const label = wb.cell(sheet, row, r.left).value;
    const v = wb.cell(sheet, row, r.left + 1).value;
    bars.push({ label: String(label ?? ""), value: typeof v === "number" ? v : 0 });
  }
  const max = Math.max(1, ...bars.map((b) => b.value));
  const W = 300;
  const H = 220;
  const bw = (W - 40) / Math.max(1, bars.length);
  return (
    <figure data-testid="chart" data-version={version} style={{ margin: 8, width: W, flex: "none" }}>
      <svg width={W} height={H + 40} role="img" aria-label={spec.title}>
        <line x1={30} y1={H} x2={W} y2={H} stroke="#888" />
        {bars.map((b, i) => {
          const h = (b.value / max) * (H - 30);
          const x = 40 + i * bw;
          return (
            <g key={b.label}>
              <rect x={x} y={H - h} width={bw * 0.6} height={h} fill="#1a73e8" data-testid="chart-bar" data-label={b.label} data-value={b.value} />
              <text x={x + bw * 0.3} y={H + 14} fontSize={11} textAnchor="middle">
                {b.label}
              </text>
              <text x={x + bw * 0.3} y={H - h - 4} fontSize={10} textAnchor="middle">
                {b.value.toLocaleString("en-US", { maximumFractionDigits: 2 })}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption style={{ fontSize: 12 }}>
        {spec.title}
        {lang === "zh" ? "（试算页以 SVG 绘制；Excel 中为原生图表）" : " (drawn as SVG here; a native chart in Excel)"}
      </figcaption>
    </figure>
  );
}
