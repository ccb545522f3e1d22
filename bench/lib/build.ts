/**
 * A production build of the add-in for the pane and bundle parts, made once per run into
 * bench/results/dist (never touching dist/), and a local server for it (scripts/serve-dist.js).
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import type { AddressInfo, Server } from "node:net";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { BenchContext } from "./report";

let built: { dir: string; seconds: number } | { error: string } | null = null;

/** Builds with webpack in production mode; returns the output folder or why it could not. */
export function productionBuild(ctx: BenchContext): { dir: string; seconds: number } | { error: string } {
  if (built) return built;
  if (!existsSync(path.join(ctx.root, "webpack.config.js"))) return (built = { error: "webpack.config.js does not exist" });
  const dir = path.join(ctx.root, "bench", "results", "dist");
  const start = performance.now();
  const webpack = path.join(ctx.root, "node_modules", "webpack", "bin", "webpack.js");
  const r = spawnSync(process.execPath, [webpack, "--mode", "production", "--env", `outDir=${dir}`, "--env", "baseUrl=https://bench.invalid/jy/"], {
    cwd: ctx.root,
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  if (r.status !== 0) return (built = { error: `npm run build failed: ${(r.stderr || r.stdout).split("\n").filter(Boolean).slice(-3).join(" ")}` });
  return (built = { dir, seconds: (performance.now() - start) / 1000 });
}

/** Serves a build folder on a free port; resolves to its origin and a stop function. */
export async function serve(ctx: BenchContext, dir: string): Promise<{ origin: string; stop: () => Promise<void> }> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { serveDist } = require(path.join(ctx.root, "scripts", "serve-dist.js")) as { serveDist: (o: { dir: string; port: number }) => Promise<Server> };
  const server = await serveDist({ dir, port: 0 });
  const origin = `http://localhost:${(server.address() as AddressInfo).port}`;
  return { origin, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
export const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
