/**
 * npm run bench: every figure of issue 5 beside a baseline measured in the same run, written to
 * bench/results/latest.json (the run before is kept as previous.json and compared with).
 *
 *   npm run bench                     all parts, 200,000 claims
 *   npm run bench -- engine functions only these parts
 *   npm run bench -- --n 20000        a smaller corpus (quick look; figures not comparable)
 *
 * Exits non-zero when the engine differs from the decimal.js reference on any claim.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { MIX } from "./lib/corpus";
import { printTable, type BenchPart, type PartResult } from "./lib/report";
import { auditPart } from "./parts/audit";
import { mergePart } from "./parts/merge";
import { bundlePart } from "./parts/bundle";
import { calcPart } from "./parts/calc";
import { enginePart } from "./parts/engine";
import { functionsPart } from "./parts/functions";
import { hostilePart } from "./parts/hostile";
import { panePart } from "./parts/pane";

/** The repository root: set by bench/index.js when bundled, else this file's parent. */
declare const BENCH_ROOT: string | undefined;

const PARTS: BenchPart[] = [enginePart, functionsPart, calcPart, panePart, auditPart, mergePart, bundlePart, hostilePart];

async function main() {
  const args = process.argv.slice(2);
  let n = 200_000;
  const only: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--n") n = Number(args[++i]);
    else only.push(args[i]);
  }
  const unknown = only.filter((p) => !PARTS.some((part) => part.name === p));
  if (unknown.length || !(n > 0)) {
    console.error(`usage: npm run bench -- [--n CLAIMS] [${PARTS.map((p) => p.name).join("|")} ...]`);
    process.exit(2);
  }
  const root = typeof BENCH_ROOT === "string" ? BENCH_ROOT : path.resolve(__dirname, "..");
  const resultsDir = path.join(root, "bench", "results");
  const scratch = path.join(resultsDir, "scratch");
  mkdirSync(scratch, { recursive: true });
  const ctx = { root, n, seed: 20221001, scratch };

  console.log(`jyreward bench: ${n} claims, Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}`);
  const results: PartResult[] = [];
  for (const part of PARTS.filter((p) => only.length === 0 || only.includes(p.name))) {
    process.stdout.write(`  ${part.name} … `);
    const start = performance.now();
    let result: Omit<PartResult, "part" | "seconds">;
    try {
      result = await part.run(ctx);
    } catch (e) {
      // A part that cannot run says why; the others still run.
      result = { unavailable: `failed: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`, figures: [], checks: [] };
    }
    const seconds = (performance.now() - start) / 1000;
    console.log(result.unavailable ? `not available yet (${seconds.toFixed(1)} s)` : `${seconds.toFixed(1)} s`);
    results.push({ part: part.name, seconds, ...result });
  }

  const latest = path.join(resultsDir, "latest.json");
  const previousFile = path.join(resultsDir, "previous.json");
  if (existsSync(latest)) renameSync(latest, previousFile);
  const previous = new Map<string, number>();
  if (existsSync(previousFile)) {
    const prev = JSON.parse(readFileSync(previousFile, "utf8")) as { parts: PartResult[] };
    for (const part of prev.parts) for (const f of part.figures) previous.set(f.key, f.value);
  }
  const record = {
    when: new Date().toISOString(),
    command: `npm run bench${args.length ? " -- " + args.join(" ") : ""}`,
    machine: { node: process.version, cpus: os.cpus().length, model: os.cpus()[0]?.model.trim(), platform: `${os.platform()} ${os.release()}` },
    corpus: { claims: n, seed: ctx.seed, mix: MIX },
    parts: results,
  };
  writeFileSync(latest, JSON.stringify(record, null, 2) + "\n");

  console.log("");
  console.log(printTable(results, previous));
  for (const r of results) {
    if (r.info) console.log(`${r.part}: ${JSON.stringify(r.info)}`);
    for (const c of r.checks) {
      if (c.differences > 0) console.log(`${c.label}: ${c.differences} differences, e.g.\n${JSON.stringify(c.examples, null, 1)}`);
    }
  }
  console.log(`\nwritten: ${path.relative(root, latest)}${previous.size ? ` (compared with ${path.relative(root, previousFile)})` : ""}`);
  const wrong = results.flatMap((r) => r.checks).filter((c) => c.differences > 0);
  if (wrong.length) {
    console.error(`FAILED: ${wrong.map((c) => `${c.label}: ${c.differences} differences`).join("; ")}`);
    process.exit(1);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
