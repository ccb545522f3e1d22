#!/usr/bin/env node
"use strict";
/**
 * jyreward runs the TypeScript sources with no build step between `npm ci` and the first run.
 *
 * The first run bundles src/cli/main.ts and everything it imports with esbuild (ES modules joined
 * into one scope, as the browser build joins them; libraries stay in node_modules) into
 * node_modules/.cache/jyreward/, and records each source's size and mtime. Later runs check those
 * stamps (a few dozen stat calls) and load the bundle; a changed, added or removed import rebuilds
 * it. Running through tsx instead costs an export getter per cross-module call and a wrapper per
 * closure, which the calc stream pays on every line. Without esbuild, when the cache cannot be
 * written, or with JYREWARD_TSX=1, tsx compiles the sources on the fly as before.
 */
const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const ENTRY = path.join("src", "cli", "main.ts");
const FORMAT = 1;

/** The sources' stamps, as [path relative to root, size, mtime in ms]. */
function stampsOf(root, files) {
  return files.map((file) => {
    const st = fs.statSync(path.join(root, file));
    return [file, st.size, st.mtimeMs];
  });
}

function sameStamps(a, b) {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i][0] !== b[i][0] || a[i][1] !== b[i][1] || a[i][2] !== b[i][2]) return false;
  return true;
}

/** The bundle recorded in cacheDir, if every source it was built from is unchanged; else null. */
function freshBundle(root, cacheDir, esbuildVersion) {
  let manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(cacheDir, "cli.json"), "utf8"));
  } catch {
    return null;
  }
  if (manifest.format !== FORMAT || manifest.esbuild !== esbuildVersion || manifest.entry !== ENTRY) return null;
  const bundle = path.join(cacheDir, manifest.bundle);
  try {
    if (!sameStamps(stampsOf(root, manifest.inputs.map((i) => i[0])), manifest.inputs)) return null;
    if (!fs.existsSync(bundle)) return null;
  } catch {
    return null;
  }
  return bundle;
}

/**
 * The path of a bundle of root's CLI that matches its sources, building it into cacheDir when
 * needed; `built` says whether this call built it. Throws when esbuild is missing or fails.
 */
function prepare(root = ROOT, cacheDir = path.join(root, "node_modules", ".cache", "jyreward")) {
  const esbuild = require("esbuild");
  const fresh = freshBundle(root, cacheDir, esbuild.version);
  if (fresh) return { bundle: fresh, built: false };
  const result = esbuild.buildSync({
    absWorkingDir: root,
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    platform: "node",
    target: "node20",
    format: "cjs",
    packages: "external",
    metafile: true,
    logLevel: "silent",
  });
  const code = result.outputFiles[0].contents;
  // Stamps taken after the build: a source edited meanwhile makes the next run build again.
  const inputs = stampsOf(root, Object.keys(result.metafile.inputs).sort());
  const id = `${process.pid}-${Date.now().toString(36)}`;
  const name = `cli-${id}.cjs`;
  fs.mkdirSync(cacheDir, { recursive: true });
  // Written under a temporary name, then renamed: a concurrent run sees the old files or the new.
  fs.writeFileSync(path.join(cacheDir, `${name}.tmp`), code);
  fs.renameSync(path.join(cacheDir, `${name}.tmp`), path.join(cacheDir, name));
  const manifest = { format: FORMAT, esbuild: esbuild.version, entry: ENTRY, bundle: name, inputs };
  fs.writeFileSync(path.join(cacheDir, `cli-${id}.json.tmp`), JSON.stringify(manifest));
  fs.renameSync(path.join(cacheDir, `cli-${id}.json.tmp`), path.join(cacheDir, "cli.json"));
  // Older bundles: removed once they are a minute old (a concurrent run may still be loading one).
  for (const f of fs.readdirSync(cacheDir)) {
    if (f === name || !/^cli-.*\.cjs$/.test(f)) continue;
    try {
      if (Date.now() - fs.statSync(path.join(cacheDir, f)).mtimeMs > 60_000) fs.unlinkSync(path.join(cacheDir, f));
    } catch {
      // Another run removed it first.
    }
  }
  return { bundle: path.join(cacheDir, name), built: true };
}

/** The CLI's main module: the bundle when it can be had, else the sources through tsx. */
function loadMain() {
  if (process.env.JYREWARD_TSX !== "1") {
    let bundle = null;
    try {
      bundle = prepare().bundle;
    } catch {
      // No esbuild, a source that does not compile, or a read-only install: tsx reports or copes.
    }
    if (bundle) return require(bundle);
  }
  require("tsx/cjs");
  return require(path.join(ROOT, ENTRY));
}

if (require.main === module) loadMain().start();

module.exports = { prepare, freshBundle, loadMain };
