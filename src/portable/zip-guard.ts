/**
 * Bounded reading of a workbook container (.xlsx is a zip): before anything is inflated, the
 * central directory's declared sizes are read and checked against limits proportional to what a
 * register can need. A zip bomb, a sheet of gigabytes or a directory of a million entries is
 * refused with a sentence naming the limit; media and other parts a command does not read are
 * never inflated (portable and restore carry them over still compressed).
 *
 * Limits (each overridable, `--max-mb` / `--max-cells` on the command line):
 * - 200 MB uncompressed in the parts a command reads (workbook, relationships, sheets, shared
 *   strings, tables): a 100,000-row register with ten columns of formulas is about 60 MB;
 * - 2,000,000 cells (a 100,000-row register of 20 columns);
 * - 20,000 entries in the container.
 * Works on bytes only (no Node API), so the CLI and the playground refuse the same files.
 */

export interface ZipLimits {
  /** Uncompressed bytes of the parts a command reads, in total. */
  maxBytes: number;
  /** Cells (<c> elements) in the sheets a command reads. */
  maxCells: number;
  /** Entries in the container's directory. */
  maxEntries: number;
}

export const DEFAULT_LIMITS: ZipLimits = { maxBytes: 200 * 1024 * 1024, maxCells: 2_000_000, maxEntries: 20_000 };

export interface ZipEntryInfo {
  name: string;
  /** Declared sizes from the central directory. */
  compressedSize: number;
  uncompressedSize: number;
  method: number;
  /** Where its local header starts (0xFFFFFFFF in a zip64 entry this reader does not follow). */
  localOffset: number;
}

/** A refusal: the sentence in both languages (the caller adds the file's name). */
export interface ZipRefusal {
  ok: false;
  zh: string;
  en: string;
  /** Not a zip container at all (or truncated): not a workbook, rather than one over a limit. */
  notZip?: boolean;
}

export type ZipCheck = { ok: true; entries: ZipEntryInfo[] } | ZipRefusal;

/** Parts of a workbook that make-portable, restore and the register readers inflate. */
export function isReadPart(name: string): boolean {
  return (
    name === "[Content_Types].xml" ||
    /^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|sharedStrings\.xml|calcChain\.xml|metadata\.xml)$/i.test(name) ||
    /^xl\/worksheets\/(_rels\/)?[^/]+\.(xml|rels)$/i.test(name) ||
    /^xl\/tables\/[^/]+\.xml$/i.test(name)
  );
}

const mb = (n: number) => (n / (1024 * 1024)).toFixed(n < 10 * 1024 * 1024 ? 1 : 0);

const refuse = (zh: string, en: string): ZipRefusal => ({ ok: false, zh, en });

const NOT_ZIP: ZipRefusal = { notZip: true, ...refuse("不是 .xlsx 工作簿（文件不是 zip 容器，或已损坏、被截断）", "not an .xlsx workbook (the file is not a zip container, or it is damaged or truncated)") };

/** Where the end-of-central-directory record starts: the last signature within its 22 bytes plus a comment of ≤ 65,535; -1 when none. */
export function endOfDirectory(view: DataView): number {
  const n = view.byteLength;
  for (let i = n - 22; i >= Math.max(0, n - 22 - 65535); i--) if (view.getUint32(i, true) === 0x06054b50) return i;
  return -1;
}

/**
 * Reads the central directory (zip64 too) and checks the declared sizes of the parts `needed`
 * selects against the limits, without inflating anything.
 */
export function checkZip(input: Uint8Array | ArrayBuffer, limits: ZipLimits = DEFAULT_LIMITS, needed: (name: string) => boolean = isReadPart): ZipCheck {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = bytes.length;
  const eocd = endOfDirectory(view);
  if (eocd < 0) return NOT_ZIP;
  let count = view.getUint16(eocd + 10, true);
  let dirSize = view.getUint32(eocd + 12, true);
  let dirOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) {
    // Zip64: the locator just before the EOCD points at the zip64 end record.
    const loc = eocd - 20;
    if (loc < 0 || view.getUint32(loc, true) !== 0x07064b50) return NOT_ZIP;
    const rec = Number(view.getBigUint64(loc + 8, true));
    if (rec + 56 > n || view.getUint32(rec, true) !== 0x06064b50) return NOT_ZIP;
    count = Number(view.getBigUint64(rec + 32, true));
    dirSize = Number(view.getBigUint64(rec + 40, true));
    dirOffset = Number(view.getBigUint64(rec + 48, true));
  }
  if (count > limits.maxEntries) {
    return refuse(`文件含 ${count} 个部件，超过上限 ${limits.maxEntries}（登记表用不到这么多；可能是构造的压缩炸弹）`, `the file holds ${count} parts, over the limit of ${limits.maxEntries} (no register needs that many; possibly a crafted zip bomb)`);
  }
  if (dirOffset + dirSize > n) return NOT_ZIP;
  const entries: ZipEntryInfo[] = [];
  const decoder = new TextDecoder();
  let total = 0;
  let p = dirOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > n || view.getUint32(p, true) !== 0x02014b50) return NOT_ZIP;
    const method = view.getUint16(p + 10, true);
    let compressedSize = view.getUint32(p + 20, true);
    let uncompressedSize = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const localOffset = view.getUint32(p + 42, true);
    if (p + 46 + nameLength + extraLength > n) return NOT_ZIP;
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    // Zip64 extra field (id 1): the 64-bit sizes, in this order, for the fields marked 0xFFFFFFFF.
    for (let e = p + 46 + nameLength; e + 4 <= p + 46 + nameLength + extraLength; ) {
      const id = view.getUint16(e, true);
      const size = view.getUint16(e + 2, true);
      if (id === 1) {
        let q = e + 4;
        if (uncompressedSize === 0xffffffff && q + 8 <= e + 4 + size) {
          uncompressedSize = Number(view.getBigUint64(q, true));
          q += 8;
        }
        if (compressedSize === 0xffffffff && q + 8 <= e + 4 + size) compressedSize = Number(view.getBigUint64(q, true));
      }
      e += 4 + size;
    }
    entries.push({ name, compressedSize, uncompressedSize, method, localOffset });
    if (needed(name)) {
      if (method !== 0 && method !== 8) {
        return refuse(`部件 ${name} 使用了不支持的压缩方式（${method}）`, `the part ${name} uses an unsupported compression method (${method})`);
      }
      if (uncompressedSize > limits.maxBytes) {
        return refuse(
          `部件 ${name} 解压后有 ${mb(uncompressedSize)} MB，超过上限 ${mb(limits.maxBytes)} MB（可用 --max-mb 调高）`,
          `the part ${name} is ${mb(uncompressedSize)} MB uncompressed, over the limit of ${mb(limits.maxBytes)} MB (raise it with --max-mb)`,
        );
      }
      total += uncompressedSize;
    }
    p += 46 + nameLength + extraLength + commentLength;
  }
  if (total > limits.maxBytes) {
    return refuse(
      `工作簿需读取的部件解压后共 ${mb(total)} MB，超过上限 ${mb(limits.maxBytes)} MB（可用 --max-mb 调高）`,
      `the parts to read are ${mb(total)} MB uncompressed in total, over the limit of ${mb(limits.maxBytes)} MB (raise it with --max-mb)`,
    );
  }
  return { ok: true, entries };
}

/** The refusal when a sheet holds more cells than the limit (counted while reading it). */
export function tooManyCells(sheet: string, limit: number): ZipRefusal {
  return refuse(
    `工作表 ${sheet} 的单元格超过上限 ${limit.toLocaleString("en-US")} 个（可用 --max-cells 调高）`,
    `the sheet ${sheet} holds more than ${limit.toLocaleString("en-US")} cells, the limit (raise it with --max-cells)`,
  );
}

/**
 * The refusal when the sheets of a file read whole (an .ods: SheetJS builds every sheet before
 * returning any) hold more cells together than the limit.
 */
export function tooManyCellsTogether(limit: number): ZipRefusal {
  return refuse(
    `各工作表的单元格合计超过上限 ${limit.toLocaleString("en-US")} 个（可用 --max-cells 调高）`,
    `the sheets together hold more than ${limit.toLocaleString("en-US")} cells, the limit (raise it with --max-cells)`,
  );
}

/**
 * A refusal's sentence without its command-line hint ("可用 --max-mb 调高", "raise it with
 * --max-cells"): for the playground, which has no flags to raise.
 */
export function withoutFlagHint(text: string): string {
  return text
    .replace(/（可用 --max-[a-z]+ 调高）/g, "")
    .replace(/ \(raise it with --max-[a-z]+\)/g, "")
    .replace(/可用 --max-[a-z]+ 调高，或/g, "请")
    .replace(/raise it with --max-[a-z]+, or /g, "");
}

/** A file refused by the guard: thrown by the readers, caught by the commands. */
export class FileRefused extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
    /** Not a zip container at all: a damaged or foreign file rather than one over a limit. */
    readonly notZip = false,
  ) {
    super(en);
    this.name = "FileRefused";
  }
}

/** Bytes → nothing when the container is within the limits, else the refusal to show. */
export function guardWorkbookBytes(bytes: Uint8Array | ArrayBuffer, limits: ZipLimits = DEFAULT_LIMITS): ZipRefusal | null {
  const r = checkZip(bytes, limits);
  return r.ok ? null : r;
}
