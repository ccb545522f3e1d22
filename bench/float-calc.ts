/**
 * The calc baseline: a program doing `jyreward calc`'s I/O — JSON Lines in on stdin, one JSON
 * line out per claim, in order — with the rules in plain floats (bench/lib/float.ts). Same reading
 * in chunks and batched writes as a careful CLI would do; no findings, no exactness.
 */
import { floatReward } from "./lib/float";

const out: string[] = [];
let outSize = 0;
let rest = "";

function flush(): void {
  if (out.length) process.stdout.write(out.join(""));
  out.length = 0;
  outSize = 0;
}

function lineOf(text: string): void {
  if (text.trim() === "") return;
  let result: string;
  try {
    const o = JSON.parse(text) as Record<string, unknown>;
    const r = floatReward(o.sector, o.sales1, o.sales2, o.flags, o.unit, o.place);
    result = JSON.stringify({ status: "eligible", reward: r.toFixed(2), city: r.toFixed(2), town: "0.00", park: "0.00", findings: [] });
  } catch (e) {
    result = JSON.stringify({ error: { code: e instanceof Error ? e.message : "#VALUE!", argument: null, message: "", line: 0 } });
  }
  out.push(result, "\n");
  outSize += result.length;
  if (outSize > 1 << 16) flush();
}

process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk: string) => {
  const lines = (rest + chunk).split("\n");
  rest = lines.pop() ?? "";
  for (const line of lines) lineOf(line);
});
process.stdin.on("end", () => {
  lineOf(rest);
  flush();
});
