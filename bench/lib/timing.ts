/**
 * Throughput of a loop over many items, measured the same way for a subject and its baseline:
 * a warm-up pass (so both are compiled by V8), then alternating timed passes; the fastest pass of
 * each counts, as the least disturbed by other work on a shared machine.
 */
import { performance } from "node:perf_hooks";

/** Keeps results alive so V8 cannot drop the work that made them. */
export let sink = 0;
export const consume = (x: number) => {
  sink = (sink + x) | 0;
};

export interface Timed {
  /** Items per second of the fastest pass. */
  perSecond: number;
  /** Nanoseconds per item in the fastest pass. */
  nsPerItem: number;
  passes: number[];
}

export function race(subjects: Record<string, (() => number) | undefined>, items: number, passes = 5): Record<string, Timed> {
  const names = Object.keys(subjects).filter((k) => subjects[k]);
  for (const name of names) consume(subjects[name]!());
  const times: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let p = 0; p < passes; p++) {
    for (const name of names) {
      const start = performance.now();
      consume(subjects[name]!());
      times[name].push((performance.now() - start) / 1000);
    }
  }
  return Object.fromEntries(
    names.map((n) => {
      const best = Math.min(...times[n]);
      return [n, { perSecond: items / best, nsPerItem: (best * 1e9) / items, passes: times[n] }];
    }),
  );
}
