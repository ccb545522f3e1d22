/**
 * functions.json as custom-functions-metadata generates it from src/functions/index.ts, and the
 * built dist/functions.json and dist/functions.zh-CN.json (npm test runs npm run build:dev first).
 */
import * as fs from "fs";
import * as path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { hostMetadata, localizeFunctions, MAX_DESCRIPTION } from "../../scripts/functions-locale";

const ROOT = path.resolve(__dirname, "../..");
const DIST = path.join(ROOT, "dist");
const TABLE = JSON.parse(fs.readFileSync(path.join(ROOT, "src/functions/metadata.zh-CN.json"), "utf8"));

interface Param {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
  repeating?: boolean;
}
interface Fn {
  id: string;
  name: string;
  description: string;
  parameters: Param[];
  result: { type?: string; dimensionality?: string };
  options?: Record<string, boolean>;
}
interface Metadata {
  functions: Fn[];
}

let generated: Metadata;

function readDist(file: string): Metadata {
  const p = path.join(DIST, file);
  if (!fs.existsSync(p)) throw new Error(`${p} is missing: run npm run build:dev (npm test does it first)`);
  return JSON.parse(fs.readFileSync(p, "utf8"));
}

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata([path.join(ROOT, "src/functions/index.ts")], false);
  expect(result.errors).toEqual([]);
  generated = JSON.parse(result.metadataJson);
});

const PARAMS = [
  { name: "sector", type: "any", optional: false, dimensionality: "scalar" },
  { name: "sales1", type: "any", optional: false, dimensionality: "scalar" },
  { name: "sales2", type: "any", optional: false, dimensionality: "scalar" },
  { name: "flags", type: "any", optional: true, dimensionality: "matrix" },
  { name: "unit", type: "any", optional: true, dimensionality: "scalar" },
  { name: "place", type: "any", optional: true, dimensionality: "scalar" },
];

test("four functions with the ids and names of the manifest's JY namespace", () => {
  expect(generated.functions.map((f) => [f.id, f.name])).toEqual([
    ["REWARD", "REWARD"],
    ["FUNDING", "FUNDING"],
    ["DETAIL", "DETAIL"],
    ["CHECK", "CHECK"],
  ]);
});

test.each(["REWARD", "FUNDING", "DETAIL", "CHECK"])("%s: documented parameters; sales are `any` so a blank cell is not 0", (id) => {
  const fn = generated.functions.find((f) => f.id === id) as Fn;
  expect(
    fn.parameters.map((p) => ({ name: p.name, type: p.type, optional: p.optional === true, dimensionality: p.dimensionality ?? "scalar" })),
  ).toEqual(PARAMS);
  expect(fn.parameters.some((p) => p.repeating)).toBe(false);
  for (const p of fn.parameters) expect((p.description ?? "").length).toBeGreaterThan(0);
});

test("synchronous, non-volatile, no streaming: no options at all", () => {
  for (const fn of generated.functions) expect(fn.options).toBeUndefined();
});

test("results: REWARD a number, FUNDING a number row (spill), DETAIL a two-column spill, CHECK a text", () => {
  const result = (id: string) => generated.functions.find((f) => f.id === id)?.result;
  expect(result("REWARD")).toEqual({ type: "number" });
  expect(result("FUNDING")).toEqual({ type: "number", dimensionality: "matrix" });
  expect(result("DETAIL")).toEqual({ dimensionality: "matrix" });
  expect(result("CHECK")).toEqual({ type: "string" });
});

test("Excel's limit of 128 characters a description holds in both languages", () => {
  for (const m of [generated, JSON.parse(localizeFunctions(generated, TABLE))] as Metadata[]) {
    for (const fn of m.functions) {
      expect(fn.description.length).toBeLessThanOrEqual(MAX_DESCRIPTION);
      for (const p of fn.parameters) expect((p.description ?? "").length).toBeLessThanOrEqual(MAX_DESCRIPTION);
    }
  }
});

test("dist/functions.json is what the metadata generator makes of index.ts, data types passed as their values", () => {
  expect(readDist("functions.json")).toEqual(hostMetadata(generated));
  // The generator's default would hand an entity or a stock to the functions as an object.
  expect((generated as { allowCustomDataForDataTypeAny?: boolean }).allowCustomDataForDataTypeAny).toBe(true);
  expect(readDist("functions.json")).toMatchObject({ allowCustomDataForDataTypeAny: false });
  expect(readDist("functions.zh-CN.json")).toMatchObject({ allowCustomDataForDataTypeAny: false });
});

test("dist/functions.zh-CN.json mirrors it: same ids, names, parameters and types; Chinese descriptions", () => {
  const zh = readDist("functions.zh-CN.json");
  const strip = (m: Metadata) =>
    m.functions.map((f) => ({ ...f, description: undefined, parameters: f.parameters.map((p) => ({ ...p, description: undefined })) }));
  expect(strip(zh)).toEqual(strip(generated));
  const cjk = /[\u4e00-\u9fff]/;
  for (const fn of zh.functions) {
    expect(fn.description).toBe(TABLE.functions[fn.id].description);
    expect(fn.description).toMatch(cjk);
    for (const p of fn.parameters) {
      expect(p.description).toBe(TABLE.parameters[p.name]);
      expect(p.description).toMatch(cjk);
    }
  }
});

test("the Chinese table must describe every function and parameter, and nothing else", () => {
  const missingFn = { ...TABLE, functions: { ...TABLE.functions } };
  delete missingFn.functions.CHECK;
  expect(() => localizeFunctions(generated, missingFn)).toThrow(/CHECK has no Chinese description/);
  const missingParam = { ...TABLE, parameters: { ...TABLE.parameters } };
  delete missingParam.parameters.place;
  expect(() => localizeFunctions(generated, missingParam)).toThrow(/parameter place of REWARD/);
  const extra = { ...TABLE, functions: { ...TABLE.functions, TOTAL: { description: "合计" } } };
  expect(() => localizeFunctions(generated, extra)).toThrow(/TOTAL, which is no custom function/);
  const long = { ...TABLE, parameters: { ...TABLE.parameters, unit: "长".repeat(MAX_DESCRIPTION + 1) } };
  expect(() => localizeFunctions(generated, long)).toThrow(/longer than 128/);
});
