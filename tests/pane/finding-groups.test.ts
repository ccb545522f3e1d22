/** Findings grouped by kind, every count in enterprises: a group, a severity and the whole list agree. */
import fc from "fast-check";
import { SEVERITIES, type FindingCode, type Severity } from "../../src/engine";
import type { RegisterFinding } from "../../src/engine/register";
import { clauseRef } from "../../src/policy";
import { groupFindings } from "../../src/taskpane/findingGroups";
import { sampleSheet } from "../../src/playground/sample";
import { scanRegister } from "../../src/engine/register";

const KINDS: Array<[FindingCode, Severity]> = [
  ["EXCLUDED_RELOCATED", "excluded"],
  ["NOT_COVERED_OTHER", "not-covered"],
  ["INVALID_INPUT", "error"],
  ["CONDITION_NOT_MET", "warning"],
  ["DEADLINE_LATE", "warning"],
  ["CAP_APPLIED", "info"],
];

const finding = fc.record({ kind: fc.constantFrom(...KINDS), row: fc.integer({ min: 2, max: 60 }) }).map(
  ({ kind: [code, severity], row }): RegisterFinding => ({ code, severity, clause: null, messageZh: "", messageEn: "", row, cells: [], enterprise: `E${row}` }),
);

describe("grouping findings", () => {
  test("each group counts its distinct rows; each severity the distinct rows of its groups", () => {
    fc.assert(
      fc.property(fc.array(finding, { maxLength: 300 }), (findings) => {
        const g = groupFindings(findings);
        expect(g.groups.reduce((n, x) => n + x.findings.length, 0)).toBe(findings.length);
        for (const group of g.groups) {
          expect(group.enterprises).toBe(new Set(group.findings.map((f) => f.row)).size);
          expect(group.findings.every((f) => f.code === group.code && f.severity === group.severity)).toBe(true);
        }
        for (const sev of SEVERITIES) {
          expect(g.bySeverity[sev]).toBe(new Set(findings.filter((f) => f.severity === sev).map((f) => f.row)).size);
        }
        expect(g.enterprises).toBe(new Set(findings.map((f) => f.row)).size);
        // Most serious kind first.
        const ranks = g.groups.map((x) => SEVERITIES.indexOf(x.severity));
        expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
      }),
    );
  });

  test("the sample register: 38 enterprises with findings, 5 with input errors (6 findings), 2 with conditions not met", () => {
    const sheet = sampleSheet() as unknown[][];
    const scan = scanRegister({ headers: sheet[0], rows: sheet.slice(1), today: "2025-12-15" });
    const g = groupFindings(scan.findings);
    expect(g.enterprises).toBe(38);
    expect(g.bySeverity).toEqual({ excluded: 4, "not-covered": 5, error: 5, warning: 16, info: 9 });
    const invalid = g.groups.find((x) => x.code === "INVALID_INPUT");
    expect([invalid?.enterprises, invalid?.findings.length]).toEqual([5, 6]);
    expect(g.groups.find((x) => x.code === "CONDITION_NOT_MET")?.enterprises).toBe(2);
  });
});

describe("clause ids in English", () => {
  test.each([
    ["五（一）", "Art. 5(1)"],
    ["五（五）", "Art. 5(5)"],
    ["三（一）2", "Art. 3(1) item 2"],
    ["四（三）", "Art. 4(3)"],
    ["七", "Art. 7"],
  ] as const)("%s → %s", (id, en) => {
    expect(clauseRef(id, "en")).toBe(en);
    expect(clauseRef(id, "zh")).toBe(id);
  });
});
