/**
 * The findings as the pane lists them: grouped by kind (finding code), most serious first, with
 * every count in enterprises (distinct register rows), so a badge, a filter chip and a group line
 * always count the same thing. Built once per scan; a filter only picks groups.
 */
import { SEVERITIES, type FindingCode, type Severity } from "../engine";
import type { RegisterFinding } from "../engine/register";

export interface FindingGroup {
  /** severity:code */
  key: string;
  code: FindingCode;
  severity: Severity;
  findings: RegisterFinding[];
  /** Distinct rows (enterprises) with this kind of finding. */
  enterprises: number;
}

export interface GroupedFindings {
  groups: FindingGroup[];
  /** Distinct rows with a finding of each severity. */
  bySeverity: Record<Severity, number>;
  /** Distinct rows with any finding. */
  enterprises: number;
  total: number;
}

const RANK = Object.fromEntries(SEVERITIES.map((s, i) => [s, i])) as Record<Severity, number>;

export function groupFindings(findings: RegisterFinding[]): GroupedFindings {
  const groups = new Map<string, FindingGroup & { rows: Set<number> }>();
  const severityRows = Object.fromEntries(SEVERITIES.map((s) => [s, new Set<number>()])) as Record<Severity, Set<number>>;
  const allRows = new Set<number>();
  for (const f of findings) {
    const key = `${f.severity}:${f.code}`;
    let g = groups.get(key);
    if (!g) {
      g = { key, code: f.code, severity: f.severity, findings: [], enterprises: 0, rows: new Set() };
      groups.set(key, g);
    }
    g.findings.push(f);
    g.rows.add(f.row);
    severityRows[f.severity].add(f.row);
    allRows.add(f.row);
  }
  const list = [...groups.values()]
    .map(({ rows, ...g }) => ({ ...g, enterprises: rows.size }))
    // Most serious kind first; within a severity the larger group first.
    .sort((a, b) => RANK[a.severity] - RANK[b.severity] || b.enterprises - a.enterprises);
  return {
    groups: list,
    bySeverity: Object.fromEntries(SEVERITIES.map((s) => [s, severityRows[s].size])) as Record<Severity, number>,
    enterprises: allRows.size,
    total: findings.length,
  };
}
