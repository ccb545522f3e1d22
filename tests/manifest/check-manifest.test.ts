/**
 * The offline manifest check (scripts/check-manifest.ts): manifest.xml and the built
 * dist/manifest.xml pass; each kind of breakage is caught by the rule meant for it.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { checkManifest, OFFICE_APP_ORDER, type CheckOptions } from "../../scripts/check-manifest";

const ROOT = path.resolve(__dirname, "../..");
const DIST = path.join(ROOT, "dist");
const SOURCE = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const VERSION: string = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).version;

function rules(xml: string, options: CheckOptions = {}): string[] {
  return checkManifest(xml, { packageVersion: VERSION, ...options }).map((p) => p.rule);
}

/** Replaces one exact occurrence, failing the test if the text is not there (so variants stay real). */
function edit(xml: string, from: string | RegExp, to: string): string {
  const out = xml.replace(from, to);
  if (out === xml) throw new Error(`variant not applied: ${from}`);
  return out;
}

test("manifest.xml passes", () => {
  expect(checkManifest(SOURCE, { packageVersion: VERSION })).toEqual([]);
});

test("dist/manifest.xml passes, every URL naming a file the build emitted", () => {
  const built = path.join(DIST, "manifest.xml");
  if (!fs.existsSync(built)) throw new Error(`${built} is missing: run npm run build:dev (npm test does it first)`);
  expect(checkManifest(fs.readFileSync(built, "utf8"), { distDir: DIST, packageVersion: VERSION })).toEqual([]);
});

test("the command line exits 0 on dist/ and 1 with the problem on a broken manifest", () => {
  const tsx = path.join(ROOT, "node_modules", ".bin", "tsx");
  const ok = spawnSync(tsx, ["scripts/check-manifest.ts"], { cwd: ROOT, encoding: "utf8" });
  expect(ok.stderr).toBe("");
  expect(ok.status).toBe(0);
  const tmp = fs.mkdtempSync(path.join(require("os").tmpdir(), "jy-manifest-"));
  const broken = path.join(tmp, "manifest.xml");
  fs.writeFileSync(broken, edit(SOURCE, 'DefaultValue="JY"', `DefaultValue="${"J".repeat(33)}"`));
  const bad = spawnSync(tsx, ["scripts/check-manifest.ts", broken], { cwd: ROOT, encoding: "utf8" });
  expect(bad.status).toBe(1);
  expect(bad.stderr).toMatch(/\[namespace\].*1 to 32 characters/);
});

describe("broken variants are caught", () => {
  test("not well-formed XML", () => {
    expect(rules(edit(SOURCE, "</Permissions>", "</Permission>"))).toEqual(["xml"]);
  });

  test("a resid with no resource", () => {
    const xml = edit(SOURCE, /\s*<bt:String id="Group.Label"[\s\S]*?<\/bt:String>/, "");
    const problems = checkManifest(xml, { packageVersion: VERSION });
    expect(problems.map((p) => p.rule)).toEqual(["resid"]);
    expect(problems[0].message).toMatch(/"Group.Label" on <Label> is not defined/);
  });

  test("a resid naming a resource of the wrong kind", () => {
    expect(rules(edit(SOURCE, '<Label resid="Group.Label"/>', '<Label resid="TaskpaneButton.Tooltip"/>'))).toEqual(["resid"]);
  });

  test("a resource id defined twice", () => {
    const problems = checkManifest(edit(SOURCE, '<bt:Image id="Icon.80x80"', '<bt:Image id="Icon.32x32"'), { packageVersion: VERSION });
    expect(problems.map((p) => p.message)).toContain('resource id "Icon.32x32" is defined twice');
  });

  test("top-level elements in the wrong order", () => {
    const swapped = edit(SOURCE, /(<Version>[^<]*<\/Version>)(\s*)(<ProviderName>[^<]*<\/ProviderName>)/, "$3$2$1");
    const problems = checkManifest(swapped, { packageVersion: VERSION });
    expect(problems.map((p) => p.rule)).toEqual(["order"]);
    expect(problems[0].message).toMatch(/<ProviderName> is out of order|<Version> is out of order/);
  });

  test("Hosts moved after Permissions", () => {
    const hosts = /\s*<Hosts>\s*<Host Name="Workbook"\/>\s*<\/Hosts>/;
    const block = (SOURCE.match(hosts) as RegExpMatchArray)[0];
    const moved = edit(edit(SOURCE, hosts, ""), "</Permissions>", `</Permissions>${block}`);
    expect(rules(moved)).toEqual(["order"]);
  });

  test("an element OfficeApp does not know", () => {
    expect(rules(edit(SOURCE, "<Permissions>", "<Colour>blue</Colour>\n  <Permissions>"))).toEqual(["order"]);
  });

  test("the order inside the parts we use: Runtimes after AllFormFactors", () => {
    const runtimes = /\s*<Runtimes>[\s\S]*?<\/Runtimes>/;
    const block = (SOURCE.match(runtimes) as RegExpMatchArray)[0];
    expect(rules(edit(edit(SOURCE, runtimes, ""), "</AllFormFactors>", `</AllFormFactors>${block}`))).toEqual(["order"]);
  });

  test("a missing required element", () => {
    expect(rules(edit(SOURCE, /\s*<DefaultLocale>[^<]*<\/DefaultLocale>/, ""))).toEqual(["required"]);
  });

  test("an Id that is no GUID", () => {
    expect(rules(edit(SOURCE, /<Id>[^<]*<\/Id>/, "<Id>jiangyin-reward</Id>"))).toEqual(["id"]);
  });

  test("a version not of four parts, or not package.json's", () => {
    expect(rules(edit(SOURCE, /<Version>[^<]*<\/Version>/, "<Version>1.0</Version>"))).toEqual(["version"]);
    expect(rules(edit(SOURCE, /<Version>[^<]*<\/Version>/, "<Version>9.9.9.0</Version>"))).toEqual(["version"]);
  });

  test("a namespace longer than 32 characters, or with a period", () => {
    expect(rules(edit(SOURCE, 'DefaultValue="JY"', `DefaultValue="${"J".repeat(33)}"`))).toEqual(["namespace"]);
    expect(rules(edit(SOURCE, 'DefaultValue="JY"', 'DefaultValue="JY.X"'))).toEqual(["namespace"]);
  });

  test("a short string over 125 characters", () => {
    expect(rules(edit(SOURCE, 'DefaultValue="Reward pane"', `DefaultValue="${"x".repeat(126)}"`))).toEqual(["length"]);
  });

  test("the pane and the functions page on different resids than the shared runtime", () => {
    const xml = edit(
      edit(SOURCE, /<Page>\s*<SourceLocation resid="Taskpane.Url"\/>/, '<Page><SourceLocation resid="Functions.Page.Url"/>'),
      '<bt:Url id="Taskpane.Url"',
      '<bt:Url id="Functions.Page.Url" DefaultValue="https://localhost:3000/taskpane.html"/>\n        <bt:Url id="Taskpane.Url"',
    );
    expect(rules(xml)).toEqual(["shared-runtime"]);
  });

  describe("URLs", () => {
    const built = () => fs.readFileSync(path.join(DIST, "manifest.xml"), "utf8");

    test("an http URL", () => {
      expect(rules(edit(SOURCE, 'DefaultValue="https://localhost:3000/assets/icon-16.png"', 'DefaultValue="http://localhost:3000/assets/icon-16.png"'))).toEqual(["url"]);
    });

    test("a URL outside the base URL", () => {
      expect(rules(edit(SOURCE, "https://localhost:3000/functions.json", "https://cdn.example.com/functions.json"))).toEqual(["url"]);
    });

    test("a URL naming a file the build did not emit (the zh-CN override included)", () => {
      const missing = edit(built(), "functions.zh-CN.json", "functions.zh-TW.json");
      const problems = checkManifest(missing, { distDir: DIST, packageVersion: VERSION });
      expect(problems.map((p) => p.rule)).toEqual(["url"]);
      expect(problems[0].message).toMatch(/functions\.zh-TW\.json, which the build did not emit/);
    });

    test("a URL that is not a URL", () => {
      expect(rules(edit(SOURCE, 'DefaultValue="https://localhost:3000/assets/icon-80.png"', 'DefaultValue="icon-80.png"'))).toEqual(["url"]);
    });

    test("a built manifest checked against another base URL", () => {
      const problems = rules(built(), { distDir: DIST, baseUrl: "https://addin.example.gov.cn/jy/" });
      expect(problems.length).toBeGreaterThan(5);
      expect(new Set(problems)).toEqual(new Set(["url"]));
    });
  });
});

test("the order list starts Id, AlternateId, Version, ProviderName as Microsoft documents it", () => {
  expect(OFFICE_APP_ORDER.slice(0, 4)).toEqual(["Id", "AlternateId", "Version", "ProviderName"]);
  expect(OFFICE_APP_ORDER.indexOf("Hosts")).toBeLessThan(OFFICE_APP_ORDER.indexOf("Requirements"));
  expect(OFFICE_APP_ORDER.indexOf("Permissions")).toBeLessThan(OFFICE_APP_ORDER.indexOf("VersionOverrides"));
});
