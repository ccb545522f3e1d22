/**
 * The size of what a host sends and receives in one round trip. Excel on the web refuses a request
 * or a response over 5 MB (RequestPayloadSizeLimitExceeded), so the Excel host splits its reads and
 * writes into batches under a budget, with a sync between them. Host-neutral and pure.
 */

/** Default budget per batch, well under Excel's 5 MB: the estimate below is of the payload, not the envelope. */
export const DEFAULT_BATCH_BYTES = 3_000_000;

/** Estimated bytes of one queued operation besides its payload (object path, method, ids). */
export const OPERATION_BYTES = 200;

/** UTF-8 length of a string (Chinese text is 3 bytes a character on the wire). */
export function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Bytes of a value sent or received as JSON. */
export function jsonBytes(value: unknown): number {
  return utf8Bytes(JSON.stringify(value) ?? "null");
}

/**
 * Splits rows into consecutive runs whose JSON stays under `budget` bytes each (a single row larger
 * than the budget is a run of its own: the host then fails with its own message rather than here).
 */
export function splitByBytes<T>(rows: T[], budget: number, bytesOf: (row: T) => number = jsonBytes): T[][] {
  const out: T[][] = [];
  let run: T[] = [];
  let size = 0;
  for (const row of rows) {
    const b = bytesOf(row) + 1;
    if (run.length > 0 && size + b > budget) {
      out.push(run);
      run = [];
      size = 0;
    }
    run.push(row);
    size += b;
  }
  if (run.length > 0) out.push(run);
  return out;
}

/** Rows in the first read of a block, before any row's size is known. */
export const PROBE_ROWS = 50;

/**
 * How many rows the next read may ask for: the budget over the largest bytes per row seen so far,
 * with a margin (a later row may be longer than any seen), and at most 8 times the last read.
 * `bytesPerRow` null: nothing read yet, a small probe.
 */
export function nextReadRows(budget: number, bytesPerRow: number | null, lastRows: number, remaining: number): number {
  if (bytesPerRow === null) return Math.max(1, Math.min(remaining, PROBE_ROWS));
  const fit = Math.floor(budget / (Math.max(1, bytesPerRow) * 1.5));
  return Math.max(1, Math.min(remaining, fit, lastRows * 8));
}

/** Whether an error is the host refusing a payload as too large. */
export function isPayloadTooLarge(e: unknown): boolean {
  const code = (e as { code?: unknown })?.code;
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded" || /PayloadSizeLimitExceeded/.test(String((e as Error)?.message ?? ""));
}
