import { translate } from "./src/portable/formula";
import { rowFormula } from "./src/workbook/template";
import { fileForm } from "./tests/portable/template-file";
for (const kind of ["reward","city","town","park"] as const) for (const unit of ["元","万元"] as const) {
  const f = rowFormula(kind, unit, 2);
  const wrap = (s: string) => s.replace(/(\[@\[第[一二]年销售额（[^）]+）\]\])/g, 'IF($1="","",$1)');
  const ex = wrap(f.excel);
  for (const text of [ex.slice(1), fileForm(ex)]) { const t = translate(text); console.log(kind, unit, t.kind, (t as any).formula?.length, ex.slice(0,120)); }
}
