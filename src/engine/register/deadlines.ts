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
