/**
 * The schema half of npm run check:manifest (scripts/schema-check.ts): manifest.xml and the built
 * manifest against Microsoft's XSDs with xmllint, the built functions.json and functions.zh-CN.json
 * against the custom-functions JSON Schema with ajv; each check catches what it is for. The schemas
 * are the repository's copies (schemas/), so this runs from a bare clone. xmllint: with CI=true a
 * missing xmllint fails; elsewhere the XSD tests are skipped with a loud message.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { FUNCTIONS_SCHEMA, MANIFEST_XSD, functionsJsonProblems, haveXmllint, xsdProblems } from "../../scripts/schema-check";

const ROOT = path.resolve(__dirname, "../..");
const DIST = path.join(ROOT, "dist");
const SOURCE = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

const xmllint = haveXmllint();
if (!xmllint) {
  const msg = "xmllint not found. Install it with: apt-get install -y libxml2-utils";
  if (/^(1|true|yes)$/i.test(process.env.CI ?? "")) throw new Error(msg);
  console.warn(`\n*** SKIPPING the manifest XSD tests: ${msg} ***\n`);
}
const withXmllint = xmllint ? describe : describe.skip;

function tempManifest(xml: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jy-manifest-"));
  const file = path.join(dir, "manifest.xml");
  fs.writeFileSync(file, xml);
  return file;
}

function edit(xml: string, from: string | RegExp, to: string): string {
  const out = xml.replace(from, to);
  if (out === xml) throw new Error(`variant not applied: ${from}`);
  return out;
}

test("the schemas are in the repository", () => {
  expect(fs.existsSync(MANIFEST_XSD)).toBe(true);
  expect(fs.existsSync(FUNCTIONS_SCHEMA)).toBe(true);
  expect(MANIFEST_XSD.startsWith(path.join(ROOT, "schemas"))).toBe(true);
});

withXmllint("manifest against Microsoft's XSDs (xmllint)", () => {
  test("manifest.xml and the built manifest are valid", () => {
    expect(xsdProblems(path.join(ROOT, "manifest.xml"))).toEqual([]);
    const built = path.join(DIST, "manifest.xml");
    if (!fs.existsSync(built)) throw new Error(`${built} is missing: run npm run build:dev (npm test does it first)`);
    expect(xsdProblems(built)).toEqual([]);
  });

  test("an element the schema does not allow there, with its line", () => {
    const file = tempManifest(edit(SOURCE, "<Permissions>ReadWriteDocument</Permissions>", "<Permissions>ReadWriteDocument</Permissions>\n  <Colour>blue</Colour>"));
    const problems = xsdProblems(file);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatchObject({ rule: "xsd", line: expect.any(Number) });
    expect(problems[0].message).toMatch(/Colour/);
  });

  test("a runtime lifetime the schema does not know", () => {
    const problems = xsdProblems(tempManifest(edit(SOURCE, 'lifetime="long"', 'lifetime="forever"')));
    expect(problems.map((p) => p.message).join("\n")).toMatch(/forever/);
  });

  test("a requirement set without its name", () => {
    expect(xsdProblems(tempManifest(edit(SOURCE, '<Set Name="ExcelApi" MinVersion="1.9"/>', '<Set MinVersion="1.9"/>'))).length).toBeGreaterThan(0);
  });
});

describe("functions.json against the custom-functions JSON Schema (ajv)", () => {
  const read = (name: string) => {
    const f = path.join(DIST, name);
    if (!fs.existsSync(f)) throw new Error(`${f} is missing: run npm run build:dev (npm test does it first)`);
    return fs.readFileSync(f, "utf8");
  };

  test("the built functions.json and functions.zh-CN.json are valid", () => {
    expect(functionsJsonProblems(read("functions.json"))).toEqual([]);
    expect(functionsJsonProblems(read("functions.zh-CN.json"))).toEqual([]);
  });

  test("a parameter type the schema does not know, a property it does not know, no functions", () => {
    const good = JSON.parse(read("functions.json"));
    const badType = structuredClone(good);
    badType.functions[0].parameters[0].type = "anything";
    expect(functionsJsonProblems(JSON.stringify(badType)).map((p) => p.message).join("\n")).toMatch(/parameters\/0\/type/);
    const extra = { ...good, allowCustomDataForDataTypesAny: false };
    expect(functionsJsonProblems(JSON.stringify(extra)).map((p) => p.message).join("\n")).toMatch(/allowCustomDataForDataTypesAny/);
    expect(functionsJsonProblems(JSON.stringify({})).length).toBeGreaterThan(0);
    expect(functionsJsonProblems("{")[0].message).toMatch(/not JSON/);
  });
});
