/**
 * Change drills: the city amends the policy, and the amendment is a change of data in src/policy.
 * Each drill builds an amended policy value (never mutating the one in force) and checks that the
 * engine, JY.DETAIL, the register scan, the 资金统计 sheet's formulas and the portable native
 * formulas (evaluated in HyperFormula) all follow it. Expected amounts are worked out by hand from
 * the amended rates, as a finance officer would, not by the engine.
 */
import fc from "fast-check";
import { HyperFormula } from "hyperformula";
import { assess, ClaimError, computeAmounts, explain, parseClaim, type Amounts } from "../../src/engine";
import { mapColumns, scanRegister } from "../../src/engine/register";
import { jyFunctions } from "../../src/functions/jy";
import { CHEMICAL, FOUNDRY, POLICY, type Policy, type SectorReward, type Town } from "../../src/policy";
import { definedNames, nativeFormula, NotPortable, type Output } from "../../src/portable/native";
import { summarySheet } from "../../src/workbook/summary";
import { nativeHost } from "../portable/hyperformula-host";

/** 五（一） amended: 9% to 1亿, 6% to 5亿, 3% to 10亿, 2% above; floor and cap as before. */
const CHEMICAL_9632: SectorReward = {
  ...CHEMICAL,
  scale: [
    { from: "0", upTo: "100000000", ratePercent: 9, quoteZh: "1亿元（含）以下的，按9%奖励" },
    { from: "100000000", upTo: "500000000", ratePercent: 6, quoteZh: "1亿元—5亿元（含）的，按6%奖励" },
    { from: "500000000", upTo: "1000000000", ratePercent: 3, quoteZh: "5亿元—10亿元（含）的，按3%奖励" },
    { from: "1000000000", upTo: null, ratePercent: 2, quoteZh: "10亿元以上的，按2%奖励" },
  ],
};

/** 五（二） amended: the city pays 60%, the town 40%. */
const FOUNDRY_60_40: SectorReward = { ...FOUNDRY, cityPercent: { ...FOUNDRY.cityPercent, value: 60, quoteZh: "其中市级财政承担60%，镇级财政承担40%" } };

/** A new subdistrict. */
const LINJIANG: Town = { nameZh: "临江街道", nameEn: "Linjiang", aliases: ["临江", "linjiang"] };

const AMENDED: Policy = { ...POLICY, rewards: { chemical: CHEMICAL_9632, foundry: FOUNDRY_60_40 }, towns: [...POLICY.towns, LINJIANG] };

const amountsUnder = (policy: Policy, sector: string, s1: number | string, s2: number | string, flags = "", place = ""): Amounts =>
  computeAmounts(parseClaim({ sector, sales1: s1, sales2: s2, flags, place }, policy), policy);

const 亿 = 100_000_000;
const fen = (yuan: number) => Math.round(yuan * 100);

describe("drill: chemical 8/5/3 → 9/6/3/2 with a 10亿 tier", () => {
  // base → reward, by hand: 1亿×9% = 900万; 4亿×6% = 2400万; 5亿×3% = 1500万; above 10亿 × 2%.
  test.each([
    [0.5 * 亿, 4_500_000, "scale"],
    [2 * 亿, 9_000_000 + 6_000_000, "scale"],
    [8 * 亿, 9_000_000 + 24_000_000 + 9_000_000, "scale"],
    [10.5 * 亿, 9_000_000 + 24_000_000 + 15_000_000 + 1_000_000, "scale"],
    [11 * 亿, 50_000_000, "scale"],
    [12 * 亿, 50_000_000, "cap"],
    [400_000, 50_000, "floor"],
  ] as const)("base %d 元 → %d 元 (%s)", (base, reward, stage) => {
    const a = amountsUnder(AMENDED, "化工", base, base);
    expect([a.reward, a.stage, a.city, a.town]).toEqual([fen(reward), stage, fen(reward), 0]);
    // The policy in force is untouched: 8/5/3 still gives its own figure.
    expect(amountsUnder(POLICY, "化工", 8 * 亿, 8 * 亿).reward).toBe(fen(8_000_000 + 20_000_000 + 9_000_000));
  });

  test("JY.DETAIL lists the four slices with the amended rates, adding up to the reward", () => {
    const lines = jyFunctions(AMENDED).detail("zh", "化工", 10.5 * 亿, 10.5 * 亿);
    const slices = lines.filter(([label]) => /×/.test(String(label)));
    expect(slices.map(([label]) => String(label).replace(/【.*】$/, ""))).toEqual(["0—1亿元（含）部分 × 9%", "1亿元—5亿元（含）部分 × 6%", "5亿元—10亿元（含）部分 × 3%", "10亿元以上部分 × 2%"]);
    expect(slices.map(([, v]) => v)).toEqual([9_000_000, 24_000_000, 15_000_000, 1_000_000]);
    expect(lines.find(([label]) => String(label).startsWith("奖励金额（四舍五入到分）"))![1]).toBe(49_000_000);
  });

  test("the breakdown and the amounts agree on random bases, in the integer and decimal paths", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 * 亿 * 100 }), fc.integer({ min: 0, max: 30 * 亿 * 100 }), fc.integer({ min: 0, max: 999 }), (a, b, sub) => {
        for (const [s1, s2] of [
          [a / 100, b / 100],
          [`${Math.floor(a / 100)}.${String(a % 100).padStart(2, "0")}${String(sub).padStart(3, "0")}`, b / 100],
        ] as const) {
          const claim = parseClaim({ sector: "化工", sales1: s1, sales2: s2 }, AMENDED);
          const br = explain(claim, AMENDED);
          expect(br.slices).toHaveLength(4);
          expect(br.exact.toDecimalPlaces(2).times(100).toNumber()).toBe(br.amounts.reward);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe("drill: foundry split 70/30 → 60/40", () => {
  test("city 60%, town 40%, the top-up split the same way, the park still pays all", () => {
    const a = amountsUnder(AMENDED, "铸造", 12_000_000, 8_000_000, "", "华士镇");
    expect([a.reward, a.city, a.town, a.park]).toEqual([fen(300_000), fen(180_000), fen(120_000), 0]);
    const floor = amountsUnder(AMENDED, "铸造", 300_000, 500_000);
    expect([floor.reward, floor.city, floor.town]).toEqual([fen(50_000), fen(30_000), fen(20_000)]);
    const park = amountsUnder(AMENDED, "铸造", 12_000_000, 8_000_000, "高新区");
    expect([park.city, park.town, park.park]).toEqual([0, 0, fen(300_000)]);
  });

  test("messages quote the amended shares", () => {
    const claim = parseClaim({ sector: "铸造", sales1: 300_000, sales2: 500_000 }, AMENDED);
    const top = assess(claim, computeAmounts(claim, AMENDED), AMENDED).findings.find((f) => f.code === "FLOOR_TOP_UP")!;
    expect(top.messageZh).toContain("按 60%、40% 补足");
    const scan = scanRegister({ headers: ["企业名称", "行业", "第一年销售额", "第二年销售额"], rows: [["甲", "铸造", 12_000_000, 8_000_000]], today: "2025-06-01", policy: AMENDED });
    const missing = scan.findings.find((f) => f.code === "PLACE_MISSING")!;
    expect([missing.messageZh, missing.messageEn]).toEqual([expect.stringContaining("（40%）"), expect.stringContaining("(40%)")]);
  });
});

describe("drill: a new town", () => {
  test("the flags and place readers know it, and the register scan totals its share", () => {
    expect(() => parseClaim({ sector: "铸造", sales1: 1, sales2: 1, place: "临江" })).toThrow();
    const claim = parseClaim({ sector: "铸造", sales1: 12_000_000, sales2: 8_000_000, place: "linjiang" }, AMENDED);
    expect(claim.town?.nameZh).toBe("临江街道");
    const scan = scanRegister({
      headers: ["企业名称", "镇街园区", "行业", "第一年销售额", "第二年销售额"],
      rows: [["甲", "临江", "铸造", 12_000_000, 8_000_000], ["乙", "临江街道", "铸造", 10_000_000, 10_000_000]],
      today: "2025-06-01",
      policy: AMENDED,
    });
    expect(scan.findings.filter((f) => f.code === "INVALID_INPUT")).toEqual([]);
    expect(scan.totals.towns).toEqual([{ key: "临江街道", nameZh: "临江街道", nameEn: "Linjiang", fen: fen(120_000 + 120_000) }]);
  });
});

describe("drill: the acceptance deadline moves from 30 November to 15 December", () => {
  test("the register scan checks rows against the amended date", () => {
    const deadlines = POLICY.deadlines.map((d) => (d.key === "acceptance" ? { ...d, month: 12, day: 15, quoteZh: "要求12月15日前完成关停档案填报、现场验收" } : d));
    const headers = ["企业名称", "行业", "第一年销售额", "第二年销售额", "退出年度", "已通过验收"];
    const rows = [["甲", "铸造", 12_000_000, 8_000_000, 2025, "否"]];
    const late = (policy: Policy, today: string) => scanRegister({ headers, rows, today, policy }).findings.filter((f) => f.code === "DEADLINE_LATE").map((f) => f.messageZh);
    expect(late(POLICY, "2025-12-01")).toEqual([expect.stringContaining("2025年11月30日")]);
    expect(late({ ...POLICY, deadlines }, "2025-12-01")).toEqual([]);
    expect(late({ ...POLICY, deadlines }, "2025-12-16")).toEqual([expect.stringContaining("2025年12月15日")]);
  });
});

/** The 资金统计 sheet over a register of values (the JY columns as the amended functions give them), in HyperFormula. */
describe("drills on the 资金统计 sheet's formulas", () => {
  test("a row for the new town, the 60/40 shares and the four-slice chemical amounts summed as the engine sums them", () => {
    const headers = ["企业名称", "镇街园区", "行业", "第一年销售额（元）", "第二年销售额（元）", "奖励金额（元）", "市财政（元）", "镇财政（元）", "园区财政（元）"];
    const inputs: Array<[string, string, number, number]> = [
      ["临江街道", "铸造", 12_000_000, 8_000_000],
      ["临江", "化工", 10.5 * 亿, 10.5 * 亿],
      ["华士镇", "铸造", 300_000, 500_000],
      ["高新区", "铸造", 10_000_000, 10_000_000],
    ];
    const jy = jyFunctions(AMENDED);
    const rows = inputs.map(([place, sector, s1, s2], i) => [`企业${i}`, place, sector, s1, s2, jy.reward(sector, s1, s2, "", "元", place), ...jy.funding(sector, s1, s2, "", "元", place)[0]]);
    const hf = HyperFormula.buildEmpty({ licenseKey: "gpl-v3" });
    const register = hf.getSheetId(hf.addSheet("登记表"))!;
    hf.setSheetContent(register, [headers, ...rows]);
    const mapping = mapColumns(headers);
    const spec = summarySheet({ sheet: "登记表", table: null, top: 0, left: 0, headers, rowCount: rows.length }, mapping, AMENDED);
    const summary = hf.getSheetId(hf.addSheet("资金统计"))!;
    hf.setSheetContent(summary, spec.cells.map((row) => row.map((c) => (c !== null && typeof c === "object" ? c.formula.a1 : c))));
    const rowOf = (label: string) => spec.cells.findIndex((r) => r[0] === label);
    const at = (r: number, c: number) => hf.getCellValue({ sheet: summary, row: r, col: c });
    const linjiang = rowOf("临江街道");
    expect(linjiang).toBeGreaterThan(0);
    // Foundry 300,000 (60/40) + chemical 49,000,000 (city pays all).
    expect([at(linjiang, 1), at(linjiang, 2), at(linjiang, 3), at(linjiang, 5)]).toEqual([180_000 + 49_000_000, 120_000, 0, 2]);
    const huashi = rowOf("华士镇");
    expect([at(huashi, 1), at(huashi, 2)]).toEqual([30_000, 20_000]);
    const total = rowOf("合计");
    expect([at(total, 1), at(total, 2), at(total, 3)]).toEqual([49_210_000, 140_000, 300_000]);
    expect(at(rowOf("化工"), 1)).toBe(49_000_000);
  });
});

describe("drills on the portable native formulas (HyperFormula)", () => {
  const OUTPUTS: Output[] = ["reward", "city", "town", "park"];

  function evaluateUnder(policy: Policy, claims: Array<[string, number, number, string, string]>): unknown[][] {
    const names = definedNames(policy);
    const inline = (f: string) => f.replace(/_JY_[A-Z0-9]+/g, (n) => names.find((d) => d.name === n)!.formula);
    const { hf, sheet } = nativeHost(claims.length);
    const cell = (text: string) => ({ kind: "expr" as const, text });
    hf.batch(() => {
      claims.forEach(([sector, s1, s2, flags, place], i) => {
        const r = i + 1;
        const formulas = OUTPUTS.map((o) => `=${inline(nativeFormula({ sector: cell(`A${r}`), sales1: cell(`B${r}`), sales2: cell(`C${r}`), flags: cell(`D${r}`), unit: { kind: "text", value: "元" }, place: cell(`E${r}`) }, o, policy))}`);
        hf.setCellContents({ sheet, row: i, col: 0 }, [[sector, s1, s2, flags || null, place || null, ...formulas]]);
      });
    });
    return claims.map((_, i) => OUTPUTS.map((_, k) => hf.getCellValue({ sheet, row: i, col: 5 + k })));
  }

  test("the amended policy's formulas equal the engine under it, to the 分, on random claims", () => {
    const claims = fc.sample(
      fc.tuple(
        fc.constantFrom("化工", "铸造", "2614", "3391", "热电"),
        fc.integer({ min: 0, max: 30 * 亿 * 100 }).map((n) => n / 100),
        fc.integer({ min: 0, max: 30 * 亿 }),
        fc.constantFrom("", "铝加工", "高新区", "产能置换"),
        fc.constantFrom("", "临江", "linjiang", "华士镇", "临港"),
      ),
      { numRuns: 60, seed: 15 },
    );
    // The tiers of the amended scale, exactly.
    claims.push(["化工", 亿, 亿, "", ""], ["化工", 5 * 亿, 5 * 亿, "", ""], ["化工", 10 * 亿, 10 * 亿, "", ""], ["化工", 11 * 亿, 11 * 亿, "", ""], ["铸造", 1_666_667, 1_666_667, "", "临江"]);
    const got = evaluateUnder(AMENDED, claims);
    const mismatches: string[] = [];
    claims.forEach(([sector, s1, s2, flags, place], i) => {
      let want: Array<number | "error">;
      try {
        const a = computeAmounts(parseClaim({ sector, sales1: s1, sales2: s2, flags, place }, AMENDED), AMENDED);
        want = a.status === "not-covered" ? ["error", "error", "error", "error"] : [a.reward, a.city, a.town, a.park].map((f) => f / 100);
      } catch (e) {
        if (!(e instanceof ClaimError)) throw e;
        want = ["error", "error", "error", "error"];
      }
      want.forEach((w, k) => {
        const g = got[i][k];
        if (w === "error" ? !(typeof g === "object" && g !== null) : g !== w) mismatches.push(`${claims[i].join(" ")} ${OUTPUTS[k]}: engine ${w}, native ${JSON.stringify(g)}`);
      });
    });
    expect(mismatches).toEqual([]);
    // The amended figures, not the ones in force: 10.5亿 gives 4,900万 under 9/6/3/2.
    expect(evaluateUnder(AMENDED, [["化工", 10.5 * 亿, 10.5 * 亿, "", ""]])[0][0]).toBe(49_000_000);
  });

  test("a scale whose rates rise is refused with a sentence in each language, not computed wrongly", () => {
    const rising: Policy = {
      ...POLICY,
      rewards: { ...POLICY.rewards, chemical: { ...CHEMICAL, scale: [CHEMICAL.scale[0], { ...CHEMICAL.scale[1], ratePercent: 9 }, CHEMICAL.scale[2]] } },
    };
    expect(() => definedNames(rising)).toThrow(NotPortable);
    try {
      definedNames(rising);
    } catch (e) {
      const err = e as NotPortable;
      expect(err.zh).toMatch(/^奖励标准无法写成原生公式/);
      expect(err.en).toMatch(/not concave/);
    }
    // The engine itself still computes such a scale exactly: 1亿×8% + 4亿×9% + 1亿×3%.
    expect(amountsUnder(rising, "化工", 6 * 亿, 6 * 亿).reward).toBe(fen(8_000_000 + 36_000_000 + 3_000_000));
  });
});
