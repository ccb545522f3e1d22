/**
 * merge: `jyreward merge` over a city's year — 20 town registers of 100 enterprises each (the
 * playground's generated register in the template's layout, written with SheetJS) into the city
 * workbook; the whole process is timed, startup included, and the workbook's size reported (the
 * 全市登记表's native formulas are long: about 20 KB of formula text per enterprise before
 * compression). No target is set by the issue; the figures are for comparing runs.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { BenchPart } from "../lib/report";
import { writeRegisterFile } from "./audit";

const FILES = 20;
const ROWS = 100;

export const mergePart: BenchPart = {
  name: "merge",
  async run(ctx) {
    const bin = path.join(ctx.root, "bin", "jyreward.js");
    const dir = path.join(ctx.scratch, "merge");
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(path.join(dir, "towns"), { recursive: true });
    for (let i = 1; i <= FILES; i++) await writeRegisterFile(path.join(dir, "towns", `town-${String(i).padStart(2, "0")}.xlsx`), ROWS);
    const out = path.join(dir, "city.xlsx");
    // One untimed run (the CLI's bundle cache, the file cache), then the best of two.
    const runs: number[] = [];
    let status: number | null = null;
    for (let pass = 0; pass < 3; pass++) {
      const start = performance.now();
      const r = spawnSync(process.execPath, [bin, "merge", path.join(dir, "towns"), "-o", out, "--json", "--today", "2025-12-15"], { cwd: ctx.root, encoding: "utf8", maxBuffer: 1 << 30 });
      if (r.error || r.signal) throw new Error(`jyreward merge: ${r.error?.message ?? r.signal}`);
      status = r.status;
      if (pass > 0) runs.push((performance.now() - start) / 1000);
    }
    const seconds = Math.min(...runs);
    return {
      unavailable: null,
      figures: [
        { key: "merge.seconds", label: `jyreward merge, ${FILES} files × ${ROWS} enterprises`, value: seconds, unit: "s", better: "lower", note: `whole process (node startup included); best of 2 after a warm-up run; exit code ${status}` },
        { key: "merge.workbookMB", label: "city workbook written", value: statSync(out).size / 1e6, unit: "MB", better: "lower" },
      ],
      checks: [],
    };
  },
};
