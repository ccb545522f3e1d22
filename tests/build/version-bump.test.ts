/**
 * npm run version:bump: package.json, package-lock.json and manifest.xml move together, and the
 * offline check accepts the result (and refuses a manifest left behind).
 */
import * as fs from "fs";
import * as path from "path";
import { checkManifest } from "../../scripts/check-manifest";
import { bumpTexts, nextVersion } from "../../scripts/version-bump";

const ROOT = path.resolve(__dirname, "../..");
const files = {
  pkg: fs.readFileSync(path.join(ROOT, "package.json"), "utf8"),
  lock: fs.readFileSync(path.join(ROOT, "package-lock.json"), "utf8"),
  manifest: fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8"),
};

test("next versions", () => {
  expect(nextVersion("1.4.2", "patch")).toBe("1.4.3");
  expect(nextVersion("1.4.2", "minor")).toBe("1.5.0");
  expect(nextVersion("1.4.2", "major")).toBe("2.0.0");
  expect(nextVersion("1.4.2", "3.0.1")).toBe("3.0.1");
  expect(() => nextVersion("1.4.2", "1.5")).toThrow(/not patch, minor, major/);
});

test("the three files change together and nothing else in them moves", () => {
  const out = bumpTexts(files, "7.8.9");
  expect(JSON.parse(out.pkg)).toEqual({ ...JSON.parse(files.pkg), version: "7.8.9" });
  const lock = JSON.parse(out.lock as string);
  const before = JSON.parse(files.lock);
  expect(lock.version).toBe("7.8.9");
  expect(lock.packages[""].version).toBe("7.8.9");
  expect({ ...lock, version: before.version, packages: { ...lock.packages, "": before.packages[""] } }).toEqual(before);
  expect(out.manifest).toBe(files.manifest.replace(/<Version>[^<]*<\/Version>/, "<Version>7.8.9.0</Version>"));
  expect(checkManifest(out.manifest, { packageVersion: "7.8.9" })).toEqual([]);
  expect(checkManifest(files.manifest, { packageVersion: "7.8.9" }).map((p) => p.rule)).toEqual(["version"]);
});
