/**
 * Every file a jyreward command reads comes in through `loadInput`: a file larger than the limit
 * on disk is refused before it is read, and a read failure (missing, a folder, no permission)
 * becomes a sentence naming the file. `readInput` is the same for portable and restore, saying the
 * sentence on stderr. (output-file.ts is the other side: every file written whole or not at all.)
 */
import { readFile, stat } from "node:fs/promises";
import type { Lang } from "../engine/lang";
import { DEFAULT_LIMITS, FileRefused, type ZipLimits } from "../portable/zip-guard";
import { writeAll, type CliContext } from "./context";
import { notWorkbook, readFailure } from "./file-errors";
import { shownName } from "./terminal";

/** A file that could not be read or was refused: the sentence to print. */
export class ReadRefusal extends Error {
  constructor(readonly sentence: (lang: Lang) => string) {
    super("refused");
  }
}

const mb = (n: number) => (n / (1024 * 1024)).toFixed(0);

/** The refusal sentence for a file: its name, then what is wrong. */
export function refusalSentence(file: string, refusal: { zh: string; en: string }, lang: Lang): string {
  return lang === "zh" ? `${shownName(file)}：${refusal.zh}，未作处理。` : `${shownName(file)}: ${refusal.en}; nothing was done.`;
}

/** A file's bytes, within the size limit; a ReadRefusal when it cannot be read or is too large. */
export async function loadInput(file: string, limits: ZipLimits = DEFAULT_LIMITS): Promise<Buffer> {
  let size: number;
  try {
    const st = await stat(file);
    if (st.isDirectory()) throw Object.assign(new Error("directory"), { code: "EISDIR" });
    size = st.size;
  } catch (e) {
    throw new ReadRefusal((lang) => readFailure(shownName(file), e, lang));
  }
  if (size > limits.maxBytes) {
    throw new ReadRefusal((lang) =>
      refusalSentence(
        file,
        {
          zh: `文件有 ${mb(size)} MB，超过上限 ${mb(limits.maxBytes)} MB（可用 --max-mb 调高）`,
          en: `the file is ${mb(size)} MB, over the limit of ${mb(limits.maxBytes)} MB (raise it with --max-mb)`,
        },
        lang,
      ),
    );
  }
  try {
    return await readFile(file);
  } catch (e) {
    throw new ReadRefusal((lang) => readFailure(shownName(file), e, lang));
  }
}

/** The input workbook's bytes, or null after telling the user in one sentence why it can't be read. */
export async function readInput(file: string, ctx: CliContext, limits: ZipLimits = DEFAULT_LIMITS): Promise<Buffer | null> {
  try {
    return await loadInput(file, limits);
  } catch (e) {
    if (!(e instanceof ReadRefusal)) throw e;
    await writeAll(ctx.stderr, e.sentence(ctx.lang) + "\n");
    return null;
  }
}

/**
 * Why a conversion could not read its input, as the sentence to print: a refusal by the limits
 * (FileRefused from the readers), a container that is not a workbook, or something damaged.
 */
export function conversionFailure(file: string, e: unknown, lang: Lang): string {
  if (e instanceof ReadRefusal) return e.sentence(lang);
  if (e instanceof FileRefused) return e.notZip ? notWorkbook(shownName(file), new Error("zip"), lang) : refusalSentence(file, e, lang);
  // A string or buffer past what JavaScript can hold (only with the limits raised): too large, not unreadable.
  if (e instanceof RangeError && /string length|array buffer|allocation/i.test(e.message)) {
    return refusalSentence(file, { zh: "转换后的工作簿太大，超出了程序能在内存中处理的大小；请把台账分成几个文件转换", en: "the portable workbook is too large to build in memory; convert the register in several files" }, lang);
  }
  return notWorkbook(shownName(file), e, lang);
}
