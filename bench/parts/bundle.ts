/**
 * bundle: sizes of the production build, gzipped (level 9, as a server would send them): the
 * functions bundle Excel loads, the JS the pane's page loads at first (its <script> tags, office.js
 * from Microsoft's CDN aside), and the lazy chunks loaded on demand, listed by name.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { productionBuild } from "../lib/build";
import { unavailable, type BenchPart, type Figure } from "../lib/report";

const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length / 1024;

function jsFiles(dir: string, under = ""): string[] {
  return readdirSync(path.join(dir, under)).flatMap((name) => {
    const rel = path.posix.join(under, name);
    if (statSync(path.join(dir, rel)).isDirectory()) return jsFiles(dir, rel);
    return name.endsWith(".js") ? [rel] : [];
  });
}

/** The local scripts an HTML page loads by itself. */
function pageScripts(html: string): string[] {
  return [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]).filter((src) => !/^https?:/.test(src)).map((src) => src.replace(/^\.?\//, ""));
}

export const bundlePart: BenchPart = {
  name: "bundle",
  async run(ctx) {
    const build = productionBuild(ctx);
    if ("error" in build) return unavailable(build.error);
    const dir = build.dir;
    const all = jsFiles(dir);
    if (!all.includes("functions.js")) return unavailable("the build has no functions.js");
    const pane = pageScripts(readFileSync(path.join(dir, "taskpane.html"), "utf8"));
    const playground = pageScripts(readFileSync(path.join(dir, "playground.html"), "utf8"));
    const initial = new Set([...pane, ...playground]);
    const lazy = all.filter((f) => !initial.has(f) && f !== "functions.js");
    const functions = gz(path.join(dir, "functions.js"));
    const paneKB = pane.reduce((s, f) => s + gz(path.join(dir, f)), 0);
    const playgroundKB = playground.reduce((s, f) => s + gz(path.join(dir, f)), 0);
    const figures: Figure[] = [
      { key: "bundle.functionsKB", label: "functions bundle (functions.js), gzipped", value: functions, unit: "KB", better: "lower", target: { text: "≤ 60 KB", met: functions <= 60 } },
      {
        key: "bundle.paneInitialKB",
        label: "pane initial JS (taskpane.html), gzipped",
        value: paneKB,
        unit: "KB",
        better: "lower",
        target: { text: "≤ 350 KB", met: paneKB <= 350 },
        note: `${pane.join(", ")} (office.js comes from Microsoft's CDN and is not counted)`,
      },
      { key: "bundle.playgroundInitialKB", label: "playground initial JS, gzipped", value: playgroundKB, unit: "KB", better: "lower", note: playground.join(", ") },
      ...lazy.map(
        (f): Figure => ({ key: `bundle.lazy.${f.replace(/\.[0-9a-f]{8}\.js$/, "")}`, label: `lazy: ${f.replace(/\.[0-9a-f]{8}\.js$/, "")}, gzipped`, value: gz(path.join(dir, f)), unit: "KB", better: "lower" }),
      ),
    ];
    return { unavailable: null, figures, checks: [], info: { buildSeconds: build.seconds } };
  },
};
