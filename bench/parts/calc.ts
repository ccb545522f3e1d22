/**
 * calc: `jyreward calc` on the corpus as 200,000 JSON Lines (stdin → stdout, whole process
 * timed, startup included), against bench/float-calc.ts doing the same I/O with plain floats.
 * Every output line is also checked against the decimal.js reference.
 */
import { spawnSync } from "node:child_process";
import { closeSync, existsSync, openSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { BenchClaim } from "../lib/corpus";
import type { Outcome } from "../lib/reference";
import { unavailable, type BenchPart, type Check } from "../lib/report";
import { corpus } from "../lib/shared";

/** One claim as a JSON line, the way a register export would write it. */
export function claimLine(c: BenchClaim, id: number): string {
  const o: Record<string, unknown> = { id };
  const { sector, sales1, sales2, flags, unit, place } = c.input;
  o.sector = sector;
  // JSON has no NaN: a register export would write the text.
  o.sales1 = typeof sales1 === "number" && Number.isNaN(sales1) ? "NaN" : sales1;
  o.sales2 = typeof sales2 === "number" && Number.isNaN(sales2) ? "NaN" : sales2;
  if (flags !== null && flags !== "") o.flags = Array.isArray(flags) ? flags.flat() : flags;
  if (unit !== null) o.unit = unit;
  if (place !== null) o.place = place;
  return JSON.stringify(o);
}

function timeRun(command: string[], input: string, output: string, cwd: string): number {
  const inFd = openSync(input, "r");
  const outFd = openSync(output, "w");
  const start = performance.now();
  const r = spawnSync(command[0], command.slice(1), { cwd, stdio: [inFd, outFd, "pipe"], maxBuffer: 1 << 26 });
  const seconds = (performance.now() - start) / 1000;
  closeSync(inFd);
  closeSync(outFd);
  // calc exits non-zero when some line is an error (bad input is in the corpus on purpose).
  if (r.error || r.signal) throw new Error(`${command.join(" ")}: ${r.error?.message ?? r.signal} ${r.stderr?.toString().slice(0, 300)}`);
  return seconds;
}

function checkOutput(file: string, expected: Outcome[]): Check {
  const lines = readFileSync(file, "utf8").split("\n").filter((l) => l !== "");
  let differences = Math.abs(lines.length - expected.length);
  const examples: unknown[] = [];
  for (const line of lines) {
    const o = JSON.parse(line) as { id: number; error?: { code: string }; status?: string; reward?: string; city?: string; town?: string; park?: string };
    const want = expected[o.id];
    const same = o.error
      ? want.error === o.error.code
      : want.status === o.status && want.reward === o.reward && want.city === o.city && want.town === o.town && want.park === o.park;
    if (!same) {
      differences++;
      if (examples.length < 5) examples.push({ line: o, want });
    }
  }
  return { label: "jyreward calc vs decimal.js reference", compared: expected.length, differences, examples };
}

export const calcPart: BenchPart = {
  name: "calc",
  async run(ctx) {
    const bin = path.join(ctx.root, "bin", "jyreward.js");
    const calc = path.join(ctx.root, "src", "cli", "calc.ts");
    if (!existsSync(bin) || !existsSync(calc)) return unavailable("bin/jyreward.js or src/cli/calc.ts does not exist");
    const { claims, expected } = corpus(ctx.n, ctx.seed);
    const input = path.join(ctx.scratch, "claims.jsonl");
    writeFileSync(input, claims.map(claimLine).join("\n") + "\n");
    const calcOut = path.join(ctx.scratch, "calc.out.jsonl");
    const floatOut = path.join(ctx.scratch, "float.out.jsonl");
    const floatProgram = path.join(ctx.root, "bench", "results", "float-calc.cjs");

    // One untimed run each (tsx's compile cache, the file cache), then the best of three.
    const runs = { calc: [] as number[], float: [] as number[] };
    for (let pass = 0; pass < 4; pass++) {
      const c = timeRun([process.execPath, bin, "calc"], input, calcOut, ctx.root);
      const f = timeRun([process.execPath, floatProgram], input, floatOut, ctx.root);
      if (pass > 0) {
        runs.calc.push(c);
        runs.float.push(f);
      }
    }
    const check = checkOutput(calcOut, expected);
    const calcSeconds = Math.min(...runs.calc);
    const floatSeconds = Math.min(...runs.float);
    const ratio = calcSeconds / floatSeconds;
    return {
      unavailable: null,
      figures: [
        {
          key: "calc.seconds",
          label: `jyreward calc, ${claims.length} JSON lines`,
          value: calcSeconds,
          unit: "s",
          better: "lower",
          baseline: { label: "float program", value: floatSeconds },
          ratio,
          target: { text: "≤ 3× float time", met: ratio <= 3 },
          note: `${((claims.length / calcSeconds) / 1000).toFixed(0)} k lines/s, whole process (node startup included); best of 3 after a warm-up run`,
        },
      ],
      checks: [check],
    };
  },
};
