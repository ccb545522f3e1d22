/**
 * HyperFormula as a stand-in spreadsheet for the native formulas: array arithmetic on (Excel and
 * LibreOffice evaluate array formulas the same way), the _JY_* defined names, and ASC, which
 * HyperFormula lacks, implemented as LibreOffice does it (full-width ASCII → ASCII, 、→､, ・→･).
 */
import { FunctionArgumentType, FunctionPlugin, HyperFormula } from "hyperformula";
import type { InterpreterState } from "hyperformula/typings/interpreter/InterpreterState";
import type { ProcedureAst } from "hyperformula/typings/parser";
import { definedNames } from "../../src/portable/native";

export function asc(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/、/g, "､").replace(/・/g, "･");
}

class AscPlugin extends FunctionPlugin {
  static implementedFunctions = { ASC: { method: "asc", parameters: [{ argumentType: FunctionArgumentType.STRING }] } };
  asc(ast: ProcedureAst, state: InterpreterState) {
    return this.runFunction(ast.args, state, this.metadata("ASC"), (text: string) => asc(text));
  }
}

let registered = false;

/** A HyperFormula workbook with one sheet, ready for native formulas. */
export function nativeHost(rows = 10000): { hf: HyperFormula; sheet: number } {
  if (!registered) {
    HyperFormula.registerFunctionPlugin(AscPlugin, { enGB: { ASC: "ASC" } });
    registered = true;
  }
  const hf = HyperFormula.buildEmpty({ licenseKey: "gpl-v3", useArrayArithmetic: true, maxRows: rows + 10 });
  const name = hf.addSheet("Claims");
  for (const d of definedNames()) hf.addNamedExpression(d.name, `=${d.formula}`);
  return { hf, sheet: hf.getSheetId(name)! };
}
