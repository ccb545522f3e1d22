/**
 * audit: `jyreward audit` over 100 register files of 1,000 rows each; target 30 s. Measured once
 * the CLI has the command (engineer D's issue); until then this part says so.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { unavailable, type BenchPart } from "../lib/report";

export const auditPart: BenchPart = {
  name: "audit",
  async run(ctx) {
    const bin = path.join(ctx.root, "bin", "jyreward.js");
    if (!existsSync(bin)) return unavailable("bin/jyreward.js does not exist");
    const help = spawnSync(process.execPath, [bin, "--help", "--lang", "en"], { cwd: ctx.root, encoding: "utf8" });
    if (!/^\s+audit\s/m.test(help.stdout ?? "")) return unavailable("jyreward has no audit command yet (jyreward --help lists none)");
    return unavailable("jyreward audit exists, but this bench part does not yet generate its 100 × 1,000-row input files: run it by hand until it does");
  },
};
