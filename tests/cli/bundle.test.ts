/**
 * bin/jyreward.js runs a bundle of the CLI cached under node_modules/.cache/jyreward, rebuilt when
 * a source it was built from changes, and tsx when the bundle cannot be had (JYREWARD_TSX=1 forces
 * it). Both must give the same bytes.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { BIN, runCli } from "./run-cli";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const launcher = require(BIN) as { prepare: (root: string, cacheDir: string) => { bundle: string; built: boolean } };
const ROOT = path.resolve(__dirname, "../..");

describe("jyreward launcher", () => {
  let dir: string;
  beforeAll(() => {
    // A copy of the sources beside the real node_modules, so the test may touch them.
    dir = mkdtempSync(path.join(os.tmpdir(), "jyreward-bundle-"));
    cpSync(path.join(ROOT, "src"), path.join(dir, "src"), { recursive: true });
    symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("builds once, reuses the bundle, rebuilds when a source it includes changes", () => {
    const cache = path.join(dir, "cache");
    const first = launcher.prepare(dir, cache);
    expect(first.built).toBe(true);
    const again = launcher.prepare(dir, cache);
    expect(again).toEqual({ bundle: first.bundle, built: false });

    // An engine file (reached through calc): a new mtime means a new bundle.
    const format = path.join(dir, "src", "engine", "format.ts");
    const later = new Date(Date.now() + 5000);
    utimesSync(format, later, later);
    const touched = launcher.prepare(dir, cache);
    expect(touched.built).toBe(true);
    expect(touched.bundle).not.toBe(first.bundle);

    // A changed text is in the new bundle.
    writeFileSync(format, readFileSync(format, "utf8").replace('"×10k yuan"', '"x10k-changed"'));
    const changed = launcher.prepare(dir, cache);
    expect(changed.built).toBe(true);
    expect(readFileSync(changed.bundle, "utf8")).toContain("x10k-changed");
    expect(launcher.prepare(dir, cache).built).toBe(false);

    // A file outside the bundle's inputs changes nothing.
    writeFileSync(path.join(dir, "src", "unrelated.ts"), "export const x = 1;\n");
    expect(launcher.prepare(dir, cache).built).toBe(false);
  });

  test("the bundle and tsx answer the same, byte for byte", () => {
    const lines = [
      { sector: "化工", sales1: 300000, sales2: 500000 },
      { sector: "化工", sales1: "3000000000", sales2: "1000000000.123456789", flags: "沿江" },
      { sector: "铸造", sales1: 1666667.005, sales2: 1666667, place: "青阳镇" },
      { sector: "铸造", sales1: "120", sales2: "80", unit: "万元", flags: "临港" },
      { sector: "热电", sales1: 1, sales2: 1 },
      { sector: "化工", sales1: -1, sales2: 1 },
    ]
      .map((l, i) => JSON.stringify({ id: i, ...l }))
      .join("\n");
    for (const lang of ["zh", "en"]) {
      const bundled = runCli(["calc", "--lang", lang], lines);
      const tsx = runCli(["calc", "--lang", lang], lines, { JYREWARD_TSX: "1" });
      expect(bundled.stdout.split("\n").length).toBe(7);
      expect(bundled).toEqual(tsx);
      const one = ["calc", "--lang", lang, "--sector", "铸造", "--sales1", "100000000", "--sales2", "100000000", "--place", "高新区"];
      expect(runCli(one)).toEqual(runCli(one, "", { JYREWARD_TSX: "1" }));
    }
  });
});
