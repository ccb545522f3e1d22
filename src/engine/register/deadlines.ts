/**
 * Each year's deadlines (四（一）, 四（三）) and the register rows that are late against them.
 * Dates are ISO strings compared as text; "today" is always given, so a scan is reproducible.
 */
import { DEADLINES, type ClauseId, type Deadline } from "../../policy";

export interface DeadlineDate {
  key: Deadline["key"];
  /** ISO date, inclusive: the last day. */
  date: string;
  /** The exit year this deadline belongs to. */
  exitYear: number;
  labelZh: string;
  labelEn: string;
  clause: ClauseId;
  quoteZh: string;
  /** Today is after the date. */
  passed: boolean;
  /** Rows late against it (filled by the scan). */
  lateRows: number[];
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The ISO date of one deadline for exits in `exitYear`. */
export function deadlineDate(d: Deadline, exitYear: number): string {
  return `${exitYear + d.yearOffset}-${pad(d.month)}-${pad(d.day)}`;
}

/** The deadlines for exits in `exitYear` (四（一）（三）: plan, acceptance, payment the next year). */
export function deadlinesFor(exitYear: number, today: string, deadlines: readonly Deadline[] = DEADLINES): DeadlineDate[] {
  return deadlines.map((d) => {
    const date = deadlineDate(d, exitYear);
    return { key: d.key, date, exitYear, labelZh: d.labelZh, labelEn: d.labelEn, clause: d.clause, quoteZh: d.quoteZh, passed: today > date, lateRows: [] };
  });
}

/** Today as an ISO date in the local calendar. */
export function todayIso(now: Date = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** "2025-03-05" → "2025年3月5日", as finance staff write a date. */
export function staffDate(iso: string): string {
  return `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
}

const MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "2025-03-05" → "5 March 2025". */
export function staffDateEn(iso: string): string {
  return `${Number(iso.slice(8, 10))} ${MONTHS_EN[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
}

/** The payment deadline (DEADLINES "payment", 四（三）) of exits in `exitYear`, ISO. */
export function paymentDeadline(exitYear: number): string {
  return deadlineDate(DEADLINES.find((d) => d.key === "payment")!, exitYear);
}
