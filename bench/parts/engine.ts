/**
 * engine: exact assessments (reward + split) per second, against plain floats on the same claims,
 * and the engine's outcome for every claim of the corpus against the decimal.js reference.
 */
import { ClaimError, computeAmounts, fenToUnitString, parseClaim, type Claim } from "../../src/engine";
import type { BenchClaim } from "../lib/corpus";
import { floatAmounts, type FloatClaim } from "../lib/float";
import { sameOutcome, type Outcome } from "../lib/reference";
import type { BenchPart, Check } from "../lib/report";
import { corpus } from "../lib/shared";
import { race } from "../lib/timing";

/** The engine's outcome for one claim, in the reference's terms. */
export function engineOutcome(c: BenchClaim): Outcome {
  let claim: Claim;
  try {
    claim = parseClaim(c.input);
  } catch (e) {
    if (e instanceof ClaimError) return { error: e.code };
    throw e;
  }
  const a = computeAmounts(claim);
  if (a.status === "not-covered") return { error: "#N/A" };
  const s = (fen: number) => fenToUnitString(fen, claim.unit);
  return { status: a.status, reward: s(a.reward), city: s(a.city), town: s(a.town), park: s(a.park) };
}

export function floatClaimOf(c: BenchClaim): FloatClaim {
  const t = c.truth;
  return {
    sector: t.sector === "chemical" ? 1 : t.sector === "foundry" ? 2 : 0,
    sales1: Number(t.sales1),
    sales2: Number(t.sales2),
    aluminium: t.flags.includes("ALUMINIUM_DEEP_WELL"),
    zone: t.flags.includes("ZONE_HIGHTECH") || t.flags.includes("ZONE_LINGANG"),
    excluded: t.flags.some((f) => f.startsWith("EXCL_")),
    unit: t.unit === "元" ? 1 : 10000,
  };
}

/** Compares the engine with the reference over claims; returns the check. */
export function compareWithReference(claims: BenchClaim[], expected: Outcome[]): Check {
  let differences = 0;
  const examples: unknown[] = [];
  for (let i = 0; i < claims.length; i++) {
    const got = engineOutcome(claims[i]);
    if (!sameOutcome(got, expected[i])) {
      differences++;
      if (examples.length < 5) examples.push({ kind: claims[i].kind, input: claims[i].input, truth: claims[i].truth, engine: got, reference: expected[i] });
    }
  }
  return { label: "engine vs decimal.js reference", compared: claims.length, differences, examples };
}

export const enginePart: BenchPart = {
  name: "engine",
  async run(ctx) {
    const { claims, expected } = corpus(ctx.n, ctx.seed);
    const check = compareWithReference(claims, expected);

    // Timed on claims already read: the figure is the assessment itself (reading is in "functions").
    const valid = claims.filter((c, i) => !expected[i].error || expected[i].error === "#N/A");
    // Read twice, the second time in one tight loop, as a sheet's rows are read one after another:
    // claims read amid the corpus generator's garbage lie scattered in memory, and the loop would
    // time cache misses rather than the assessment (floats are laid out in one go below, too).
    for (const c of valid) parseClaim(c.input);
    const parsed = valid.map((c) => parseClaim(c.input));
    const floats = valid.map(floatClaimOf);
    const subFen = parsed.filter((c) => c.sales1.fen === null || c.sales2.fen === null);

    // How often the floats are wrong at the 分 on the same claims.
    let floatWrong = 0;
    const indexOf = new Map(claims.map((c, i) => [c, i]));
    for (let i = 0; i < valid.length; i++) {
      const e = expected[indexOf.get(valid[i])!];
      if (e.error) continue;
      const f = floatAmounts(floats[i]);
      const fen = (x: number) => Math.round(x * floats[i].unit * 100);
      const ref = (s: string) => Math.round(Number(s) * floats[i].unit * 100);
      if (fen(f.reward) !== ref(e.reward!) || fen(f.city) !== ref(e.city!) || fen(f.town) !== ref(e.town!) || fen(f.park) !== ref(e.park!)) floatWrong++;
    }

    const t = race(
      {
        engine: () => {
          let x = 0;
          for (let i = 0; i < parsed.length; i++) {
            const a = computeAmounts(parsed[i]);
            x += a.reward + a.city;
          }
          return x;
        },
        float: () => {
          let x = 0;
          for (let i = 0; i < floats.length; i++) {
            const a = floatAmounts(floats[i]);
            x += a.reward + a.city;
          }
          return x;
        },
        subFen: () => {
          let x = 0;
          for (let i = 0; i < subFen.length; i++) x += computeAmounts(subFen[i]).reward;
          return x;
        },
      },
      parsed.length,
      15,
    );
    const ratio = t.engine.perSecond / t.float.perSecond;
    return {
      unavailable: null,
      figures: [
        {
          key: "engine.assessmentsPerSecond",
          label: "engine: exact assessments (reward + split)",
          value: t.engine.perSecond,
          unit: "claims/s",
          better: "higher",
          baseline: { label: "plain floats", value: t.float.perSecond },
          ratio,
          target: { text: "≥ 0.20× floats", met: ratio >= 0.2 },
          note: `${parsed.length} claims read beforehand; ${t.engine.nsPerItem.toFixed(0)} ns per claim (floats ${t.float.nsPerItem.toFixed(0)} ns)`,
        },
        {
          key: "engine.subFenAssessmentsPerSecond",
          label: "engine: claims with sub-分 sales only",
          value: (t.subFen.perSecond * subFen.length) / parsed.length,
          unit: "claims/s",
          better: "higher",
          note: `${subFen.length} of ${parsed.length} claims have sales finer than 分`,
        },
      ],
      checks: [check],
      info: { floatWrongAtTheFen: floatWrong, floatCompared: valid.length, subFenClaims: subFen.length },
    };
  },
};
