/**
 * The one Decimal the engine uses: enough digits that no operation on a valid claim rounds
 * (sales are at most 14 integer digits; rates and halving add a few), and 四舍五入 when we do round.
 */
import DecimalBase from "decimal.js";

export const Decimal = DecimalBase.clone({
  precision: 80,
  rounding: DecimalBase.ROUND_HALF_UP,
  toExpNeg: -30,
  toExpPos: 40,
});
export type Decimal = InstanceType<typeof Decimal>;
