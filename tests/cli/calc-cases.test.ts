/**
 * Every case of shared/policy/cases.json through `jyreward calc`, all as JSON lines in one process:
 * every field of every answer is compared with the contract. RULES.md's worked examples go the
 * same way, in both languages.
 */
import { SECTORS } from "../../src/policy";
import { caseName, isNotCovered, loadCases, WORKED_EXAMPLES, type Expected } from "../engine/policy-cases";
import { jsonLines, runCli } from "./run-cli";

const cases = loadCases();

describe("cases.json through jyreward calc (one process)", () => {
  const input = cases.map((c) => JSON.stringify({ sector: c.sector, sales1: c.sales1, sales2: c.sales2, flags: c.flags, unit: c.unit })).join("\n") + "\n";
  const run = runCli(["calc"], input);
  const out = jsonLines(run.stdout);

  test("exits 0 with one line per case, nothing on stderr", () => {
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(out).toHaveLength(cases.length);
  });

  test.each(cases.map((c, i) => [caseName(c, i), c, i] as const))("%s", (_name, c, i) => {
    const line = out[i];
    if (isNotCovered(c)) {
      const sector = Object.values(SECTORS).find((s) => s.nameZh === c.sector || s.aliases.includes(c.sector));
      expect(Object.keys(line)).toEqual(["error"]);
      expect(line.error).toEqual({ code: "#N/A", argument: null, line: i + 1, message: expect.stringContaining(sector?.governedByZh as string) });
      return;
    }
    const e = c.expect as Expected;
    expect(line).toEqual({
      status: e.status,
      reward: e.reward,
      city: e.city,
      town: e.town,
      park: e.park,
      findings: expect.any(Array),
    });
    const findings = line.findings as Array<Record<string, unknown>>;
    for (const f of findings) expect(Object.keys(f).sort()).toEqual(["clause", "code", "message", "severity"]);
    const excluded = findings.filter((f) => f.severity === "excluded");
    if (e.status === "excluded") {
      expect(excluded.length).toBe(c.flags.filter((f) => f.startsWith("EXCL_")).length);
      for (const f of excluded) expect(f.clause).toBe("五（五）");
    } else {
      expect(excluded).toEqual([]);
    }
  });
});

describe("RULES.md worked examples through jyreward calc", () => {
  const input = WORKED_EXAMPLES.map((w) => JSON.stringify({ sector: w.sector, sales1: w.sales1, sales2: w.sales2, flags: w.flags })).join("\n") + "\n";

  test.each(["zh", "en"] as const)("all 13 rows, --lang %s", (lang) => {
    const run = runCli(["calc", "--lang", lang], input);
    expect(run.status).toBe(0);
    const out = jsonLines(run.stdout);
    expect(out).toHaveLength(13);
    WORKED_EXAMPLES.forEach((w, i) => {
      if (w.governedBy) {
        expect(out[i]).toEqual({ error: { code: "#N/A", argument: null, line: i + 1, message: expect.stringContaining(lang === "zh" ? w.governedBy : "Cheng Zheng Fa [2020] No. 9") } });
        return;
      }
      expect(out[i]).toMatchObject({ status: w.status ?? "eligible", reward: w.reward, city: w.city, town: w.town, park: w.park });
    });
    const chinese = /[\u4e00-\u9fff]/;
    const capped = out[3].findings as Array<{ code: string; message: string }>;
    expect(capped.map((f) => f.code)).toEqual(["CAP_APPLIED"]);
    if (lang === "zh") expect(capped[0].message).toContain("超过每家企业上限 50,000,000.00 元");
    else expect(capped[0].message).not.toMatch(chinese);
  });
});
