/**
 * The arrows of CONTRIBUTING.md: src/policy imports only itself; src/engine only itself, src/policy
 * and decimal.js. No Office, React, webpack or Node module, and no host global (Office, Excel,
 * CustomFunctions, window, document, process, require), so the same engine runs in Excel's runtime,
 * the browser, the CLI and jest.
 */
import * as fs from "fs";
import * as path from "path";

const SRC = path.resolve(__dirname, "../../src");

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : /\.(ts|tsx|js|mjs|cjs)$/.test(e.name) ? [p] : [];
  });
}

/** Every module a file names: import / export … from, import(), require(). */
function specifiers(source: string): string[] {
  const out: string[] = [];
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\s+from\s+)?["']([^"']+)["']/g,
    /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g,
    /\brequire\s*\(\s*["']([^"']+)["']\s*\)/g,
  ];
  for (const re of patterns) for (const m of source.matchAll(re)) out.push(m[1]);
  return out;
}

/** The code without comments and string contents, for looking up identifiers. */
function codeOnly(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, " ")
    .replace(/(^|[^:])\/\/.*$/gm, "$1")
    .replace(/`(?:\\[\s\S]|[^`\\])*`|"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'/g, '""');
}

const HOST_GLOBALS = /\b(Office|Excel|CustomFunctions|window|document|process|require|globalThis\.Office)\s*[.(\[]/;

describe.each([
  ["policy", ["policy"], [] as string[]],
  ["engine", ["engine", "policy"], ["decimal.js"]],
])("src/%s", (layer, insideOf, packages) => {
  const layerFiles = files(path.join(SRC, layer));

  test("has files to check", () => {
    expect(layerFiles.length).toBeGreaterThan(3);
  });

  test.each(layerFiles.map((f) => [path.relative(SRC, f), f]))("%s imports only %s", (_name, file) => {
    const source = fs.readFileSync(file, "utf8");
    const bad = specifiers(source).filter((s) => {
      if (s.startsWith(".")) {
        const target = path.relative(SRC, path.resolve(path.dirname(file), s)).split(path.sep)[0];
        return !insideOf.includes(target);
      }
      return !packages.includes(s);
    });
    expect(bad).toEqual([]);
    expect(codeOnly(source).match(HOST_GLOBALS)?.[0] ?? null).toBeNull();
  });
});

test("the import finder sees the forms it must refuse", () => {
  const sample = [
    'import React from "react";',
    'import { readFileSync } from "node:fs";',
    'export * from "../workbook";',
    'import type { X } from "office-js";',
    'const m = await import("hyperformula");',
    'const fs = require("fs");',
    'import "./side-effect";',
  ].join("\n");
  expect(specifiers(sample)).toEqual(["react", "node:fs", "../workbook", "office-js", "./side-effect", "hyperformula", "fs"]);
  expect(codeOnly('// Office.js is not used\nconst s = "Office.context";')).not.toMatch(HOST_GLOBALS);
  expect(codeOnly("const lang = Office.context.displayLanguage;")).toMatch(HOST_GLOBALS);
});
