/**
 * `jyreward merge FILES|FOLDERS… -o CITY.xlsx [--history FILES|FOLDERS…] [--pdf PAPERS.pdf]`: the
 * city office's year (四（二）). Every town's register is read with the shared reader (the same as
 * `jyreward audit`) into one city workbook: 资金统计 (live formulas: by town and payer, sector,
 * status, exit year and payment deadline), 全市登记表 (every enterprise with its source file, sheet
 * and row; amounts as native formulas), 核查结果 (every file's findings, and across registers and
 * past years), 奖励资金核定表 (one page per rewarded enterprise) and a 拨付明细 per payer with the
 * total in 人民币大写. `--pdf` prints the 核定表 to one PDF with LibreOffice.
 *
 * Files are written whole or not at all. Exit code 0: nothing to check; 1: findings across
 * registers or years; 2: bad usage, or a file unreadable (the others are merged), or no PDF.
 */
import path from "node:path";
import JSZip from "jszip";
import { formatMoney, SEVERITY_LABELS, type Lang } from "../engine";
import { consolidate, sourceText, type CityConsolidation, type CityFinding, type SourceRegister } from "../engine/city";
import { staffDate } from "../engine/register";
import { sourceRegisters } from "../hosts/xlsx/registers";
import { writeWorkbook } from "../hosts/xlsx/write";
import { definedNames } from "../portable/native";
import { STRINGS } from "../taskpane/i18n";
import { cityRegisterSheet, citySummarySheet, findingsSheet, type FileFindings } from "../workbook/city";
import { approvalSheet, payoutSheets, rewarded } from "../workbook/papers";
import { auditFile, expand, wan2, type FileAudit } from "./audit";
import { EXIT, limitsFrom, parseOptions, UsageError, writeAll, type CliContext } from "./context";
import { findSoffice, xlsxToPdf } from "./soffice";
import { WriteFailure, writeFileWhole } from "./output-file";

export function mergeHelp(lang: Lang): string {
  return lang === "zh"
    ? `jyreward merge：合并各镇街园区的台账，生成全市汇总工作簿和核定、拨付材料

用法：
  jyreward merge 文件或文件夹… -o 全市汇总.xlsx [--history 往年汇总文件或文件夹…] [--pdf 核定表.pdf] [--json] [--today YYYY-MM-DD] [--max-mb 200] [--max-cells 2000000]

读取每个台账（与 jyreward audit 相同），写出一个工作簿：
  资金统计          按镇街园区和出资方、行业、状态、退出年度（奖励发放期限）汇总的实时公式
  全市登记表        每家企业一行，含来源文件、工作表、行号；金额为任何表格软件都能计算的原生公式
  核查结果          各台账的问题，以及跨台账重复申报（需核实）、往年已获奖补（不列入奖补候选）
  奖励资金核定表    每家获奖企业一页（打印就绪：A4，一页宽）
  拨付明细-…        市财政、各镇、各园区各一张，合计附人民币大写
  --history  往年的全市汇总（本命令的输出）或登记表：其后直到下一个选项的文件和文件夹，可多次给出；已获奖励的企业再次申报即列出
  --pdf      把核定表打印为一个 PDF（需要 LibreOffice）
  --json     以 JSON 输出汇总（金额为分）
  --max-mb、--max-cells  每个文件的读取上限（与 jyreward audit 相同）；超出的文件说明原因后跳过
文件写入为原子操作：要么完整写出，要么不写。
退出码：0 无需核实；1 有跨台账或往年重复；2 用法错误、有文件无法读取（其余照常合并）或 PDF 无法生成。
`
    : `jyreward merge: consolidate the towns' and parks' registers into the city workbook, with the papers

Usage:
  jyreward merge FILES|FOLDERS… -o CITY.xlsx [--history PAST_FILES|FOLDERS…] [--pdf PAPERS.pdf] [--json] [--today YYYY-MM-DD] [--max-mb 200] [--max-cells 2000000]

Reads every register (as jyreward audit does) and writes one workbook:
  资金统计          live formulas: by town and payer, sector, status, exit year (payment deadline)
  全市登记表        one row per enterprise with its source file, sheet and row; amounts as native formulas
  核查结果          each register's findings, plus duplicates across registers (check) and enterprises
                    rewarded in a past year (exclusion candidates)
  奖励资金核定表    one page per rewarded enterprise (print-ready: A4, one page wide)
  拨付明细-…        one for the city, each town and each park, with the total in Chinese capital numerals
  --history  past years' city workbooks (this command's output) or registers: the files and folders after it up to the next option; may be given more than once
  --pdf      print the approval forms to one PDF (needs LibreOffice)
  --json     the totals as JSON (amounts in fen)
  --max-mb, --max-cells  what each file may take to read (as for jyreward audit); a file past a limit is skipped with the reason
Files are written whole or not at all.
Exit codes: 0 nothing to check; 1 duplicates across registers or years; 2 bad usage, an unreadable file (the others are merged) or no PDF.
`;
}

/** `--history A B --history C` → [A, B, C]: every argument after --history up to the next option. */
function takeHistory(args: string[]): { rest: string[]; history: string[] } {
  const rest: string[] = [];
  const history: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--history") {
      if (i + 1 >= args.length || args[i + 1].startsWith("-")) throw new UsageError("选项 --history 缺少文件或文件夹", "option --history needs files or folders");
      while (i + 1 < args.length && !args[i + 1].startsWith("-")) history.push(args[++i]);
    } else if (a.startsWith("--history=")) history.push(a.slice("--history=".length));
    else rest.push(a);
  }
  return { rest, history };
}

/** A file's registers as the consolidation takes them. */
export function sourcesOf(a: FileAudit): SourceRegister[] {
  return sourceRegisters(path.basename(a.file), a.registers);
}

function fileFindings(a: FileAudit): FileFindings[] {
  const file = path.basename(a.file);
  if (a.error) return [{ file, sheet: null, findings: [], error: a.error }];
  return a.registers.map((r) => ({ file, sheet: r.sheet, findings: r.scan.findings }));
}

function findingLine(f: CityFinding, lang: Lang): string {
  return `  ${sourceText(f.source, lang)} ${f.enterprise} [${SEVERITY_LABELS[f.severity][lang]}] ${lang === "zh" ? f.messageZh : f.messageEn}`;
}

function text(c: CityConsolidation, files: number, registers: number, out: string, sheets: string[], lang: Lang): string {
  const zh = lang === "zh";
  const t = c.totals;
  const money = (fen: number) => (zh ? `${formatMoney(fen, "元", lang)}（${wan2(fen)} 万元）` : `${formatMoney(fen, "元", lang)} (${wan2(fen)} 10k yuan)`);
  const k = t.counts;
  const lines = [
    zh
      ? `已合并 ${files} 个文件、${registers} 张台账，企业 ${k.enterprises} 家：符合 ${k.eligible}，不列入奖补 ${k.excluded}，不适用本意见 ${k.notCovered}，输入错误 ${k.invalid}`
      : `Merged ${files} files, ${registers} registers, ${k.enterprises} enterprises: eligible ${k.eligible}, excluded ${k.excluded}, not covered ${k.notCovered}, invalid ${k.invalid}`,
    `${zh ? "奖励合计" : "Total reward"} ${money(t.reward)}`,
    `  ${zh ? "市财政" : "City finance"} ${money(t.city)}`,
    `  ${zh ? "镇财政" : "Town finance"} ${money(t.town)}`,
    ...t.towns.map((x) => `    ${zh ? x.nameZh : x.nameEn} ${money(x.fen)}`),
    ...(t.townUnknown ? [`    ${zh ? "未写明镇街" : "town not given"} ${money(t.townUnknown)}`] : []),
    `  ${zh ? "园区财政" : "Park finance"} ${money(t.park)}`,
    ...t.parks.filter((p) => p.fen !== 0).map((p) => `    ${zh ? p.nameZh : p.nameEn} ${money(p.fen)}`),
    zh ? "按奖励发放期限（四（三））：" : "By payment deadline (Art. 4(3)):",
    ...t.byDeadline.map((d) =>
      d.exitYear === null
        ? `  ${zh ? "未填退出年度" : "exit year not given"}：${money(d.reward)}（${d.enterprises}）`
        : zh
          ? `  ${staffDate(d.deadline!)}前（${d.exitYear}年退出，${d.enterprises} 家）${money(d.reward)}`
          : `  by ${d.deadline} (exits in ${d.exitYear}, ${d.enterprises}) ${money(d.reward)}`,
    ),
  ];
  const dup = c.findings.filter((f) => f.code === "DUPLICATE_ACROSS_REGISTERS");
  const before = c.findings.filter((f) => f.code === "REWARDED_BEFORE");
  lines.push(
    zh
      ? `跨台账核查：重复申报 ${dup.length} 行；往年已获奖补 ${before.length} 行（本次奖励 ${money(t.rewardedBeforeFen)}，不列入奖补候选）`
      : `Across registers: ${dup.length} rows claimed in two registers; ${before.length} rows rewarded in a past year (${money(t.rewardedBeforeFen)} this year; exclusion candidates)`,
  );
  for (const f of c.findings) lines.push(findingLine(f, lang));
  lines.push(zh ? `已写入 ${out}（工作表：${sheets.join("、")}）` : `Written ${out} (sheets: ${sheets.join(", ")})`);
  return lines.join("\n") + "\n";
}

export async function run(args: string[], ctx: CliContext): Promise<number> {
  const { rest, history } = takeHistory(args);
  const parsed = parseOptions(rest, ["o", "out", "pdf", "today", "max-mb", "max-cells"], ["help", "h", "json"]);
  if (parsed.switches.has("help") || parsed.switches.has("h")) {
    await writeAll(ctx.stdout, mergeHelp(ctx.lang));
    return EXIT.OK;
  }
  const zh = ctx.lang === "zh";
  if (parsed.positional.length === 0) throw new UsageError("需要至少一个台账文件或文件夹", "expects at least one register file or folder");
  const out = parsed.options.get("o") ?? parsed.options.get("out");
  if (!out) throw new UsageError("需要用 -o 指定输出的工作簿，如 -o 全市汇总.xlsx", "expects the output workbook with -o, e.g. -o city.xlsx");
  if (!/\.xlsx$/i.test(out)) throw new UsageError(`输出文件应以 .xlsx 结尾：${out}`, `the output file should end in .xlsx: ${out}`);
  const pdf = parsed.options.get("pdf");
  if (pdf !== undefined && !/\.pdf$/i.test(pdf)) throw new UsageError(`--pdf 文件应以 .pdf 结尾：${pdf}`, `the --pdf file should end in .pdf: ${pdf}`);
  const today = parsed.options.get("today");
  if (today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new UsageError("--today 应为 YYYY-MM-DD", "--today expects YYYY-MM-DD");
  const limits = limitsFrom(parsed.options);

  const historyFiles = await expand(history);
  // A past year's file inside a folder given for this year (and the output itself) is not this year's register.
  const notThisYear = new Set([path.resolve(out), ...historyFiles.map((f) => path.resolve(f))]);
  const files = (await expand(parsed.positional)).filter((f) => !notThisYear.has(path.resolve(f)));
  const audits: FileAudit[] = [];
  for (const f of files) audits.push(await auditFile(f, today, limits));
  if (audits.length === 0) {
    await writeAll(ctx.stderr, zh ? "没有找到表格文件（.xlsx、.xlsm、.xls、.ods）\n" : "no spreadsheet file (.xlsx, .xlsm, .xls, .ods) found\n");
    return EXIT.USAGE;
  }
  const past: FileAudit[] = [];
  for (const f of historyFiles) past.push(await auditFile(f, today, limits));
  let unreadable = false;
  for (const a of [...audits, ...past]) {
    if (!a.error) continue;
    unreadable = true;
    await writeAll(ctx.stderr, `${zh ? a.error.zh : a.error.en}\n`);
  }

  const city = consolidate(audits.flatMap(sourcesOf), past.flatMap(sourcesOf));
  const approval = approvalSheet(city);
  const sheets = [citySummarySheet(city), cityRegisterSheet(city), findingsSheet(city, audits.flatMap(fileFindings), STRINGS.zh.kind), approval, ...payoutSheets(city)];
  const names = definedNames().map((d) => ({ ...d, hidden: true }));
  try {
    await writeFileWhole(out, await writeWorkbook(sheets, names, JSZip));
  } catch (e) {
    if (!(e instanceof WriteFailure)) throw e;
    await writeAll(ctx.stderr, e.sentence(ctx.lang) + "\n");
    return EXIT.USAGE;
  }
  const registers = audits.reduce((n, a) => n + a.registers.length, 0);
  if (parsed.switches.has("json")) {
    await writeAll(ctx.stdout, JSON.stringify({ output: out, files: audits.length, registers, totals: city.totals, findings: city.findings, unreadable: audits.filter((a) => a.error).map((a) => ({ file: a.file, error: a.error })) }) + "\n");
  } else {
    await writeAll(ctx.stdout, text(city, audits.length, registers, out, sheets.map((s) => s.name), ctx.lang));
  }

  let noPdf = false;
  if (pdf !== undefined) {
    const pages = rewarded(city).length;
    const soffice = findSoffice(ctx.env);
    if (!soffice) {
      noPdf = true;
      await writeAll(
        ctx.stderr,
        zh
          ? `未生成 ${pdf}：本机没有安装 LibreOffice（soffice）。可安装 LibreOffice（Debian/Ubuntu：apt-get install libreoffice-calc）后重试，或在 Excel/WPS 中打开 ${out} 的“奖励资金核定表”工作表直接打印（已设置为每家企业一页）。\n`
          : `${pdf} was not made: LibreOffice (soffice) is not installed here. Install it (Debian/Ubuntu: apt-get install libreoffice-calc) and try again, or open the 奖励资金核定表 sheet of ${out} in Excel or WPS and print it (set to one page per enterprise).\n`,
      );
    } else if (pages === 0) {
      noPdf = true;
      await writeAll(ctx.stderr, zh ? `未生成 ${pdf}：没有获奖企业，无核定表可打印。\n` : `${pdf} was not made: no enterprise is rewarded, so there is no approval form to print.\n`);
    } else {
      try {
        const papers = await writeWorkbook([approval], [], JSZip);
        const bytes = await xlsxToPdf(soffice, papers);
        try {
          await writeFileWhole(pdf, bytes);
        } catch (e) {
          if (!(e instanceof WriteFailure)) throw e;
          noPdf = true;
          await writeAll(ctx.stderr, e.sentence(ctx.lang) + "\n");
        }
        if (!noPdf) await writeAll(ctx.stdout, zh ? `核定表已打印为 ${pdf}（${pages} 家企业，每家一页）\n` : `Approval forms printed to ${pdf} (${pages} enterprises, one page each)\n`);
      } catch (e) {
        noPdf = true;
        const why = e instanceof Error ? e.message.split("\n")[0] : String(e);
        await writeAll(ctx.stderr, zh ? `未生成 ${pdf}：LibreOffice 转换失败（${why}）。工作簿 ${out} 已写出，可在其中直接打印核定表。\n` : `${pdf} was not made: the LibreOffice conversion failed (${why}). ${out} is written; the approval forms can be printed from it.\n`);
      }
    }
  }
  if (unreadable || noPdf) return EXIT.USAGE;
  return city.findings.length > 0 ? EXIT.FAILURE : EXIT.OK;
}
