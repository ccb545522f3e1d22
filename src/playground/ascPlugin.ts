/**
 * ASC for HyperFormula, which lacks it: the portable native formulas (src/portable/native.ts) fold
 * full-width letters and digits with ASC. Converted as LibreOffice does (full-width ASCII → ASCII,
 * 、→ ､, ・→ ･), the host the portable formulas are verified in (tests/libreoffice).
 */
import { FunctionArgumentType, FunctionPlugin, HyperFormula } from "hyperformula";
import type { InterpreterState } from "hyperformula/typings/interpreter/InterpreterState";
import type { ProcedureAst } from "hyperformula/typings/parser";

export function asc(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/、/g, "､").replace(/・/g, "･");
}

export class AscPlugin extends FunctionPlugin {
  static implementedFunctions = { ASC: { method: "asc", parameters: [{ argumentType: FunctionArgumentType.STRING }] } };
  asc(ast: ProcedureAst, state: InterpreterState) {
    return this.runFunction(ast.args, state, this.metadata("ASC"), (text: string) => asc(text));
  }
}

let registered = false;

/** Registers ASC with HyperFormula once (unless another plugin already did). */
export function registerAsc(): void {
  if (registered) return;
  registered = true;
  if (HyperFormula.getRegisteredFunctionNames("enGB").includes("ASC")) return;
  HyperFormula.registerFunctionPlugin(AscPlugin, { enGB: { ASC: "ASC" } });
}
