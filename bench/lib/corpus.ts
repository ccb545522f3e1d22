/**
 * The benchmark corpus: random claims as a register or a CLI line gives them, each with what it
 * means (its "truth") written down by the generator, so the decimal.js reference never has to
 * read an input the way the engine does.
 *
 * Deterministic (seeded), and shaped to hit what is hard: sales in whole 分 and with sub-分
 * digits, both units, half-分 ties, bases at and around the tier bounds (1亿, 5亿), the floor and
 * the caps, exclusions, sectors this policy does not cover, and a few inputs that must be refused.
 */
import DecimalBase from "decimal.js";
import { seededRandom as rng } from "../../src/util/random";

const D = DecimalBase.clone({ precision: 60, rounding: DecimalBase.ROUND_HALF_UP, toExpNeg: -40, toExpPos: 40 });
type D = InstanceType<typeof D>;

export type TruthSector = "chemical" | "foundry" | "thermal-power" | "printing-dyeing" | "other";
export type TruthFlag =
  | "ALUMINIUM_DEEP_WELL"
  | "ZONE_HIGHTECH"
  | "ZONE_LINGANG"
  | "RIVERSIDE"
  | "EXCL_ILLEGAL_NEW"
  | "EXCL_STEEL_CUT"
  | "EXCL_CAPACITY_SWAP"
  | "EXCL_RELOCATED";

/** What a claim means, independent of how it was written. */
export interface Truth {
  sector: TruthSector;
  /** Exact decimal strings, in `unit`. */
  sales1: string;
  sales2: string;
  flags: TruthFlag[];
  unit: "元" | "万元";
  /** Set when the input must be refused with #VALUE!. */
  invalid?: string;
}

export type Kind = "whole" | "sub-fen" | "float-artifact" | "tie" | "tier-bound" | "floor" | "cap" | "excluded" | "not-covered" | "invalid";

export interface BenchClaim {
  kind: Kind;
  /** Arguments as a cell would pass them to JY.REWARD: sector, sales1, sales2, flags, unit, place. */
  input: { sector: unknown; sales1: unknown; sales2: unknown; flags: unknown; unit: unknown; place: unknown };
  truth: Truth;
}

/** The share of each kind in the corpus (sums to 1). */
export const MIX: Record<Kind, number> = {
  whole: 0.34,
  "sub-fen": 0.14,
  "float-artifact": 0.02,
  tie: 0.12,
  "tier-bound": 0.1,
  floor: 0.08,
  cap: 0.08,
  excluded: 0.04,
  "not-covered": 0.06,
  invalid: 0.02,
};


// Spellings a register uses (written here, not taken from the engine's tables).
const SECTOR_SPELLINGS: Record<TruthSector, unknown[]> = {
  chemical: ["化工", "化工", "化工", "chemical", "Chemical", "ＣＨＥＭＩＣＡＬ", "化工行业", "2614", 2614, "C2611", 261, "2669"],
  foundry: ["铸造", "铸造", "铸造", "foundry", "Foundry", "铸造行业", "3391", 3392],
  "thermal-power": ["热电", "thermal power", 4412],
  "printing-dyeing": ["印染", "printing & dyeing", "1713", 1752],
  other: ["其它", "other", "3311", 1311],
};
const FLAG_SPELLINGS: Record<TruthFlag, string[]> = {
  ALUMINIUM_DEEP_WELL: ["铝加工", "深井铸造", "铝加工（深井铸造）", "aluminium", "aluminum", "deep-well", "ALUMINIUM_DEEP_WELL"],
  ZONE_HIGHTECH: ["高新区", "hightech", "ZONE_HIGHTECH"],
  ZONE_LINGANG: ["临港", "临港经济开发区", "lingang"],
  RIVERSIDE: ["沿江", "沿长江1公里", "环境敏感区", "riverside"],
  EXCL_ILLEGAL_NEW: ["违规新增", "违法违规新增产能", "illegal-new"],
  EXCL_STEEL_CUT: ["地条钢", "感应炉", "钢铁去产能", "steel-cut"],
  EXCL_CAPACITY_SWAP: ["产能置换", "capacity-swap"],
  EXCL_RELOCATED: ["搬迁入园", "relocated"],
};
const TOWN_SPELLINGS = ["华士镇", "华士", "周庄镇", "新桥镇", "澄江街道", "chengjiang", "徐霞客镇", "青阳镇", "祝塘镇", "璜土镇"];
const SEPARATORS = [",", "，", "、", " ", ";", "；", ", "];
const EXCLUSIONS: TruthFlag[] = ["EXCL_ILLEGAL_NEW", "EXCL_STEEL_CUT", "EXCL_CAPACITY_SWAP", "EXCL_RELOCATED"];

/** Sums of both years' sales (元) where the reward changes regime. */
const CHEM_TIER_1 = new D("200000000"); // base 1亿
const CHEM_TIER_2 = new D("1000000000"); // base 5亿
const FLOOR_S = { chemical: new D("1250000"), foundry3: new D(5_000_000).div(1.5), foundry2: new D("5000000") };
const CAP_S = { chemical: new D("2466666666.666666666666667"), foundry3: new D("133333333.3333333333333"), foundry2: new D("200000000") };

export function generateCorpus(n: number, seed = 20221001): BenchClaim[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const chance = (p: number) => r() < p;
  const intBelow = (k: number) => Math.floor(r() * k);
  /** Log-uniform between lo and hi. */
  const logUniform = (lo: number, hi: number) => Math.exp(Math.log(lo) + r() * (Math.log(hi) - Math.log(lo)));

  /** A whole-分 amount (元), often round to the 元 or 万元 as real registers are. */
  function wholeYuan(lo: number, hi: number): D {
    const x = logUniform(lo, hi);
    const roundTo = pick([0.01, 0.01, 0.01, 1, 1, 10000]);
    return new D(Math.round(x / roundTo)).times(roundTo).toDecimalPlaces(2);
  }
  /** An amount with 3 to 6 decimal places (sub-分). */
  function subFenYuan(lo: number, hi: number): D {
    const places = 3 + intBelow(4);
    const scale = new D(10).pow(places);
    return new D(Math.floor(logUniform(lo, hi))).plus(new D(intBelow(10 ** places) || 1).div(scale));
  }
  /** Splits a sum of both years into two years, on a grid of `step` 元. */
  function split(sum: D, step: D): [D, D] {
    const steps = sum.div(step).floor();
    const first = steps.times(0.2 + 0.6 * r()).floor();
    const s1 = first.times(step);
    return [s1, sum.minus(s1)];
  }

  function sectorFor(kind: Kind): TruthSector {
    if (kind === "not-covered") return pick(["thermal-power", "printing-dyeing", "other"] as const);
    return chance(0.5) ? "chemical" : "foundry";
  }

  function flagsFor(sector: TruthSector, kind: Kind): TruthFlag[] {
    const flags: TruthFlag[] = [];
    if (sector === "foundry" && chance(0.3)) flags.push("ALUMINIUM_DEEP_WELL");
    if (chance(0.15)) flags.push(chance(0.5) ? "ZONE_HIGHTECH" : "ZONE_LINGANG");
    if (sector === "chemical" && chance(0.1)) flags.push("RIVERSIDE");
    if (kind === "excluded") {
      flags.push(pick(EXCLUSIONS));
      if (chance(0.2)) flags.push(pick(EXCLUSIONS));
    }
    return [...new Set(flags)];
  }

  /** The sum of both years (元) for a kind, given the sector's rate regime. */
  function sumFor(kind: Kind, sector: TruthSector, flags: TruthFlag[]): { sum: D; step: D } {
    const cent = new D("0.01");
    const aluminium = flags.includes("ALUMINIUM_DEEP_WELL");
    switch (kind) {
      case "sub-fen": {
        const s1 = subFenYuan(1e5, 3e9);
        const s2 = chance(0.5) ? subFenYuan(1e5, 3e9) : wholeYuan(1e5, 3e9);
        return { sum: s1.plus(s2), step: new D("0.000001") };
      }
      case "tier-bound": {
        if (sector === "foundry") return nearAmount(chance(0.5) ? CAP_S[aluminium ? "foundry2" : "foundry3"] : FLOOR_S[aluminium ? "foundry2" : "foundry3"]);
        return nearAmount(chance(0.5) ? CHEM_TIER_1 : CHEM_TIER_2);
      }
      case "floor":
        return nearAmount(sector === "chemical" ? FLOOR_S.chemical : FLOOR_S[aluminium ? "foundry2" : "foundry3"]);
      case "cap":
        return nearAmount(sector === "chemical" ? CAP_S.chemical : CAP_S[aluminium ? "foundry2" : "foundry3"]);
      case "tie":
        return tie(sector, aluminium);
      default:
        return { sum: wholeYuan(1e5, 3e9).plus(wholeYuan(1e5, 3e9)), step: cent };
    }
  }

  /** At, just around, or within 1% of an amount (元), in whole 分 or finer. */
  function nearAmount(at: D): { sum: D; step: D } {
    const fine = chance(0.3);
    const step = fine ? new D("0.001") : new D("0.01");
    const onGrid = at.div(step).round().times(step);
    if (chance(0.25)) return { sum: onGrid, step };
    if (chance(0.6)) return { sum: onGrid.plus(step.times(intBelow(13) - 6)), step };
    return { sum: onGrid.times(1 + (r() - 0.5) * 0.02).div(step).round().times(step), step };
  }

  /**
   * A sum whose exact reward ends in half a 分 (…0.005 元), so 四舍五入 decides it. The reward is
   * rate·S/200 分 for S in 分 within one slice (plus a constant from the slices below); step S on
   * its grid until that lands on a half.
   */
  function tie(sector: TruthSector, aluminium: boolean): { sum: D; step: D } {
    for (;;) {
      const fine = chance(0.4);
      const step = new D(fine ? "0.001" : "0.01");
      const start = new D(Math.floor(logUniform(2e6, 3e9))).div(step).floor().times(step);
      // In millionths of a 元 the reward and its step per grid point are integers; stay in one slice.
      const r0 = rewardYuan(sector, aluminium, start).times(1e6).toNumber();
      const perStep = rewardYuan(sector, aluminium, start.plus(step)).times(1e6).toNumber() - r0;
      // The remainder mod 10000 repeats within 10000 steps; no hit means no tie on this grid.
      for (let i = 0; i < 10000; i++) {
        if ((r0 + i * perStep) % 10000 === 5000) {
          const sum = start.plus(step.times(i));
          const reward = rewardYuan(sector, aluminium, sum);
          if (reward.times(1000).isInteger() && reward.times(1000).mod(10).eq(5)) return { sum, step };
          break;
        }
      }
    }
  }

  function rewardYuan(sector: TruthSector, aluminium: boolean, sum: D): D {
    const base = sum.div(2);
    if (sector === "foundry") return base.times(aluminium ? "0.02" : "0.03");
    const t1 = D.min(base, 1e8).times("0.08");
    const t2 = D.max(0, D.min(base, 5e8).minus(1e8)).times("0.05");
    const t3 = D.max(0, base.minus(5e8)).times("0.03");
    return t1.plus(t2).plus(t3);
  }

  /** How a sales figure is written in a cell or a JSON line, and what that writing means. */
  function writeSales(yuan: D, unit: "元" | "万元"): { input: unknown; meaning: string } {
    const inUnit = unit === "元" ? yuan : yuan.div(10000);
    const text = inUnit.toFixed();
    const form = r();
    if (form < 0.7) {
      // A number cell: it means the decimal its shortest representation shows (RULES.md).
      const n = Number(text);
      return { input: n, meaning: new D(String(n)).toFixed() };
    }
    if (form < 0.85) return { input: text, meaning: text };
    if (form < 0.95) {
      const [whole, frac] = text.split(".");
      return { input: whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (frac ? "." + frac : ""), meaning: text };
    }
    return { input: ` ${text} `, meaning: text };
  }

  function writeFlags(flags: TruthFlag[], sector: TruthSector): { flags: unknown; place: unknown } {
    const tokens = flags.map((f) => pick(FLAG_SPELLINGS[f]));
    let place: unknown = null;
    const zone = flags.find((f) => f === "ZONE_HIGHTECH" || f === "ZONE_LINGANG");
    if (zone && chance(0.5)) {
      // The park comes from the register's place column instead of the flags.
      tokens.splice(flags.indexOf(zone), 1);
      place = pick(FLAG_SPELLINGS[zone].filter((s) => !s.startsWith("ZONE")));
    } else if (chance(0.35)) {
      const town = pick(TOWN_SPELLINGS);
      if (chance(0.5)) place = town;
      else tokens.push(town);
    }
    if (sector !== "foundry" && tokens.length === 0 && chance(0.5)) return { flags: null, place };
    if (tokens.length === 0) return { flags: chance(0.5) ? "" : null, place };
    if (chance(0.15)) return { flags: tokens.map((t) => [t]), place };
    const sep = pick(SEPARATORS);
    return { flags: tokens.join(sep), place };
  }

  function invalidClaim(): BenchClaim {
    const sector = chance(0.5) ? "chemical" : "foundry";
    const good = wholeYuan(1e5, 1e9).toFixed();
    const how = intBelow(6);
    const bad: unknown = [-Number(good), null, "约100万", "", NaN, "12,34.5"][how];
    const first = chance(0.5);
    return {
      kind: "invalid",
      input: { sector: pick(SECTOR_SPELLINGS[sector]), sales1: first ? bad : Number(good), sales2: first ? Number(good) : bad, flags: null, unit: null, place: null },
      truth: { sector, sales1: good, sales2: good, flags: [], unit: "元", invalid: `sales ${String(bad)}` },
    };
  }

  const kinds = Object.keys(MIX) as Kind[];
  const claims: BenchClaim[] = [];
  for (let i = 0; i < n; i++) {
    // Deterministic quotas: kind i is claim i's position in the cumulative mix.
    const at = (i + 0.5) / n;
    let acc = 0;
    let kind: Kind = "whole";
    for (const k of kinds) {
      acc += MIX[k];
      if (at < acc) {
        kind = k;
        break;
      }
    }
    if (kind === "invalid") {
      claims.push(invalidClaim());
      continue;
    }
    const sector = sectorFor(kind);
    const flags = flagsFor(sector, kind);
    const unit = chance(0.2) ? "万元" : "元";
    let s1: { input: unknown; meaning: string };
    let s2: { input: unknown; meaning: string };
    if (kind === "float-artifact") {
      // What a spreadsheet formula leaves in a cell: =A1*1.13, 0.1+0.2-style tails (17 digits).
      const a = wholeYuan(1e5, 3e9).toNumber() * pick([1.13, 1.17, 0.87, 1 / 1.13, 1.06]);
      const b = wholeYuan(1e5, 3e9).toNumber() + pick([0.1 + 0.2, 0.7 + 0.1, 0]);
      const inUnit = (x: number) => (unit === "元" ? x : x / 10000);
      s1 = { input: inUnit(a), meaning: new D(String(inUnit(a))).toFixed() };
      s2 = { input: inUnit(b), meaning: new D(String(inUnit(b))).toFixed() };
    } else {
      const { sum, step } = sumFor(kind, sector, flags);
      const [y1, y2] = split(sum, step);
      s1 = writeSales(y1, unit);
      s2 = writeSales(y2, unit);
    }
    const { flags: flagInput, place } = writeFlags(flags, sector);
    claims.push({
      kind,
      input: {
        sector: pick(SECTOR_SPELLINGS[sector]),
        sales1: s1.input,
        sales2: s2.input,
        flags: flagInput,
        unit: unit === "元" ? pick([null, null, "元", "yuan"]) : pick(["万元", "万", "wan"]),
        place,
      },
      truth: { sector, sales1: s1.meaning, sales2: s2.meaning, flags, unit },
    });
  }
  return claims;
}
