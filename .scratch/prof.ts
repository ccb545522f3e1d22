import { readFileSync } from "node:fs";
import JSZip from "jszip";
import { makePortable, restore } from "../src/portable/xlsx";
import { nodePacker } from "../src/cli/node-packer";
(async () => {
  const n = Number(process.argv[2]);
  const bytes = readFileSync(`/tmp/h13/reg${n}.xlsx`);
  const t0 = Date.now();
  const r = await makePortable(bytes, JSZip, undefined, nodePacker);
  console.log(n, Date.now() - t0, "ms", r.bytes.length, process.memoryUsage().rss >> 20, "MB");
  const b = await restore(r.bytes, JSZip, undefined, nodePacker);
  console.log("restore", Date.now() - t0, "ms", b.bytes.length, b.report.restored.length, b.report.refused.length, process.memoryUsage().rss >> 20, "MB");
  const z1 = await JSZip.loadAsync(bytes), z2 = await JSZip.loadAsync(b.bytes);
  for (const name of Object.keys(z1.files)) if (await z1.file(name)!.async("string") !== await z2.file(name)?.async("string")) console.log("DIFF", name);
})();
