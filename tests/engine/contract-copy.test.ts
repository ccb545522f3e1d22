/**
 * The repository tests against its own copy of the policy contract (tests/fixtures/cases.json), so
 * a bare clone passes on its own. Where the published contract sits beside the repository
 * (../shared/policy/cases.json, as in CI), the two must be the same cases with the same results:
 * when the policy owners change a case, this fails until the copy is brought up to date.
 */
import { existsSync, readFileSync } from "node:fs";
import { CASES_FILE, SHARED_CASES_FILE, loadCases } from "./policy-cases";

test("the repository's copy of the contract holds the full set of cases", () => {
  expect(loadCases()).toHaveLength(332);
});

const shared = existsSync(SHARED_CASES_FILE);
(shared ? test : test.skip)("the repository's copy equals ../shared/policy/cases.json", () => {
  const ours = JSON.parse(readFileSync(CASES_FILE, "utf8"));
  const theirs = JSON.parse(readFileSync(SHARED_CASES_FILE, "utf8"));
  expect(ours).toEqual(theirs);
});

if (!shared) {
  console.warn(`contract-copy: ${SHARED_CASES_FILE} is not beside the repository; the copy in tests/fixtures is used unchecked.`);
}
