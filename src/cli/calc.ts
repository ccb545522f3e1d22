/**
 * `jyreward calc`: JSON Lines claims on stdin (calc-lines.ts), or one claim from options, printed
 * as a readable breakdown: the inputs, the detail lines with their clauses, the split by payer,
 * and the findings.
 */
import {
  ARGUMENT_LABELS,
  assess,
  ClaimError,
  Decimal,
  detailLines,
  explain,
  FLAG_BIT,
  formatDecimal,
  formatMoney,
  notCoveredError,
  notCoveredFinding,
  parseClaim,
  SEVERITY_LABELS,
  unitLabel,
  type ClaimInput,
  type Lang,
  type Unit,
} from "../engine";
import { clauseRef, coveredSectors, FLAGS, POLICY } from "../policy";
import { acceptedSectors } from "../engine/sector";
import { calcStream } from "./calc-lines";
import { EXIT, parseOptions, UsageError, writeAll, type CliContext } from "./context";

const OPTIONS = ["sector", "sales1", "sales2", "flags", "unit", "place"] as const;

export function calcHelp(lang: Lang): string {
  const covered = coveredSectors(POLICY).map((id) => ({ clause: POLICY.rewards[id]!.clause, zh: POLICY.sectors[id].nameZh, en: POLICY.sectors[id].nameEn }));
  const sectors = acceptedSectors();
  if (lang === "zh") {
    return `jyreward calc：计算落后产能退出奖励（${covered.map((c) => `${c.clause}${c.zh}`).join("、")}）

用法：
  jyreward calc < 申报.jsonl > 结果.jsonl
  jyreward calc --sector 化工 --sales1 60000000 --sales2 60000000 [--flags 铝加工、高新区] [--unit 万元] [--place 华士镇]

逐行模式（不带 --sector/--sales1/--sales2 时）：从标准输入读取 JSON Lines，每行一个申报对象，
按顺序每行输出一行 JSON 结果。
  申报字段：
    sector   行业：${sectors.zh}；中英文均可，代码可为文字或数字
    sales1   第一年不含税开票销售额（文字或数字）；sales2 第二年
    flags    标记（可选）：一段文字（以 , ， 、 ; ； 或空格分隔）或文字数组，如 "铝加工、高新区" 或 ["产能置换"]
    unit     单位（可选）："元"（默认）或 "万元"；结果金额使用同一单位
    place    所在镇街园区（可选）：如 "华士镇"、"高新区"
    id       （可选）任意值，原样写回结果，便于对应
  其他字段视为错误（防止拼错的字段被悄悄忽略）。
  结果：
    {"status":"eligible"|"excluded","reward":"4800000.00","city":"…","town":"…","park":"…",
     "findings":[{"code","severity","clause","message"}]}
    金额为申报单位下的精确小数文字（元两位小数，万元六位小数）。
    无法计算时：{"error":{"code":"#VALUE!"|"#N/A","argument":"sales1"|…|null,"message":"…","line":行号}}
    #VALUE! 为输入无效（指出字段）；#N/A 为行业不适用本意见（指出适用的文件）。
  空行（空白行）不是申报：跳过，不输出。坏行（非 JSON、非对象、字段缺失或无效）输出一行错误，其后各行照常输出。
  JSON 数字形式的销售额按其在行中的原文精确读取（与写成文字相同），不经过浮点数。
  超过 1,048,576 个字符或 JSON 嵌套超过 16 层的行不读取，在该位置输出一行错误。

单笔模式（带选项时）：列出输入、计算明细（每项注明条款）、资金承担和核查意见。
  --sector 行业   --sales1 第一年销售额   --sales2 第二年销售额
  --flags 标记    --unit 元|万元          --place 所在镇街园区

选项：
  --lang zh|en    输出语言（默认中文）
  -h, --help      显示本说明

退出码：0 完成（逐行模式下错误行也是正常输出）；1 意外失败；2 用法错误或单笔申报输入无效（#VALUE!）；
3 单笔申报的行业不适用本意见（#N/A）。
`;
  }
  return `jyreward calc: compute capacity-exit rewards (${covered.map((c) => `${clauseRef(c.clause, "en")} ${c.en}`).join(", ")})

Usage:
  jyreward calc < claims.jsonl > results.jsonl
  jyreward calc --sector chemical --sales1 60000000 --sales2 60000000 [--flags aluminium,hightech] [--unit 万元] [--place 华士镇]

Stream mode (without --sector/--sales1/--sales2): reads JSON Lines on stdin, one claim object a
line, and writes one JSON result line per claim, in order.
  Claim fields:
    sector   ${sectors.en}, as text or number
    sales1   first year's invoiced sales excluding VAT (text or number); sales2 the second year's
    flags    optional: one text (separated by , ， 、 ; ； or spaces) or an array of texts,
             e.g. "铝加工、高新区" or ["capacity-swap"]
    unit     optional: "元" (yuan, default) or "万元" (10k yuan); results come in the same unit
    place    optional town or park: "华士镇", "高新区", …
    id       optional, any value: echoed back in the result to match lines up
  Any other field is an error (so a misspelt field is never silently ignored).
  Result:
    {"status":"eligible"|"excluded","reward":"4800000.00","city":"…","town":"…","park":"…",
     "findings":[{"code","severity","clause","message"}]}
    Amounts are exact decimal texts in the claim's unit (2 places for 元, 6 for 万元).
    When no amount can be given: {"error":{"code":"#VALUE!"|"#N/A","argument":"sales1"|…|null,"message":"…","line":n}}
    #VALUE! is invalid input (naming the field); #N/A is a sector this policy does not cover
    (naming the document that governs it).
  Blank (empty or whitespace-only) lines are not claims: they are skipped and give no output. A bad
  line (not JSON, not an object, missing or invalid fields) gives one error line; the lines after
  it still come out. Sales given as JSON numbers are read from their literal text in the line,
  exactly as if given as text: never through a float. A line over 1,048,576 characters or nesting
  JSON deeper than 16 levels is not read: an error line takes its place.

Single-claim mode (with options): prints the inputs, the breakdown with the clause of each step,
the split by payer and the findings.
  --sector S   --sales1 N   --sales2 N   --flags F   --unit 元|万元   --place P

Options:
  --lang zh|en    output language (default Chinese)
  -h, --help      show this help

Exit codes: 0 done (in stream mode error lines are regular output); 1 unexpected failure;
2 bad usage or an invalid single claim (#VALUE!); 3 the single claim's sector is not covered (#N/A).
`;
}

/** Display width of a text in a terminal: CJK and full-width characters take two columns. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) as number;
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) ? 2 : 1;
  }
  return w;
}
const padEnd = (text: string, to: number) => text + " ".repeat(Math.max(0, to - width(text)));
const padStart = (text: string, to: number) => " ".repeat(Math.max(0, to - width(text))) + text;

/** Rows of [label, value, clause] as aligned columns; amounts right-aligned. */
function table(rows: Array<[string, string, string]>, alignRight = true): string {
  const w0 = Math.max(...rows.map((r) => width(r[0])));
  const w1 = Math.max(...rows.map((r) => width(r[1])));
  const pad = alignRight ? padStart : padEnd;
  return rows.map(([a, b, c]) => `  ${padEnd(a, w0)}  ${pad(b, w1)}${c ? "  " + c : ""}`.trimEnd()).join("\n");
}

/**
 * An amount as finance staff read it on screen: 元 to the 分; 万元 to two places (half-up), with
 * the exact amount in 元 beside it, so nothing an auditor needs is hidden (--json stays exact).
 */
function onScreen(value: InstanceType<typeof Decimal>, unit: Unit, lang: Lang): string {
  if (unit === "元") return formatDecimal(value, unit, lang);
  const [whole, frac] = value.toFixed(2, Decimal.ROUND_HALF_UP).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const exact = formatDecimal(value.times(10000), "元", lang);
  return lang === "zh" ? `${grouped}.${frac} ${unitLabel(unit, lang)}（${exact}）` : `${grouped}.${frac} ${unitLabel(unit, lang)} (${exact})`;
}
const fenOnScreen = (fen: number, unit: Unit, lang: Lang) =>
  unit === "元" ? formatMoney(fen, unit, lang) : onScreen(new Decimal(fen).div(1_000_000), unit, lang);
/** A finding's message on screen: its exact 万元 amounts (formatMoney's six places) shown as onScreen does. */
const messageOnScreen = (message: string, unit: Unit, lang: Lang) =>
  unit === "元"
    ? message
    : message.replace(new RegExp(`(\\d[\\d,]*\\.\\d{6}) ${unitLabel(unit, lang).replace(/[×]/g, "\\$&")}`, "g"), (_, amount: string) =>
        onScreen(new Decimal(amount.replace(/,/g, "")), unit, lang),
      );

const WORDS = {
  title: { zh: "江阴市落后产能退出奖励计算", en: "Jiangyin capacity-exit reward" },
  inputs: { zh: "输入", en: "Inputs" },
  detail: { zh: "计算明细", en: "Breakdown" },
  split: { zh: "资金承担", en: "Who pays" },
  findings: { zh: "核查意见", en: "Findings" },
  none: { zh: "无异常", en: "none" },
  blank: { zh: "（空）", en: "(blank)" },
  city: { zh: "市财政", en: "City finance" },
  town: { zh: "镇（街道）财政", en: "Town finance" },
  park: { zh: "园区财政", en: "Park finance" },
  total: { zh: "合计", en: "Total" },
} as const;

function singleClaim(options: Map<string, string>, ctx: CliContext): Promise<number> {
  const lang = ctx.lang;
  const input: ClaimInput = {
    sector: options.get("sector"),
    sales1: options.get("sales1"),
    sales2: options.get("sales2"),
    flags: options.get("flags"),
    unit: options.get("unit"),
    place: options.get("place"),
  };
  let claim;
  try {
    claim = parseClaim(input);
  } catch (e) {
    if (e instanceof ClaimError) return writeAll(ctx.stderr, `${e.code}  ${e.text(lang)}\n`).then(() => EXIT.USAGE);
    throw e;
  }
  const b = explain(claim);
  if (b.amounts.status === "not-covered") {
    const err = notCoveredError(claim.sector);
    const clause = notCoveredFinding(claim.sector).clause;
    return writeAll(ctx.stderr, `${err.code}  ${err.text(lang)}${clause ? `【${clause}】` : ""}\n`).then(() => EXIT.NOT_COVERED);
  }
  const a = assess(claim, b.amounts);
  const u = claim.unit;
  const label = (arg: keyof typeof ARGUMENT_LABELS) => (lang === "zh" ? `${ARGUMENT_LABELS[arg].zh}（${arg}）` : arg);
  const shown = (key: (typeof OPTIONS)[number]) => options.get(key) ?? "";
  const inputRows: Array<[string, string, string]> = [
    [label("sector"), shown("sector"), ""],
    [label("sales1"), `${shown("sales1")} ${unitLabel(u, lang)}`, ""],
    [label("sales2"), `${shown("sales2")} ${unitLabel(u, lang)}`, ""],
    [label("flags"), shown("flags") || WORDS.blank[lang], ""],
    [label("unit"), unitLabel(u, lang), ""],
  ];
  if (options.has("place")) inputRows.push([label("place"), shown("place"), ""]);

  // The split is printed below with the town's and park's names, so the breakdown stops at the reward.
  const SPLIT_KEYS = new Set(["city", "town", "park"]);
  const detailRows: Array<[string, string, string]> = detailLines(b, lang).filter((line) => !SPLIT_KEYS.has(line.key)).map((line) => [
    line.label,
    typeof line.value === "string" ? line.value : onScreen(line.value, u, lang),
    line.clause ? `【${line.clause}】` : "",
  ]);

  const zone = claim.flags & FLAG_BIT.ZONE_HIGHTECH ? FLAGS.ZONE_HIGHTECH : claim.flags & FLAG_BIT.ZONE_LINGANG ? FLAGS.ZONE_LINGANG : null;
  const townName = claim.town ? (lang === "zh" ? claim.town.nameZh : claim.town.nameEn) : null;
  const zoneName = zone ? (lang === "zh" ? zone.labelZh : zone.labelEn) : null;
  const clause = b.clause ? `【${b.clause}】` : "";
  const paren = (text: string) => (lang === "zh" ? `（${text}）` : ` (${text})`);
  const splitRows: Array<[string, string, string]> = [
    [WORDS.city[lang], fenOnScreen(a.amounts.city, u, lang), clause],
    [townName ? WORDS.town[lang] + paren(townName) : WORDS.town[lang], fenOnScreen(a.amounts.town, u, lang), clause],
    [zoneName ? WORDS.park[lang] + paren(zoneName) : WORDS.park[lang], fenOnScreen(a.amounts.park, u, lang), b.parkPays ? "【五（二）】" : clause],
    [WORDS.total[lang], fenOnScreen(a.amounts.reward, u, lang), ""],
  ];

  const findingLines = a.findings.length
    ? a.findings
        .map((f) => `  [${SEVERITY_LABELS[f.severity][lang]}] ${messageOnScreen(lang === "zh" ? f.messageZh : f.messageEn, u, lang)}${f.clause ? `【${f.clause}】` : ""}  (${f.code})`)
        .join("\n")
    : `  ${WORDS.none[lang]}`;

  const text = [
    WORDS.title[lang],
    "",
    WORDS.inputs[lang],
    table(inputRows, false),
    "",
    WORDS.detail[lang],
    table(detailRows),
    "",
    WORDS.split[lang],
    table(splitRows),
    "",
    WORDS.findings[lang] + paren(String(a.findings.length)),
    findingLines,
    "",
  ].join("\n");
  return writeAll(ctx.stdout, text).then(() => EXIT.OK);
}

export async function run(args: string[], ctx: CliContext): Promise<number> {
  const parsed = parseOptions(args, OPTIONS, ["help", "h"]);
  if (parsed.switches.has("help") || parsed.switches.has("h")) {
    await writeAll(ctx.stdout, calcHelp(ctx.lang));
    return EXIT.OK;
  }
  if (parsed.positional.length > 0 && !(parsed.positional.length === 1 && parsed.positional[0] === "-")) {
    throw new UsageError(`calc 不接受参数 “${parsed.positional[0]}”（申报从标准输入读取，或用 --sector 等选项）`, `calc takes no argument "${parsed.positional[0]}" (claims come on stdin, or from --sector etc.)`);
  }
  if (parsed.options.size > 0) return singleClaim(parsed.options, ctx);
  const stdin = ctx.stdin as NodeJS.ReadStream;
  if (stdin.isTTY) {
    await writeAll(ctx.stderr, calcHelp(ctx.lang));
    return EXIT.USAGE;
  }
  return calcStream(ctx);
}
