/**
 * jyreward: the command line of the Jiangyin capacity-exit reward engine.
 *
 * The dispatch is a table: one line per subcommand, with its summary in both languages and a
 * loader that requires its module only when it runs (startup stays cheap: `jyreward --help`
 * loads no engine code). To add a subcommand, add one line to COMMANDS.
 */
import {
  EXIT,
  langFromEnv,
  parseLang,
  UsageError,
  writeAll,
  type CliContext,
  type CliIO,
  type CommandModule,
} from "./context";
import { WriteFailure } from "./output-file";

interface CommandEntry {
  zh: string;
  en: string;
  load: () => CommandModule;
}

/* eslint-disable @typescript-eslint/no-require-imports */
export const COMMANDS: Record<string, CommandEntry> = {
  calc: { zh: "计算奖励：从标准输入逐行读取 JSON 申报，或用选项计算一家企业并列出明细", en: "compute rewards: JSON Lines claims on stdin, or one claim from options with its breakdown", load: () => require("./calc") },
  portable: { zh: "转为通用公式：JY 公式换成 Excel/WPS/LibreOffice 都能计算的原生公式（原公式保存在工作簿内）", en: "make a workbook portable: JY formulas become native formulas any spreadsheet computes (originals kept inside)", load: () => require("./portable") },
  restore: { zh: "恢复 JY 公式：撤销 portable 的转换", en: "restore the JY formulas a portable workbook replaced", load: () => require("./restore") },
  merge: { zh: "合并各镇街园区台账：全市汇总工作簿（资金统计、全市登记表、核查结果）、核定表和拨付明细，跨台账和往年重复核查", en: "consolidate the towns' registers: the city workbook (totals, city register, findings), approval forms and payout lists, duplicates across registers and years", load: () => require("./merge") },
  audit: { zh: "检查台账（不用 Excel）：各文件的问题清单和按出资方汇总，可读取整个文件夹", en: "check registers without Excel: findings and totals by payer for each file, folders too", load: () => require("./audit") },
};
/* eslint-enable @typescript-eslint/no-require-imports */

const VERSION = "1.0.0";

function mainHelp(lang: "zh" | "en"): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length)) + 2;
  const list = Object.entries(COMMANDS)
    .map(([name, c]) => `  ${name.padEnd(width)}${lang === "zh" ? c.zh : c.en}`)
    .join("\n");
  if (lang === "zh") {
    return `jyreward：江阴市落后产能退出奖励计算（江阴市人民政府《关于深入推进落后产能退出工作的实施意见》）

用法：
  jyreward <命令> [选项]
  jyreward <命令> --help        查看命令的说明

命令：
${list}

通用选项：
  --lang zh|en    输出语言（默认中文；未指定时按 LANG 环境变量，非中文区域设置用英文）
  -h, --help      显示本说明
  --version       显示版本

退出码（各命令的详细说明见 jyreward <命令> --help）：
  0  完成（calc 逐行模式下，错误行也是正常输出）
  1  calc：意外失败（程序错误、无法读写）
     audit：有企业不列入奖补、不适用本意见或输入错误
     portable：有公式未能转换（已列出，其余照常转换）
     restore：工作簿不是通用版，或有单元格找不到
  2  用法错误；calc：单笔申报的输入无效（#VALUE!）；audit、portable、restore：文件无法读取（audit：或找不到台账）
  3  calc：单笔申报的行业不适用本意见（#N/A）
  任何命令意外出错时也返回 1。
`;
  }
  return `jyreward: Jiangyin capacity-exit rewards (City of Jiangyin, "Implementing opinions on further
promoting the exit of backward production capacity")

Usage:
  jyreward <command> [options]
  jyreward <command> --help     help on a command

Commands:
${list}

Common options:
  --lang zh|en    output language (default Chinese; without it, LANG decides: a non-zh locale gives English)
  -h, --help      show this help
  --version       show the version

Exit codes (each command's --help has the details):
  0  done (calc in stream mode: error lines are regular output)
  1  calc: unexpected failure (a bug, an unreadable or unwritable stream)
     audit: some row is excluded, not covered or in error
     portable: some formulas could not be converted (listed; the rest are converted)
     restore: the workbook is not portable, or some cells were not found
  2  bad usage; calc: an invalid single claim (#VALUE!); audit, portable, restore: a file cannot be
     read (audit: or holds no register)
  3  calc: the single claim's sector is not covered by this policy (#N/A)
  Any command that fails unexpectedly also exits 1.
`;
}

/** Takes `--lang` out of the arguments wherever it stands (before or after the command). */
function extractLang(argv: string[], env: NodeJS.ProcessEnv): { lang: "zh" | "en"; rest: string[] } {
  let lang = langFromEnv(env);
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") {
      rest.push(...argv.slice(i));
      break;
    }
    if (arg === "--lang") lang = parseLang(argv[++i]);
    else if (arg.startsWith("--lang=")) lang = parseLang(arg.slice(7));
    else rest.push(arg);
  }
  return { lang, rest };
}

/** The language of a run, for messages written outside `main` (a bad --lang gives the default). */
function langFromArgs(argv: string[], env: NodeJS.ProcessEnv): "zh" | "en" {
  try {
    return extractLang(argv, env).lang;
  } catch {
    return langFromEnv(env);
  }
}

/** Why the standard output could not be written. */
function outputFailure(code: string, lang: "zh" | "en"): string {
  const full = code === "ENOSPC" || code === "EDQUOT" || code === "EFBIG";
  if (lang === "zh") return full ? `无法写出结果（标准输出）：磁盘空间不足（${code}）。` : `无法写出结果（标准输出，系统错误 ${code}）。`;
  return full ? `cannot write the output (standard output): the disk is full (${code}).` : `cannot write the output (standard output, system error ${code}).`;
}

/** Runs jyreward with the given arguments (without `node` and the script); resolves to the exit code. */
export async function main(argv: string[], io: CliIO): Promise<number> {
  let lang = langFromEnv(io.env);
  try {
    const extracted = extractLang(argv, io.env);
    lang = extracted.lang;
    const [name, ...args] = extracted.rest;
    if (name === undefined) {
      // No command: the help goes to stderr, and the exit code says the call did nothing.
      await writeAll(io.stderr, mainHelp(lang));
      return EXIT.USAGE;
    }
    if (name === "-h" || name === "--help" || name === "help") {
      await writeAll(io.stdout, mainHelp(lang));
      return EXIT.OK;
    }
    if (name === "--version" || name === "-v") {
      await writeAll(io.stdout, `jyreward ${VERSION}\n`);
      return EXIT.OK;
    }
    const command = Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!command) {
      throw new UsageError(
        `未知命令 “${name}”；可用命令：${Object.keys(COMMANDS).join("、")}`,
        `unknown command "${name}"; commands: ${Object.keys(COMMANDS).join(", ")}`,
      );
    }
    const ctx: CliContext = { ...io, lang };
    return await command.load().run(args, ctx);
  } catch (e) {
    if (e instanceof UsageError) {
      await writeAll(io.stderr, `jyreward: ${e.text(lang)}\n${lang === "zh" ? "用 jyreward --help 查看用法" : "see jyreward --help"}\n`);
      return EXIT.USAGE;
    }
    if (e instanceof WriteFailure) {
      await writeAll(io.stderr, `jyreward: ${e.sentence(lang)}\n`).catch(() => undefined);
      return EXIT.USAGE;
    }
    const code = (e as NodeJS.ErrnoException | null)?.code;
    if (typeof code === "string" && (e as NodeJS.ErrnoException).syscall === "write") {
      // The output stream itself failed (/dev/full, a closed file): a sentence, not a stack.
      await writeAll(io.stderr, `jyreward: ${outputFailure(code, lang)}\n`).catch(() => undefined);
      return EXIT.USAGE;
    }
    await writeAll(io.stderr, `jyreward: ${lang === "zh" ? "意外错误" : "unexpected error"}: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
    return EXIT.FAILURE;
  }
}

/** Entry point for bin/jyreward.js: runs with the process's streams and sets its exit code. */
export function start(): void {
  // A closed pipe downstream (jyreward calc … | head) ends the run quietly; any other failure of
  // the output (a full disk, /dev/full) is a sentence and exit 2.
  process.stdout.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE") process.exit(EXIT.OK);
    const lang = langFromArgs(process.argv.slice(2), process.env);
    process.stderr.write(`jyreward: ${outputFailure(err.code ?? "EIO", lang)}\n`, () => process.exit(EXIT.USAGE));
  });
  main(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env }).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`jyreward: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
      process.exitCode = EXIT.FAILURE;
    },
  );
}
