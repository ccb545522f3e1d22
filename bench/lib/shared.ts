/** The corpus and the reference outcomes, built once per run and shared by the parts. */
import { generateCorpus, type BenchClaim } from "./corpus";
import { referenceOutcome, type Outcome } from "./reference";

let cached: { key: string; claims: BenchClaim[]; expected: Outcome[] } | null = null;

export function corpus(n: number, seed: number): { claims: BenchClaim[]; expected: Outcome[] } {
  const key = `${n}:${seed}`;
  if (!cached || cached.key !== key) {
    const claims = generateCorpus(n, seed);
    cached = { key, claims, expected: claims.map((c) => referenceOutcome(c.truth)) };
  }
  return cached;
}
