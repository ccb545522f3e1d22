/** What the engine gives for a test claim: reward, city, town, park, or "error" where it throws. */
import { ClaimError } from "../../src/engine";
import { funding, reward } from "../../src/functions/jy";
import { unitArg, type TestClaim } from "./claims";

/** What the engine says for each output: numbers, or "error". */
export function engineOutputs(c: TestClaim): Array<number | "error"> {
  const args = [c.sector, c.sales1 === "" ? null : c.sales1, c.sales2 === "" ? null : c.sales2, c.flags || null, unitArg(c), c.place || null] as const;
  try {
    const r = reward(...args);
    const [[city, town, park]] = funding(...args);
    return [r, city, town, park];
  } catch (e) {
    if (e instanceof ClaimError) return ["error", "error", "error", "error"];
    throw e;
  }
}


/** The engine's error code for a claim (#VALUE! or #N/A), or null when it computes. */
export function engineError(c: TestClaim): "#VALUE!" | "#N/A" | null {
  try {
    reward(c.sector, c.sales1 === "" ? null : c.sales1, c.sales2 === "" ? null : c.sales2, c.flags || null, unitArg(c), c.place || null);
    return null;
  } catch (e) {
    if (e instanceof ClaimError) return e.code;
    throw e;
  }
}
