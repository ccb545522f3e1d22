/**
 * JY.REWARD, JY.FUNDING and JY.CHECK as a HyperFormula function plugin (JY.DETAIL, whose height
 * depends on the claim, is not offered here): each function calls the same plain functions as the
 * Excel glue (src/functions/jy.ts), and a ClaimError becomes #VALUE! or #N/A with its message in
 * the playground's language, as Excel shows it.
 */
import { ArraySize, CellError, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula, SimpleRangeValue } from "hyperformula";
import type { InterpreterState } from "hyperformula/typings/interpreter/InterpreterState";
import type { ProcedureAst } from "hyperformula/typings/parser";
import { ClaimError, type Lang } from "../engine";
import { check, funding, reward } from "../functions/jy";

let language: Lang = "zh";

/** The language of JY.CHECK texts and error messages; recalculate after a change. */
export function setFunctionLanguage(lang: Lang): void {
  language = lang;
}

/** HyperFormula's value → what a custom function gets from Excel: a blank is null, a number a number. */
function cellArg(v: unknown): unknown {
  if (v === undefined || typeof v === "symbol") return null;
  if (v !== null && typeof v === "object" && "val" in (v as object)) return (v as { val: unknown }).val;
  return v;
}

function toError(e: unknown): CellError {
  if (e instanceof ClaimError) return new CellError(e.code === "#N/A" ? ErrorType.NA : ErrorType.VALUE, e.text(language));
  throw e;
}

const ARG = { argumentType: FunctionArgumentType.SCALAR };
const OPT = { argumentType: FunctionArgumentType.SCALAR, optionalArg: true };
const PARAMETERS = [ARG, ARG, ARG, OPT, OPT, OPT];

type Args = [unknown, unknown, unknown, unknown, unknown, unknown];

export class JyPlugin extends FunctionPlugin {
  static implementedFunctions = {
    "JY.REWARD": { method: "jyReward", parameters: PARAMETERS },
    "JY.FUNDING": { method: "jyFunding", parameters: PARAMETERS, sizeOfResultArrayMethod: "fundingSize", vectorizationForbidden: true },
    "JY.CHECK": { method: "jyCheck", parameters: PARAMETERS },
  };

  private call<T>(ast: ProcedureAst, state: InterpreterState, id: string, fn: (a: Args) => T, wrap: (v: T) => unknown) {
    return this.runFunction(ast.args, state, this.metadata(id), (...raw: unknown[]) => {
      const a = [0, 1, 2, 3, 4, 5].map((i) => cellArg(raw[i])) as Args;
      try {
        return wrap(fn(a)) as never;
      } catch (e) {
        return toError(e);
      }
    });
  }

  jyReward(ast: ProcedureAst, state: InterpreterState) {
    return this.call(ast, state, "JY.REWARD", (a) => reward(...a), (v) => v);
  }

  jyFunding(ast: ProcedureAst, state: InterpreterState) {
    return this.call(ast, state, "JY.FUNDING", (a) => funding(...a), (v) => SimpleRangeValue.onlyValues(v));
  }

  jyCheck(ast: ProcedureAst, state: InterpreterState) {
    return this.call(ast, state, "JY.CHECK", (a) => check(language, ...a), (v) => v);
  }

  fundingSize() {
    return new ArraySize(3, 1);
  }
}

let registered = false;

/** Registers JY.* with HyperFormula once. */
export function registerJyFunctions(): void {
  if (registered) return;
  const names = Object.fromEntries(Object.keys(JyPlugin.implementedFunctions).map((k) => [k, k]));
  HyperFormula.registerFunctionPlugin(JyPlugin, { enGB: names });
  registered = true;
}
