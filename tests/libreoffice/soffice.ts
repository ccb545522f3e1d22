/**
 * Real LibreOffice Calc for tests: `soffice --headless --convert-to xlsx` with a fresh profile that
 * forces recalculation on load (OOXMLRecalcMode 0), so every cached value is LibreOffice's own.
 * In CI a missing soffice fails the suite; on a laptop it skips loudly.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export function findSoffice(): string | null {
  const r = spawnSync("sh", ["-c", "command -v soffice || command -v libreoffice"], { encoding: "utf8" });
  const found = r.stdout.trim().split("\n")[0];
  return found || null;
}

export const inCI = (): boolean => /^(1|true|yes)$/i.test(process.env.CI ?? "");

/** `describe` when LibreOffice is there; in CI its absence is a failure, elsewhere a loud skip. */
export function describeWithLibreOffice(name: string, body: (soffice: string) => void): void {
  const soffice = findSoffice();
  if (soffice) {
    describe(name, () => body(soffice));
    return;
  }
  if (inCI()) {
    describe(name, () => {
      test("LibreOffice is installed", () => {
        throw new Error("soffice not found: CI must install libreoffice-calc (apt-get install -y --no-install-recommends libreoffice-calc)");
      });
    });
    return;
  }
  // eslint-disable-next-line no-console
  console.warn(`\n*** SKIPPED "${name}": LibreOffice (soffice) not found. Install it: apt-get install -y --no-install-recommends libreoffice-calc ***\n`);
  describe.skip(name, () => body(""));
}

const RECALC_PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** Opens the bytes in LibreOffice, recalculates everything, saves as .xlsx; returns the saved bytes. */
export function recalcInLibreOffice(soffice: string, bytes: Uint8Array, name = "book.xlsx", timeoutMs = 170_000): Buffer {
  const dir = mkdtempSync(path.join(os.tmpdir(), "jy-lo-"));
  const profile = path.join(dir, "profile");
  mkdirSync(path.join(profile, "user"), { recursive: true });
  writeFileSync(path.join(profile, "user", "registrymodifications.xcu"), RECALC_PROFILE);
  const input = path.join(dir, "in", name);
  mkdirSync(path.dirname(input));
  writeFileSync(input, bytes);
  const out = path.join(dir, "out");
  execFileSync(
    soffice,
    [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out, input],
    { stdio: "pipe", timeout: timeoutMs },
  );
  return readFileSync(path.join(out, name));
}
