/**
 * The policy's contract, shared by the engine, function and CLI suites: the repository's copy of
 * `shared/policy/cases.json` (tests/fixtures/cases.json, so a bare clone tests itself) and
 * RULES.md's worked examples. When `shared/` sits beside the repository (as in CI),
 * contract-copy.test.ts fails if the two copies differ.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

export const REPO_ROOT = path.resolve(__dirname, "../..");
export const SHARED_DIR = path.resolve(REPO_ROOT, "../shared");
/** The contract as the policy owners publish it; present beside the repository in CI. */
export const SHARED_CASES_FILE = path.join(SHARED_DIR, "policy", "cases.json");
/** The repository's own copy, which every suite runs. */
export const CASES_FILE = path.join(REPO_ROOT, "tests", "fixtures", "cases.json");

export interface Expected {
  reward: string;
  city: string;
  town: string;
  park: string;
  status: "eligible" | "excluded";
}

export interface PolicyCase {
  sector: string;
  sales1: string;
  sales2: string;
  flags: string[];
  unit: "元" | "万元";
  expect: Expected | { error: "not-covered" };
}

export const isNotCovered = (c: PolicyCase): c is PolicyCase & { expect: { error: "not-covered" } } => "error" in c.expect;

/** Every case of cases.json; throws (failing the suite) when the file is missing or empty. */
export function loadCases(): PolicyCase[] {
  if (!existsSync(CASES_FILE)) {
    throw new Error(
      `cases.json not found at ${CASES_FILE}: the repository's copy of the policy contract (../shared/policy/cases.json) is missing`,
    );
  }
  const cases = (JSON.parse(readFileSync(CASES_FILE, "utf8")) as { cases: PolicyCase[] }).cases;
  if (!Array.isArray(cases) || cases.length < 300) {
    throw new Error(`cases.json at ${CASES_FILE} holds ${Array.isArray(cases) ? cases.length : "no"} cases; expected the full contract (332)`);
  }
  return cases;
}

/** A case as a readable test name. */
export function caseName(c: PolicyCase, i: number): string {
  const flags = c.flags.length ? ` [${c.flags.join(", ")}]` : "";
  return `#${i + 1} ${c.sector} ${c.sales1} / ${c.sales2} ${c.unit}${flags}`;
}

/**
 * RULES.md "Worked examples (元)", row for row: reward, city, town, park in 元, or the document
 * that governs a not-covered sector.
 */
export interface WorkedExample {
  sector: string;
  sales1: string;
  sales2: string;
  flags: string;
  reward: string;
  city: string;
  town: string;
  park: string;
  status?: "eligible" | "excluded";
  note?: string;
  governedBy?: string;
}

//  sector   sales1              sales2              flags       reward            city              town          park
export const WORKED_EXAMPLES: WorkedExample[] = [
  { sector: "化工", sales1: "60,000,000", sales2: "60,000,000", flags: "", reward: "4800000.00", city: "4800000.00", town: "0.00", park: "0.00", note: "8% slice" },
  { sector: "化工", sales1: "400,000,000", sales2: "200,000,000", flags: "", reward: "18000000.00", city: "18000000.00", town: "0.00", park: "0.00", note: "8% + 5%" },
  { sector: "化工", sales1: "1,200,000,000", sales2: "800,000,000", flags: "", reward: "43000000.00", city: "43000000.00", town: "0.00", park: "0.00", note: "8% + 5% + 3%" },
  { sector: "化工", sales1: "3,000,000,000", sales2: "1,000,000,000", flags: "", reward: "50000000.00", city: "50000000.00", town: "0.00", park: "0.00", note: "cap" },
  { sector: "化工", sales1: "300,000", sales2: "500,000", flags: "", reward: "50000.00", city: "50000.00", town: "0.00", park: "0.00", note: "top-up" },
  { sector: "化工", sales1: "100,000,000.10", sales2: "100,000,000.10", flags: "", reward: "8000000.01", city: "8000000.01", town: "0.00", park: "0.00", note: "half-up of …000.005" },
  { sector: "铸造", sales1: "12,000,000", sales2: "8,000,000", flags: "", reward: "300000.00", city: "210000.00", town: "90000.00", park: "0.00", note: "3%, city 70% / town 30%" },
  { sector: "铸造", sales1: "10,000,000", sales2: "10,000,000", flags: "铝加工", reward: "200000.00", city: "140000.00", town: "60000.00", park: "0.00", note: "aluminium deep-well 2%" },
  { sector: "铸造", sales1: "10,000,000", sales2: "10,000,000", flags: "高新区", reward: "300000.00", city: "0.00", town: "0.00", park: "300000.00", note: "park pays all" },
  { sector: "铸造", sales1: "100,000,000", sales2: "100,000,000", flags: "", reward: "2000000.00", city: "1400000.00", town: "600000.00", park: "0.00", note: "cap" },
  { sector: "铸造", sales1: "1,666,667", sales2: "1,666,667", flags: "", reward: "50000.01", city: "35000.01", town: "15000.00", park: "0.00", note: "split rounds the city share" },
  { sector: "铸造", sales1: "12,000,000", sales2: "8,000,000", flags: "产能置换", reward: "0.00", city: "0.00", town: "0.00", park: "0.00", status: "excluded", note: "excluded, 五（五）" },
  { sector: "热电", sales1: "5,000,000", sales2: "5,000,000", flags: "", reward: "", city: "", town: "", park: "", governedBy: "澄政发〔2020〕9号", note: "not covered" },
];
