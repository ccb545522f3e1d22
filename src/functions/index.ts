/**
 * Excel glue for the JY.* custom functions: JSDoc below is what custom-functions-metadata turns
 * into functions.json (namespace JY comes from the manifest). Each function reads Excel's cell
 * values, calls the plain function of jy.ts, and turns a ClaimError into the error value Excel
 * shows with its message (#VALUE! bad input, #N/A sector not covered), in Office's display language.
 *
 * Parameter types: sector, sales, unit and place are `any`, so that Excel hands over a blank cell
 * as null (a `number` parameter would turn it into 0, and blank sales must be an error, never 0).
 * flags is `any[][]`: a range of cells, or a single text that Excel passes as a 1×1 range. Builds
 * that still pass a blank as 0 (office-js #4702, #5262): flags, unit and place read that 0 as the
 * blank it is (cells.ts); a data type's basic value is what the functions read.
 * All functions are synchronous and non-volatile: they recalculate only when their inputs change.
 */
import { ClaimError, langOf, type Lang } from "../engine";
import { check, detail, funding, reward } from "./jy";
import { basicValue, blankable, blankableCells } from "./cells";

/** The six arguments as jy.ts reads them. */
type Args = [sector: unknown, sales1: unknown, sales2: unknown, flags: unknown, unit: unknown, place: unknown];

function plainArgs(sector: unknown, sales1: unknown, sales2: unknown, flags: unknown, unit: unknown, place: unknown): Args {
  // A 0 sector is refused either way; read as blank, the message says the cell is empty.
  return [blankable(sector), basicValue(sales1), basicValue(sales2), blankableCells(flags), blankable(unit), blankable(place)];
}

/** Office's display language, read at call time (the user may switch it); Chinese outside Office. */
function displayLang(): Lang {
  const office = (globalThis as { Office?: typeof Office }).Office;
  return langOf(office?.context?.displayLanguage);
}

/** Runs one function; a ClaimError becomes the Excel error value with its message. */
function inExcel<T>(compute: () => T): T {
  try {
    return compute();
  } catch (e) {
    if (e instanceof ClaimError) {
      const code = e.code === "#N/A" ? CustomFunctions.ErrorCode.notAvailable : CustomFunctions.ErrorCode.invalidValue;
      throw new CustomFunctions.Error(code, e.text(displayLang()));
    }
    // Not a claim the user can fix: still an error value in the cell, never a number.
    const message = e instanceof Error ? e.message : String(e);
    throw new CustomFunctions.Error(
      CustomFunctions.ErrorCode.invalidValue,
      displayLang() === "zh" ? `内部错误：${message}` : `internal error: ${message}`,
    );
  }
}

/**
 * 落后产能退出奖励金额（与销售额同一单位）。Reward for closing backward production capacity, in the unit of the sales.
 * @customfunction REWARD
 * @param sector Sector: 化工 chemical, 铸造 foundry, 热电 thermal power, 印染 printing & dyeing, 其他 other, or a GB/T 4754 code such as 2614.
 * @param sales1 Sales excl. VAT of the products shut down, first of the two years before exit. Blank is an error; 0 if none.
 * @param sales2 Sales excl. VAT of the products shut down, second of the two years before exit. Blank is an error; 0 if none.
 * @param [flags] Text or range: 铝加工, 高新区, 临港, 沿江, 产能置换, 搬迁入园, 违规新增, 地条钢, or a town / park name.
 * @param [unit] Unit of the sales and of the result: 元 (default) or 万元.
 * @param [place] The enterprise's town or park (e.g. 华士镇, 高新区): the register's town / park column.
 * @returns The reward, rounded half-up to 0.01 yuan.
 */
export function rewardFn(sector: any, sales1: any, sales2: any, flags?: any[][], unit?: any, place?: any): number {
  return inExcel(() => reward(...plainArgs(sector, sales1, sales2, flags, unit, place)));
}

/**
 * 奖励资金来源：市财政、镇（街道）财政、园区财政，一行三列。Who pays: city, town and park finance, one row of three cells.
 * @customfunction FUNDING
 * @param sector Sector: 化工 chemical, 铸造 foundry, 热电 thermal power, 印染 printing & dyeing, 其他 other, or a GB/T 4754 code such as 2614.
 * @param sales1 Sales excl. VAT of the products shut down, first of the two years before exit. Blank is an error; 0 if none.
 * @param sales2 Sales excl. VAT of the products shut down, second of the two years before exit. Blank is an error; 0 if none.
 * @param [flags] Text or range: 铝加工, 高新区, 临港, 沿江, 产能置换, 搬迁入园, 违规新增, 地条钢, or a town / park name.
 * @param [unit] Unit of the sales and of the result: 元 (default) or 万元.
 * @param [place] The enterprise's town or park (e.g. 华士镇, 高新区): the register's town / park column.
 * @returns One row: city, town, park.
 */
export function fundingFn(sector: any, sales1: any, sales2: any, flags?: any[][], unit?: any, place?: any): number[][] {
  return inExcel(() => funding(...plainArgs(sector, sales1, sales2, flags, unit, place)));
}

/**
 * 奖励计算明细（两列：项目及条款、数值），供审核。The breakdown in two columns, label with its clause and value, for auditors.
 * @customfunction DETAIL
 * @param sector Sector: 化工 chemical, 铸造 foundry, 热电 thermal power, 印染 printing & dyeing, 其他 other, or a GB/T 4754 code such as 2614.
 * @param sales1 Sales excl. VAT of the products shut down, first of the two years before exit. Blank is an error; 0 if none.
 * @param sales2 Sales excl. VAT of the products shut down, second of the two years before exit. Blank is an error; 0 if none.
 * @param [flags] Text or range: 铝加工, 高新区, 临港, 沿江, 产能置换, 搬迁入园, 违规新增, 地条钢, or a town / park name.
 * @param [unit] Unit of the sales and of the result: 元 (default) or 万元.
 * @param [place] The enterprise's town or park (e.g. 华士镇, 高新区): the register's town / park column.
 * @returns Two columns: label (with clause) and value.
 */
export function detailFn(sector: any, sales1: any, sales2: any, flags?: any[][], unit?: any, place?: any): any[][] {
  return inExcel(() => detail(displayLang(), ...plainArgs(sector, sales1, sales2, flags, unit, place)));
}

/**
 * 核查提示：排除情形、不适用行业、零销售额等，无问题时为“无异常”。Findings about the claim, or OK when there are none.
 * @customfunction CHECK
 * @param sector Sector: 化工 chemical, 铸造 foundry, 热电 thermal power, 印染 printing & dyeing, 其他 other, or a GB/T 4754 code such as 2614.
 * @param sales1 Sales excl. VAT of the products shut down, first of the two years before exit. Blank is an error; 0 if none.
 * @param sales2 Sales excl. VAT of the products shut down, second of the two years before exit. Blank is an error; 0 if none.
 * @param [flags] Text or range: 铝加工, 高新区, 临港, 沿江, 产能置换, 搬迁入园, 违规新增, 地条钢, or a town / park name.
 * @param [unit] Unit of the sales and of the result: 元 (default) or 万元.
 * @param [place] The enterprise's town or park (e.g. 华士镇, 高新区): the register's town / park column.
 * @returns The findings as one text.
 */
export function checkFn(sector: any, sales1: any, sales2: any, flags?: any[][], unit?: any, place?: any): string {
  return inExcel(() => check(displayLang(), ...plainArgs(sector, sales1, sales2, flags, unit, place)));
}

/** The ids of functions.json and the functions behind them. */
export const FUNCTION_IDS = { REWARD: rewardFn, FUNDING: fundingFn, DETAIL: detailFn, CHECK: checkFn } as const;

// Registered here, by id, rather than by the metadata plugin's loader (webpack.config.js keeps that
// loader out), so one file says which function answers which id.
if (typeof CustomFunctions !== "undefined") {
  for (const [id, fn] of Object.entries(FUNCTION_IDS)) CustomFunctions.associate(id, fn);
}
