import { readFileSync } from "node:fs";
import JSZip from "jszip";
import { makePortable } from "../src/portable/xlsx";
import { translate } from "../src/portable/formula";
(async () => {
  const t = translate('_xldudf_JY_REWARD(A2,B2,C2,D2,"元",E2)', 0);
  console.log((t as any).formula?.length, (translate('_xldudf_JY_FUNDING(A2,B2,C2,D2,"元",E2)', 1) as any).formula?.length);
  const n = Number(process.argv[2]);
  const bytes = readFileSync(`/tmp/h13/reg${n}.xlsx`);
  const t0 = Date.now();
  const r = await makePortable(bytes, JSZip);
  console.log(n, Date.now() - t0, "ms", r.bytes.length, process.memoryUsage().rss >> 20, "MB");
})();
