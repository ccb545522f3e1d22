/**
 * One place per fact: the policy's figures (rates, shares, floors, caps, slice bounds, dates and
 * deadlines) live in src/policy and nowhere else in src/. This scans the code of every other
 * source file (comments left out) for those figures in the forms people write them — 8%, 50000,
 * 50,000 (on a line about money), 5万元, 5000万元, 1亿元, 2022-10-01, 2022年10月1日, 4月30日 —
 * computed from the policy data itself, so an amendment moves the test along with it.
 */
import fs from "node:fs";
import path from "node:path";
import { DEADLINES, POLICY, type SectorReward } from "../../src/policy";

const SRC = path.join(__dirname, "../../src");

/**
 * Files whose figures are data, not rules. Keep this list tiny, each with its reason.
 * - playground/sample.ts: the playground's example register; its sales figures and notes are what
 *   a town would type (one of them happens to equal a cap), not the policy's rules.
 */
const ALLOWED_FILES = new Set(["playground/sample.ts"]);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return p === path.join(SRC, "policy") ? [] : sourceFiles(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** The code without comments (strings kept: messages are where figures hide). */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");
}

/** A figure, and the words a line must also hold for it to be the policy's (none: any line). */
interface Figure {
  fact: string;
  pattern: RegExp;
  context?: RegExp;
}

/** Words of money (not the 元 of 单元格, a cell): a bare 2000000 on such a line is the policy's cap, elsewhere it may be a cell limit. */
const MONEY_WORDS = /(?<!单)元|奖励|补足|封顶|\b(yuan|fen|reward|floor|cap|top-?up|amount)s?\b/i;

/** Every figure of the policy, as the patterns a programmer or a message would spell it. */
function figures(): Figure[] {
  const out: Figure[] = [];
  const rewards = Object.values(POLICY.rewards) as SectorReward[];
  const percents = new Set<number>();
  for (const r of rewards) {
    for (const s of r.scale) percents.add(s.ratePercent);
    if (r.cityPercent.value !== 100) {
      percents.add(r.cityPercent.value);
      percents.add(100 - r.cityPercent.value);
    }
  }
  for (const f of POLICY.rateFlags) percents.add(f.rate.value);
  for (const p of percents) out.push({ fact: `${p}%`, pattern: new RegExp(`(?<![\\d.])${p}\\s*[%％]`) });

  const yuan = new Set<string>();
  for (const r of rewards) {
    yuan.add(r.floor.value);
    yuan.add(r.cap.value);
    for (const s of r.scale) if (s.upTo) yuan.add(s.upTo);
  }
  for (const y of yuan) {
    const n = Number(y);
    const grouped = (sep: string) => y.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
    // A bare number is money only on a line that speaks of money (2,000,000 is also a cell limit).
    out.push({ fact: `${y} 元`, pattern: new RegExp(`(?<![\\d.,_])(${y}|${grouped(",")}|${grouped("_")})(?![\\d_])`), context: MONEY_WORDS });
    if (n >= 1e8 && n % 1e8 === 0) out.push({ fact: `${n / 1e8}亿元`, pattern: new RegExp(`(?<![\\d.])${n / 1e8}\\s*亿元`) });
    else if (n % 1e4 === 0) out.push({ fact: `${n / 1e4}万元`, pattern: new RegExp(`(?<![\\d.])${n / 1e4}\\s*万元`) });
  }

  for (const d of [POLICY.validFrom.value, POLICY.validUntil.value]) {
    const [y, m, day] = d.split("-").map(Number);
    out.push({ fact: d, pattern: new RegExp(`${d}|${y}年${m}月${day}日|${y}/${m}/${day}\\b`) });
  }
  for (const d of DEADLINES) out.push({ fact: `${d.month}月${d.day}日`, pattern: new RegExp(`(?<!\\d)${d.month}月(${d.day}日|底)|\\b${d.month}/${d.day}\\b`) });
  return out;
}

test("no figure of the policy appears in src/ outside src/policy", () => {
  const found: string[] = [];
  const facts = figures();
  for (const file of sourceFiles(SRC)) {
    const rel = path.relative(SRC, file).split(path.sep).join("/");
    if (ALLOWED_FILES.has(rel)) continue;
    code(fs.readFileSync(file, "utf8"))
      .split("\n")
      .forEach((line, i) => {
        for (const { fact, pattern, context } of facts) if (pattern.test(line) && (!context || context.test(line))) found.push(`${rel}:${i + 1} ${fact}: ${line.trim().slice(0, 140)}`);
      });
  }
  expect(found).toEqual([]);
});

test("the scan finds a figure where one is planted (it can fail)", () => {
  const facts = figures();
  const hit = (line: string) => facts.some(({ pattern, context }) => pattern.test(code(line)) && (!context || context.test(code(line))));
  expect(hit('const msg = "由市、镇财政按 70%、30% 补足";')).toBe(true);
  expect(hit("if (reward < 50_000) return 50000;")).toBe(true);
  expect(hit('const help = "每家企业不超过5000万元";')).toBe(true);
  expect(hit('const from = "2022-10-01";')).toBe(true);
  expect(hit("// a comment may cite 8% and 5万元")).toBe(false);
  expect(hit("const width = 30;")).toBe(false);
  expect(hit("const limits = { maxCells: 2_000_000 };")).toBe(false);
  expect(hit('const help = "每张工作表单元格数的上限（默认 2000000）";')).toBe(false);
  expect(hit("const cap = 2_000_000;")).toBe(true);
});
