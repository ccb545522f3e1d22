/**
 * Sector words as staff write them (三（一）): every sector's name with 业 / 行业 / 企业 is that sector;
 * industries this policy sets no reward for, by name or by any GB/T 4754 code outside the covered
 * ones, are 其它 — #N/A naming the governing arrangements, never #VALUE!.
 */
import { parseSector } from "../../src/engine";
import { sectorSpellings } from "../../src/engine/sector";
import { reward } from "../../src/functions/jy";
import { SECTORS, type SectorId } from "../../src/policy";

function errorOf(fn: () => unknown): { code: string; messageZh: string } | null {
  try {
    fn();
    return null;
  } catch (e) {
    return e as { code: string; messageZh: string };
  }
}

describe.each(Object.values(SECTORS).map((s) => [s.nameZh, s.id] as [string, SectorId]))("%s with the suffixes staff add", (name, id) => {
  test.each(["业", "行业", "企业"])(`${name}%s`, (suffix) => {
    expect(parseSector(name + suffix)).toBe(id);
    expect(parseSector(` ${name}${suffix} `)).toBe(id);
  });
});

test.each([
  ["纺织"], ["纺织业"], ["纺织行业"], ["纺织企业"], ["电镀"], ["电镀企业"], ["建材"], ["建材行业"], ["造纸"], ["水泥"], ["机械制造"], ["电子"], ["化纤"],
  ["textile"], ["electroplating"], ["building materials"],
  ["1711"], [1751], ["2221"], ["C3011"], [3311], ["4411"], [1310],
] as Array<[string | number]>)("%s is 其它: #N/A with the governing arrangements, never an input error", (sector) => {
  expect(parseSector(sector)).toBe("other");
  const e = errorOf(() => reward(sector, "5000000", "5000000"));
  expect(e?.code).toBe("#N/A");
  expect(e?.messageZh).toContain(SECTORS.other.governedByZh);
});

test("every listed spelling (the 资金统计 sheet's table) reads as the sector it is listed under", () => {
  for (const [spelling, nameZh] of sectorSpellings()) {
    const id = parseSector(spelling);
    expect([spelling, SECTORS[id].nameZh]).toEqual([spelling, nameZh]);
  }
});

test("a word that is no sector is still an input error naming the cell's text", () => {
  expect(errorOf(() => reward("化肥厂房", "5000000", "5000000"))?.code).toBe("#VALUE!");
});
