/** What a bench part reports, how the run prints it, and how one run compares with the last. */

export interface Figure {
  /** Stable key, used to compare runs: "engine.assessmentsPerSecond". */
  key: string;
  label: string;
  value: number;
  unit: string;
  /** Whether a larger value is better (throughput) or a smaller one (time, size). */
  better: "higher" | "lower";
  baseline?: { label: string; value: number };
  /** value / baseline.value. */
  ratio?: number;
  target?: { text: string; met: boolean };
  note?: string;
}

export interface Check {
  label: string;
  compared: number;
  differences: number;
  /** A few differing claims, for the reader to reproduce. */
  examples?: unknown[];
}

export interface PartResult {
  part: string;
  /** Null when measured; else why the subject cannot be measured yet. */
  unavailable: string | null;
  figures: Figure[];
  checks: Check[];
  info?: Record<string, unknown>;
  seconds: number;
}

export interface BenchContext {
  root: string;
  n: number;
  seed: number;
  /** Scratch directory for generated inputs (under bench/results/). */
  scratch: string;
}

export interface BenchPart {
  name: string;
  run(ctx: BenchContext): Promise<Omit<PartResult, "part" | "seconds">>;
}

export const unavailable = (why: string): Omit<PartResult, "part" | "seconds"> => ({ unavailable: why, figures: [], checks: [] });

const fmt = (x: number, unit: string): string => {
  if (unit === "claims/s" || unit === "calls/s" || unit === "lines/s" || unit === "rows/s") {
    return x >= 1e6 ? `${(x / 1e6).toFixed(2)} M/s` : x >= 1e3 ? `${(x / 1e3).toFixed(1)} k/s` : `${x.toFixed(0)} /s`;
  }
  if (unit === "ns") return `${x.toFixed(0)} ns`;
  if (unit === "s") return `${x.toFixed(2)} s`;
  if (unit === "ms") return `${x.toFixed(0)} ms`;
  if (unit === "KB") return `${x.toFixed(1)} KB`;
  return `${x} ${unit}`;
};

function pad(s: string, n: number): string {
  // East Asian characters take two columns in a terminal.
  const width = [...s].reduce((w, ch) => w + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0);
  return s + " ".repeat(Math.max(0, n - width));
}

export function printTable(results: PartResult[], previous: Map<string, number>): string {
  const rows: string[][] = [["figure", "value", "baseline", "ratio", "target", "met", "vs previous"]];
  const notes: string[] = [];
  for (const r of results) {
    if (r.unavailable) {
      rows.push([`${r.part}`, "not available yet", "", "", "", "", ""]);
      notes.push(`${r.part}: not available yet: ${r.unavailable}`);
      continue;
    }
    for (const f of r.figures) {
      const prev = previous.get(f.key);
      let delta = "";
      if (prev !== undefined && prev !== 0) {
        const change = (f.value - prev) / prev;
        const good = f.better === "higher" ? change >= 0 : change <= 0;
        delta = `${change >= 0 ? "+" : ""}${(change * 100).toFixed(1)}%${Math.abs(change) >= 0.05 ? (good ? " better" : " worse") : ""}`;
      }
      rows.push([
        f.label,
        fmt(f.value, f.unit),
        f.baseline ? `${fmt(f.baseline.value, f.unit)} (${f.baseline.label})` : "",
        f.ratio !== undefined ? `${f.ratio.toFixed(2)}×` : "",
        f.target?.text ?? "",
        f.target ? (f.target.met ? "met" : "MISSED") : "",
        delta,
      ]);
      if (f.note) notes.push(`${f.label}: ${f.note}`);
    }
    for (const c of r.checks) {
      rows.push([c.label, `${c.differences} of ${c.compared}`, "", "", "0 differences", c.differences === 0 ? "met" : "MISSED", ""]);
    }
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => [...row[i]].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0))));
  const lines = rows.map((row) => row.map((cell, i) => pad(cell, widths[i])).join("  ").trimEnd());
  lines.splice(1, 0, widths.map((w) => "-".repeat(w)).join("  "));
  return [...lines, "", ...notes].join("\n");
}
