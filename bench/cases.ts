/**
 * Quick check for hot-path work: every case of the shared contract (cases.json) through the
 * engine (parseClaim + computeAmounts) and through JY.REWARD / JY.FUNDING. Prints the failures;
 * exits non-zero on any.  npx tsx bench/cases.ts [path/to/cases.json]
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { ClaimError, computeAmounts, fenToUnitNumber, fenToUnitString, parseClaim } from "../src/engine";
import { funding, reward } from "../src/functions/jy";

interface Case {
  sector: string;
  sales1: string;
  sales2: string;
  flags: string[];
  unit: string;
  expect: { error?: string; reward?: string; city?: string; town?: string; park?: string; status?: string };
}

const file = process.argv[2] ?? path.resolve(__dirname, "../tests/fixtures/cases.json");
const { cases } = JSON.parse(readFileSync(file, "utf8")) as { cases: Case[] };
const failures: string[] = [];
for (const [i, c] of cases.entries()) {
  const args = [c.sector, c.sales1, c.sales2, c.flags.join(","), c.unit] as const;
  const show = (x: unknown) => JSON.stringify(x);
  let got: unknown;
  try {
    const claim = parseClaim({ sector: c.sector, sales1: c.sales1, sales2: c.sales2, flags: c.flags.join(","), unit: c.unit });
    const a = computeAmounts(claim);
    const s = (fen: number) => fenToUnitString(fen, claim.unit);
    got = a.status === "not-covered" ? { error: "not-covered" } : { reward: s(a.reward), city: s(a.city), town: s(a.town), park: s(a.park), status: a.status };
    if (!("error" in c.expect)) {
      const cell = reward(...args);
      const row = funding(...args)[0];
      const want = [c.expect.reward, c.expect.city, c.expect.town, c.expect.park].map(Number);
      if (cell !== want[0] || row.some((x, k) => x !== want[k + 1])) failures.push(`#${i} functions: ${show([cell, row])} ≠ ${show(want)}`);
      if (cell !== fenToUnitNumber(a.reward, claim.unit)) failures.push(`#${i} functions disagree with engine`);
    }
  } catch (e) {
    if (!(e instanceof ClaimError)) throw e;
    got = { error: e.code };
  }
  if (show(got) !== show(c.expect)) failures.push(`#${i} ${show(c)}: got ${show(got)}`);
}
console.log(`${cases.length - failures.length} of ${cases.length} cases exact`);
for (const f of failures) console.log("  " + f);
process.exit(failures.length ? 1 : 0);
