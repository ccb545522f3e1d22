/**
 * The findings table (FINDINGS) and the detectors agree: every claim finding declared is raised by
 * a detector on some claim, every finding raised is declared with the severity it is raised with,
 * and every placeholder of a message is filled.
 */
import { assessInput, FINDINGS, type ClaimInput, type FindingCode } from "../../src/engine";

/** One claim per situation the policy words a finding for. */
const CLAIMS: ClaimInput[] = [
  { sector: "化工", sales1: 300_000, sales2: 500_000 },
  { sector: "化工", sales1: 3_000_000_000, sales2: 1_000_000_000, flags: "沿江、高新区" },
  { sector: "铸造", sales1: 0, sales2: 8_000_000, flags: "临港", place: "华士镇" },
  { sector: "铸造", sales1: 12_000_000, sales2: 8_000_000, flags: "产能置换、搬迁入园、地条钢、违规新增" },
  { sector: "化工", sales1: 1, sales2: 1, flags: "铝加工" },
  { sector: "铸造", sales1: 1, sales2: 1, flags: "沿江" },
  { sector: "热电", sales1: 1, sales2: 1 },
  { sector: "印染", sales1: 1, sales2: 1 },
  { sector: "纺织", sales1: 1, sales2: 1 },
];

test("every claim finding in the table has a detector that raises it, with the declared severity, its message filled", () => {
  const raised = new Set<FindingCode>();
  for (const input of CLAIMS) {
    const r = assessInput(input);
    if (!r.ok) throw r.error;
    for (const f of r.assessment.findings) {
      raised.add(f.code);
      expect([f.code, f.severity]).toEqual([f.code, FINDINGS[f.code].severity]);
      expect(FINDINGS[f.code].raisedBy).toBe("claim");
      for (const m of [f.messageZh, f.messageEn]) expect(m).not.toMatch(/\{\w+\}/);
    }
  }
  const declared = (Object.keys(FINDINGS) as FindingCode[]).filter((c) => FINDINGS[c].raisedBy === "claim");
  expect([...raised].sort()).toEqual(declared.sort());
});

test("a message is never mixed: the English one has no Chinese outside quoted names and document numbers", () => {
  for (const input of CLAIMS) {
    const r = assessInput(input);
    if (!r.ok) throw r.error;
    for (const f of r.assessment.findings) expect(f.messageEn.replace(/一事一议|（[^）]*〔[^）]*）|〔\d+〕|澄政发|《[^》]*》|“[^”]*”/g, "")).not.toMatch(/[\u4e00-\u9fff]{3,}/);
  }
});
