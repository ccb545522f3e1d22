/**
 * LibreOffice, headless, for the papers' PDF: `soffice --convert-to pdf` with a profile of its own
 * (a running LibreOffice, or another conversion, does not block it). Where LibreOffice is not
 * installed the caller gets null and says so in a sentence.
 */
import { execFile, spawnSync } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

/** The soffice command ($SOFFICE, else soffice / libreoffice on the PATH), or null. */
export function findSoffice(env: NodeJS.ProcessEnv): string | null {
  if (env.SOFFICE) return env.SOFFICE;
  const r = spawnSync("sh", ["-c", "command -v soffice || command -v libreoffice"], { encoding: "utf8" });
  return r.stdout?.trim().split("\n")[0] || null;
}

/** The workbook's printed pages as one PDF (its print areas, page setup and page breaks). */
export async function xlsxToPdf(soffice: string, xlsx: Uint8Array, timeoutMs = 300_000): Promise<Uint8Array> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "jy-pdf-"));
  try {
    const input = path.join(dir, "papers.xlsx");
    await writeFile(input, xlsx);
    await mkdir(path.join(dir, "profile"));
    await new Promise<void>((resolve, reject) =>
      execFile(
        soffice,
        [`-env:UserInstallation=file://${path.join(dir, "profile")}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir, input],
        { timeout: timeoutMs },
        (err) => (err ? reject(err) : resolve()),
      ),
    );
    return new Uint8Array(await readFile(path.join(dir, "papers.pdf")));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
