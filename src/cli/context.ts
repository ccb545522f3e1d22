/**
 * What every jyreward subcommand gets: the streams, the environment and the language, plus the
 * small helpers they share (options, usage errors). Subcommands are modules exporting `run`; the
 * dispatch table in main.ts loads them only when asked, so startup stays cheap.
 */
import type { Lang } from "../engine/lang";
import { DEFAULT_LIMITS, type ZipLimits } from "../portable/zip-guard";

export interface CliIO {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
}

export interface CliContext extends CliIO {
  /** zh by default; en with `--lang en` or an English (non-zh) locale. */
  lang: Lang;
}

/** A subcommand: reads its arguments (without the command name and without `--lang`). */
export interface CommandModule {
  run(args: string[], ctx: CliContext): number | Promise<number>;
}

/** Exit codes, the same for every subcommand (README "Command line: jyreward"). */
export const EXIT = {
  /** Done. In stream mode error lines are part of the output, not a failure. */
  OK: 0,
  /** Unexpected failure (a bug, an unreadable stream). */
  FAILURE: 1,
  /** Bad usage (unknown command or option, missing value) or an invalid claim (#VALUE!). */
  USAGE: 2,
  /** The claim's sector is not covered by this policy (#N/A). */
  NOT_COVERED: 3,
} as const;

/** A usage error: printed to stderr with a hint at --help, exit code 2. */
export class UsageError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} / ${en}`);
    this.name = "UsageError";
  }
  text(lang: Lang): string {
    return lang === "zh" ? this.zh : this.en;
  }
}

/**
 * The language from the locale when `--lang` is not given: zh unless the locale names another
 * language. An unset, C or POSIX locale names none, so it keeps the Chinese default.
 */
export function langFromEnv(env: NodeJS.ProcessEnv): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  if (locale === "" || /^(c|posix)([._@]|$)/i.test(locale)) return "zh";
  return /^zh/i.test(locale) ? "zh" : "en";
}

/** Reads a `--lang` value. */
export function parseLang(value: string | undefined): Lang {
  const v = (value ?? "").trim().toLowerCase();
  if (/^zh([-_].*)?$/.test(v) || v === "cn" || v === "中文") return "zh";
  if (/^en([-_].*)?$/.test(v)) return "en";
  throw new UsageError(`--lang 应为 zh 或 en，收到 “${value ?? ""}”`, `--lang expects zh or en, got "${value ?? ""}"`);
}

/**
 * Splits `--name value` / `--name=value` options and positional arguments. Every option takes a
 * value except the listed switches; a value may start with "-" (`--sales1 -5` reaches the engine,
 * which names the negative sales).
 */
export function parseOptions(
  args: string[],
  known: readonly string[],
  switches: readonly string[] = [],
): { options: Map<string, string>; switches: Set<string>; positional: string[] } {
  const options = new Map<string, string>();
  const on = new Set<string>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--") {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith("-") || arg === "-") {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = (eq > 0 ? arg.slice(0, eq) : arg).replace(/^--?/, "");
    if (switches.includes(name)) {
      if (eq > 0) throw new UsageError(`选项 --${name} 不带值`, `option --${name} takes no value`);
      on.add(name);
      continue;
    }
    if (!known.includes(name)) {
      throw new UsageError(`未知选项 ${arg.slice(0, eq > 0 ? eq : undefined)}`, `unknown option ${arg.slice(0, eq > 0 ? eq : undefined)}`);
    }
    if (options.has(name)) throw new UsageError(`选项 --${name} 重复`, `option --${name} given twice`);
    if (eq > 0) options.set(name, arg.slice(eq + 1));
    else if (i + 1 < args.length) options.set(name, args[++i]);
    else throw new UsageError(`选项 --${name} 缺少值`, `option --${name} needs a value`);
  }
  return { options, switches: on, positional };
}

/** Writes to a stream and resolves once the data has been handed to the OS (or buffered). */
export function writeAll(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(text, (err?: Error | null) => (err ? reject(err) : resolve()));
  });
}

/** The file limits a command reads within (zip-guard.ts), with `--max-mb` / `--max-cells` applied. */
export function limitsFrom(options: Map<string, string>): ZipLimits {
  const read = (name: string, fallback: number, scale: number) => {
    const v = options.get(name);
    if (v === undefined) return fallback;
    if (!/^\d+(\.\d+)?$/.test(v.trim()) || Number(v) <= 0) throw new UsageError(`--${name} 应为正数，收到 “${v}”`, `--${name} expects a positive number, got "${v}"`);
    return Math.floor(Number(v) * scale);
  };
  return { ...DEFAULT_LIMITS, maxBytes: read("max-mb", DEFAULT_LIMITS.maxBytes, 1024 * 1024), maxCells: read("max-cells", DEFAULT_LIMITS.maxCells, 1) };
}

/**
 * The arguments of a command that turns one workbook into another (portable, restore): IN OUT,
 * --json and the file limits. Null when --help was asked for (and the help has been written).
 */
export async function inOutArguments(
  args: string[],
  ctx: CliContext,
  help: (lang: Lang) => string,
): Promise<{ input: string; output: string; json: boolean; limits: ZipLimits } | null> {
  const parsed = parseOptions(args, ["max-mb", "max-cells"], ["help", "h", "json"]);
  if (parsed.switches.has("help") || parsed.switches.has("h")) {
    await writeAll(ctx.stdout, help(ctx.lang));
    return null;
  }
  if (parsed.positional.length !== 2) {
    throw new UsageError("需要两个参数：输入.xlsx 输出.xlsx", "expects two arguments: IN.xlsx OUT.xlsx");
  }
  const [input, output] = parsed.positional;
  return { input, output, json: parsed.switches.has("json"), limits: limitsFrom(parsed.options) };
}
