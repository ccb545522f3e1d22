/**
 * The playground's sample register: fictional enterprises across Jiangyin's towns and both parks,
 * every sector, and rows made to raise every kind of finding the pane reports. All names and
 * codes are invented; the codes are valid GB 32100-2015 codes except where a row is about that.
 * `generatedRegister(n)` makes n rows of the same shape for load tests (`?rows=N`).
 */
import { TOWNS } from "../policy";
import type { ColumnKey } from "../engine/register";
import type { Unit } from "../engine";
import { exampleUscc, rowFormula, TEMPLATE_COLUMNS } from "../workbook/template";
import type { SpecCell } from "../workbook/sheets";
import { seededRandom as random } from "../util/random";

export const SAMPLE_SHEET = "登记表（示例）";
export const SAMPLE_TABLE = "JY登记表";
/** The date the sample's expected findings assume (deadlines depend on it). */
export const SAMPLE_TODAY = "2025-12-15";

type Row = Partial<Record<ColumnKey, string | number | null>>;

const DONE = { plan: "是", stopped: "是", dismantled: "是", accepted: "是" } as const;

/** One enterprise per line: the facts, then what makes it interesting. */
export const SAMPLE_ROWS: Row[] = [
  { name: "澄江精细化工有限公司", uscc: exampleUscc(101), place: "澄江街道", sector: "化工", exitYear: 2024, sales1: 60000000, sales2: 60000000, ...DONE, paid: "是" },
  { name: "南闸新材料化学有限公司", uscc: exampleUscc(102), place: "南闸街道", sector: "2614", exitYear: 2025, sales1: 400000000, sales2: 200000000, ...DONE, paid: "否" },
  { name: "利港石化助剂有限公司", uscc: exampleUscc(103), place: "利港街道", sector: "化工", exitYear: 2025, sales1: 1200000000, sales2: 800000000, ...DONE, paid: "否" },
  { name: "夏港化学品有限公司", uscc: exampleUscc(104), place: "夏港街道", sector: "化工", exitYear: 2024, sales1: 3000000000, sales2: 1000000000, ...DONE, paid: "是", note: "超上限" },
  { name: "云亭涂料厂", uscc: exampleUscc(105), place: "云亭街道", sector: "化工", exitYear: 2025, sales1: 300000, sales2: 500000, ...DONE, paid: "否", note: "补足至5万元" },
  { name: "申港沿江化工有限公司", uscc: exampleUscc(106), place: "申港街道", sector: "化工", exitYear: 2024, sales1: 80000000, sales2: 90000000, flags: "沿江", ...DONE, paid: "是" },
  { name: "城东染料中间体有限公司", uscc: exampleUscc(107), place: "城东街道", sector: "化工", exitYear: 2025, sales1: 45000000, sales2: 52000000, flags: "搬迁入园", ...DONE, paid: "否" },
  { name: "璜土树脂有限公司", uscc: exampleUscc(108), place: "璜土镇", sector: "化工", exitYear: 2025, sales1: 20000000, sales2: 30000000, flags: "铝加工", ...DONE, paid: "否" },
  { name: "江阴高新生物化工有限公司", uscc: exampleUscc(109), place: "高新区", sector: "化工", exitYear: 2025, sales1: 50000000, sales2: 50000000, ...DONE, paid: "否" },
  { name: "月城农药有限公司", uscc: exampleUscc(110), place: "月城镇", sector: "2631", exitYear: 2021, sales1: 10000000, sales2: 12000000, ...DONE, paid: "是" },
  { name: "青阳化纤助剂有限公司", uscc: exampleUscc(111), place: "青阳镇", sector: "化工", exitYear: 2025, sales1: 0, sales2: 2000000, ...DONE, paid: "否" },
  { name: "徐霞客颜料有限公司", uscc: exampleUscc(112), place: "徐霞客镇", sector: "化工", exitYear: 2025, sales1: 3500, sales2: 4200, ...DONE, paid: "否", note: "疑按万元填写" },
  { name: "华士日化有限公司", uscc: exampleUscc(113).slice(0, 17) + (exampleUscc(113).endsWith("1") ? "2" : "1"), place: "华士镇", sector: "化工", exitYear: 2025, sales1: 30000000, sales2: 34000000, ...DONE, paid: "否" },
  { name: "周庄化学试剂有限公司", uscc: exampleUscc(114), place: "周庄镇", sector: "化工", exitYear: 2025, sales1: 15000000, sales2: 17000000, plan: "是", stopped: "是", dismantled: "否", accepted: "否", paid: "否" },
  { name: "新桥合成材料有限公司", uscc: exampleUscc(115), place: "新桥镇", sector: "化工", exitYear: 2024, sales1: 40000000, sales2: 44000000, ...DONE, paid: "否" },
  { name: "长泾化工有限公司", uscc: exampleUscc(116), place: "长泾镇", sector: "化工", exitYear: 2025, sales1: 22000000, sales2: 26000000, ...DONE, plan: "否", paid: "否" },
  { name: "澄江精细化工有限公司二分厂", uscc: exampleUscc(101), place: "澄江街道", sector: "化工", exitYear: 2025, sales1: 5000000, sales2: 5000000, ...DONE, paid: "否" },
  { name: "祝塘化工有限公司", uscc: exampleUscc(118), place: "祝塘镇", sector: "化工", exitYear: null, sales1: 9000000, sales2: 11000000, ...DONE, paid: "否" },
  { name: "云亭涂料厂", uscc: exampleUscc(119), place: "云亭街道", sector: "化工", exitYear: 2025, sales1: 1000000, sales2: 1000000, ...DONE, paid: "否" },
  { name: "澄江新型化工有限公司", uscc: exampleUscc(120), place: "澄江街道", sector: "化工", exitYear: 2025, sales1: 8000000, sales2: "一千万", ...DONE, paid: "否" },
  { name: "南闸助剂厂", uscc: exampleUscc(121), place: "南闸街道", sector: "化肥", exitYear: 2025, sales1: 6000000, sales2: 6000000, ...DONE, paid: "否" },
  { name: "利港精化有限公司", uscc: exampleUscc(122), place: "利港街道", sector: "化工", exitYear: 2025, sales1: null, sales2: 7000000, ...DONE, paid: "否" },
  { name: "无锡外地化工有限公司", uscc: exampleUscc(123), place: "无锡市区", sector: "化工", exitYear: 2025, sales1: 6000000, sales2: 6000000, ...DONE, paid: "否" },
  { name: "云亭新材料有限公司", uscc: exampleUscc(124), place: "云亭街道", sector: "化工", exitYear: "去年", sales1: 8000000, sales2: 8000000, plan: "是", stopped: "待定", dismantled: "是", accepted: "是", paid: "否" },
  { name: "华士铸造有限公司", uscc: exampleUscc(201), place: "华士镇", sector: "铸造", exitYear: 2025, sales1: 12000000, sales2: 8000000, ...DONE, paid: "否" },
  { name: "周庄精密铸件有限公司", uscc: exampleUscc(202), place: "周庄镇", sector: "3391", exitYear: 2025, sales1: 10000000, sales2: 10000000, flags: "铝加工", ...DONE, paid: "否" },
  { name: "江阴高新铸钢有限公司", uscc: exampleUscc(203), place: "高新区", sector: "铸造", exitYear: 2025, sales1: 10000000, sales2: 10000000, ...DONE, paid: "否" },
  { name: "临港铸铁有限公司", uscc: exampleUscc(204), place: "临港经济开发区", sector: "铸造", exitYear: 2024, sales1: 100000000, sales2: 100000000, ...DONE, paid: "是" },
  { name: "青阳铸造厂", uscc: exampleUscc(205), place: "青阳镇", sector: "铸造", exitYear: 2025, sales1: 1666667, sales2: 1666667, ...DONE, paid: "否" },
  { name: "新桥铸件有限公司", uscc: exampleUscc(206), place: "新桥镇", sector: "铸造", exitYear: 2025, sales1: 12000000, sales2: 8000000, flags: "产能置换", ...DONE, paid: "否" },
  { name: "长泾铸造有限公司", uscc: exampleUscc(207), place: "长泾镇", sector: "铸造", exitYear: 2025, sales1: 9000000, sales2: 9000000, flags: "地条钢", ...DONE, paid: "否" },
  { name: "顾山铸业有限公司", uscc: exampleUscc(208), place: "顾山镇", sector: "铸造", exitYear: 2025, sales1: 7000000, sales2: 7000000, flags: "违规新增", ...DONE, paid: "否" },
  { name: "祝塘铸造厂", uscc: exampleUscc(209), place: "祝塘镇", sector: "铸造", exitYear: 2025, sales1: 5000000, sales2: 7000000, flags: "沿江", ...DONE, paid: "否" },
  { name: "月城机械铸造有限公司", uscc: exampleUscc(210), place: null, sector: "铸造", exitYear: 2025, sales1: 20000000, sales2: 20000000, ...DONE, paid: "否" },
  { name: "璜土铸造有限公司", uscc: exampleUscc(211), place: "璜土镇", sector: "铸造", exitYear: 2025, sales1: 800000, sales2: 900000, ...DONE, paid: "否" },
  { name: "徐霞客铸件厂", uscc: exampleUscc(212), place: "徐霞客镇", sector: "3392", exitYear: 2025, sales1: 30000000, sales2: 36000000, ...DONE, paid: "否" },
  { name: "利港铸造有限公司", uscc: exampleUscc(213), place: "利港街道", sector: "铸造", exitYear: 2028, sales1: 4000000, sales2: 6000000, ...DONE, paid: "否" },
  { name: "申港铝业铸造有限公司", uscc: exampleUscc(214), place: "高新区", sector: "铸造", exitYear: 2025, sales1: 10000000, sales2: 10000000, flags: "铝加工", ...DONE, paid: "否" },
  { name: "夏港热电有限公司", uscc: exampleUscc(301), place: "夏港街道", sector: "热电", exitYear: 2025, sales1: 5000000, sales2: 5000000, ...DONE, paid: "否" },
  { name: "城东印染有限公司", uscc: exampleUscc(302), place: "城东街道", sector: "印染", exitYear: 2025, sales1: 30000000, sales2: 30000000, ...DONE, paid: "否" },
  { name: "澄江纺织印染厂", uscc: exampleUscc(303), place: "澄江街道", sector: "1713", exitYear: 2025, sales1: 12000000, sales2: 10000000, ...DONE, paid: "否" },
  { name: "南闸水泥有限公司", uscc: exampleUscc(304), place: "南闸街道", sector: "其它", exitYear: 2025, sales1: 20000000, sales2: 20000000, ...DONE, paid: "否" },
  { name: "青阳热电联产有限公司", uscc: exampleUscc(305), place: "青阳镇", sector: "4412", exitYear: 2024, sales1: 80000000, sales2: 70000000, ...DONE, paid: "否" },
  { name: "<img src=x onerror=alert(1)>", uscc: exampleUscc(401), place: "华士镇", sector: "化工", exitYear: 2025, sales1: 7000000, sales2: 9000000, ...DONE, dismantled: "否", paid: "否" },
  { name: "周庄新材料有限公司", uscc: exampleUscc(402), place: "周庄镇", sector: "化工", exitYear: 2025, sales1: "100,000,000.10", sales2: "100,000,000.10", ...DONE, paid: "否" },
  { name: "临港化工有限公司", uscc: exampleUscc(403), place: "临港", sector: "化工", exitYear: 2025, sales1: 2000000, sales2: 2500000, ...DONE, paid: "否" },
];

function rowCells(row: Row, sheetRow: number, unit: Unit, formulas: boolean): SpecCell[] {
  return TEMPLATE_COLUMNS.map((c): SpecCell => {
    if (c.formula) return formulas || c.formula === "reward" ? { formula: rowFormula(c.formula, unit, sheetRow) } : null;
    const v = row[c.key];
    return v === undefined ? null : v;
  });
}

/** The header and rows as sheet content (A1 formulas for the JY.* columns). */
export function sampleSheet(unit: Unit = "元"): SpecCell[][] {
  return [TEMPLATE_COLUMNS.map((c) => c.header(unit)), ...SAMPLE_ROWS.map((r, i) => rowCells(r, i + 2, unit, true))];
}


/**
 * n generated rows in the sample's layout: mostly clean chemical and foundry claims, with the
 * sample's mix of flags, sectors and statuses. Only the JY.REWARD column carries formulas, so a
 * large register stays quick to build (the scan does not need the other JY.* columns).
 */
export function generatedSheet(n: number, unit: Unit = "元"): SpecCell[][] {
  const rnd = random(20251215);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const places = [...TOWNS.map((t) => t.nameZh), "高新区", "临港经济开发区"];
  const flags = ["", "", "", "", "", "", "铝加工", "沿江", "产能置换", "搬迁入园"];
  const sectors = ["化工", "化工", "铸造", "铸造", "2614", "3391", "热电", "印染"];
  const rows: SpecCell[][] = [TEMPLATE_COLUMNS.map((c) => c.header(unit))];
  // rowCells for many rows: the JY.REWARD formula made once with a marker row and filled in per
  // row (the same text rowFormula gives), the columns looked up once.
  const MARK = "987654321";
  const reward = rowFormula("reward", unit, Number(MARK));
  const excelParts = reward.excel.split(MARK);
  const a1Parts = reward.a1.split(MARK);
  const keys = TEMPLATE_COLUMNS.map((c) => (c.formula ? (c.formula === "reward" ? "=" : null) : c.key));
  for (let i = 0; i < n; i++) {
    const sales = () => Math.round(rnd() * 200000000 * 100) / 100;
    const row: Row = {
      name: `生成企业${String(i + 1).padStart(6, "0")}有限公司`,
      uscc: exampleUscc(100000 + i),
      place: pick(places),
      sector: pick(sectors),
      exitYear: pick([2023, 2024, 2025]),
      sales1: sales(),
      sales2: sales(),
      flags: pick(flags),
      plan: "是",
      stopped: "是",
      dismantled: pick(["是", "是", "是", "否"]),
      accepted: pick(["是", "是", "否"]),
      paid: pick(["是", "否"]),
    };
    const at = String(i + 2);
    rows.push(
      keys.map((k): SpecCell => {
        if (k === null) return null;
        if (k === "=") return { formula: { excel: excelParts.join(at), a1: a1Parts.join(at) } };
        const v = row[k];
        return v === undefined ? null : v;
      }),
    );
  }
  return rows;
}
