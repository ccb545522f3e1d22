#!/usr/bin/env node
/**
 * npm run bench: bundles the bench (engine, functions, policy and all) into one file the way the
 * production build does — ES modules joined into one scope — and runs it with node. Timing the
 * engine through tsx's per-module CommonJS wrappers would measure export getters, not the engine.
 * Arguments pass through: npm run bench -- engine --n 20000
 */
"use strict";
const path = require("path");
const { buildSync } = require("esbuild");

const root = path.resolve(__dirname, "..");
const outdir = path.join(root, "bench", "results");
const outfile = path.join(outdir, "run.cjs");
buildSync({
  // run.ts is the bench; float-calc.ts is the float program the calc part races jyreward calc with.
  entryPoints: [path.join(root, "bench", "run.ts"), path.join(root, "bench", "float-calc.ts")],
  outdir,
  outExtension: { ".js": ".cjs" },
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  // Libraries load from node_modules as they would in the CLI; our own code is bundled.
  packages: "external",
  sourcemap: true,
  logLevel: "warning",
  define: { BENCH_ROOT: JSON.stringify(root) },
});
process.argv.splice(1, 1, outfile);
require(outfile);
