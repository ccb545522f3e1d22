/**
 * hostile: time and peak memory of `jyreward` on hostile and large files (the files built as
 * tests/hostile builds them): targets ≤ 10 s and ≤ 500 MB for each hostile file, ≤ 60 s and ≤ 1.5 GB
 * for make-portable of a 100,000-row register and for restoring what it wrote. Peak memory is the child's maximum resident set size
 * (tests/hostile/peak-memory.cjs, preloaded).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { crc32 } from "node:zlib";
import { declareSize, lastCell, odsArrayAreas, odsRepeatBomb, register, registerRows, withRawEntry, workbookOf, zerosDeflated } from "../../tests/hostile/files";
import { unavailable, type BenchPart, type Figure } from "../lib/report";

function measure(bin: string, args: string[], cwd: string, input = ""): { seconds: number; mb: number; status: number | null } {
  const PEAK = path.join(path.dirname(bin), "..", "tests", "hostile", "peak-memory.cjs");
  const peakFile = path.join(cwd, "peak.txt");
  rmSync(peakFile, { force: true });
  const start = performance.now();
  const r = spawnSync(process.execPath, ["--require", PEAK, bin, ...args], { cwd, input, encoding: "utf8", maxBuffer: 1 << 30, timeout: 600_000, env: { ...process.env, JY_PEAK_FILE: peakFile } });
  const seconds = (performance.now() - start) / 1000;
  return { seconds, mb: Number(readFileSync(peakFile, "utf8")) / 1024, status: r.status };
}

export const hostilePart: BenchPart = {
  name: "hostile",
  async run(ctx) {
    const bin = path.join(ctx.root, "bin", "jyreward.js");
    if (!existsSync(bin)) return unavailable("bin/jyreward.js does not exist");
    const dir = path.join(ctx.scratch, "hostile");
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const put = (name: string, bytes: Uint8Array) => writeFileSync(path.join(dir, name), bytes);
    const base = await register(20);
    const zeros = Buffer.alloc(1000 * 1024 * 1024);
    const deflated = zerosDeflated(1000);
    let media = await workbookOf(registerRows(20), { "xl/media/image1.png": "a", "xl/media/image2.png": "b", "xl/media/image3.png": "c", "xl/media/image4.png": "d" });
    for (const k of [1, 2, 3, 4]) media = declareSize(media, `xl/media/image${k}.png`, 1_900_000_000);
    put("media-declared.xlsx", media);
    put("sheet-declared.xlsx", declareSize(base, "xl/worksheets/sheet1.xml", 1_500_000_000));
    put("media-real.xlsx", await withRawEntry(base, "xl/media/image1.png", deflated, zeros.length, crc32(zeros)));
    put("sheet-lying.xlsx", await withRawEntry(base, "xl/worksheets/sheet1.xml", deflated, 1024, crc32(zeros)));
    put("last-cell.xlsx", await lastCell());
    put("repeat-bomb.ods", await odsRepeatBomb());
    put("array-areas.ods", await odsArrayAreas());
    put("register-2000.xlsx", await register(2000));
    put("register-100000.xlsx", await register(100_000));
    const deep = `{"id":${"[".repeat(5000)}1${"]".repeat(5000)}}\n{"place":"${"x".repeat(50 * 1024 * 1024)}"}\n`;

    const cases: Array<{ key: string; label: string; args: string[]; input?: string; target?: [number, number] }> = [
      { key: "sheetDeclared", label: "portable, a sheet declaring 1.5 GB", args: ["portable", "sheet-declared.xlsx", "out.xlsx"], target: [10, 500] },
      { key: "mediaDeclared", label: "portable, four media declaring 1.9 GB", args: ["portable", "media-declared.xlsx", "out.xlsx"], target: [10, 500] },
      { key: "mediaReal", label: "portable, a real 1 GB media entry", args: ["portable", "media-real.xlsx", "out.xlsx"], target: [10, 500] },
      { key: "sheetLying", label: "portable, 1 KB declared, 1 GB inside", args: ["portable", "sheet-lying.xlsx", "out.xlsx"], target: [10, 500] },
      { key: "restoreNotPortable", label: "restore, not portable, 1 GB media", args: ["restore", "media-real.xlsx", "out.xlsx"], target: [10, 500] },
      { key: "lastCell", label: "portable, one cell at XFD1048576", args: ["portable", "last-cell.xlsx", "out.xlsx"], target: [10, 500] },
      { key: "auditLastCell", label: "audit, one cell at XFD1048576", args: ["audit", "last-cell.xlsx"], target: [10, 500] },
      { key: "auditMediaReal", label: "audit, a real 1 GB media entry", args: ["audit", "media-real.xlsx"], target: [10, 500] },
      { key: "auditMediaDeclared", label: "audit, four media declaring 1.9 GB", args: ["audit", "media-declared.xlsx"], target: [10, 500] },
      { key: "auditSheetLying", label: "audit, 1 KB declared, 1 GB inside", args: ["audit", "sheet-lying.xlsx"], target: [10, 500] },
      { key: "auditOdsRepeats", label: "audit, .ods declaring 17 billion cells", args: ["audit", "repeat-bomb.ods"], target: [10, 500] },
      { key: "auditOdsArrayAreas", label: "audit, .ods with 20,000 array areas, then 1,000,000 cells", args: ["audit", "array-areas.ods"], target: [10, 500] },
      { key: "calcHostile", label: "calc, 5,000-deep line and a 50 MB line", args: ["calc"], input: deep, target: [10, 500] },
      { key: "portable2000", label: "portable, 2,000-row register", args: ["portable", "register-2000.xlsx", "out.xlsx"] },
      { key: "portable100000", label: "portable, 100,000-row register (400,000 JY cells)", args: ["portable", "register-100000.xlsx", "portable-100000.xlsx"], target: [60, 1500] },
      { key: "restore100000", label: "restore, the 100,000-row register made portable", args: ["restore", "portable-100000.xlsx", "back.xlsx"], target: [60, 1500] },
    ];
    const figures: Figure[] = [];
    for (const c of cases) {
      const m = measure(bin, c.args, dir, c.input);
      const met = c.target ? m.seconds <= c.target[0] && m.mb <= c.target[1] : undefined;
      figures.push({ key: `hostile.${c.key}.seconds`, label: c.label, value: m.seconds, unit: "s", better: "lower", target: c.target && met !== undefined ? { text: `≤ ${c.target[0]} s`, met } : undefined, note: `exit ${m.status}` });
      figures.push({ key: `hostile.${c.key}.mb`, label: `${c.label}: peak memory`, value: Math.round(m.mb), unit: "MB", better: "lower", target: c.target && met !== undefined ? { text: `≤ ${c.target[1]} MB`, met: m.mb <= c.target[1] } : undefined });
    }
    rmSync(dir, { recursive: true, force: true });
    return { unavailable: null, figures, checks: [] };
  },
};
