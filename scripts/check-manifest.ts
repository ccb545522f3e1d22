/**
 * Offline check of an add-in only (XML) manifest, for what Microsoft's validator would catch and
 * what only we know (`office-addin-manifest validate` needs Microsoft's service; no package ships
 * the XSDs). Checks: well-formed XML; OfficeApp (TaskPaneApp) children and the nested parts we use
 * in the order the schema requires; Id a GUID; Version in n.n.n.n form and equal to package.json's;
 * every resid defined in Resources, of the right kind, ids unique; string lengths; the custom
 * functions namespace (≤ 32 characters, letters and digits); one resid for the shared runtime, the
 * functions page and the pane; every URL https, under the base URL and a file the build emitted.
 *
 * Then, against the published schemas (schema-check.ts, schemas/): manifest.xml in the repository
 * and the built one against Microsoft's XSDs (xmllint), and the built functions.json and
 * functions.zh-CN.json against the custom-functions JSON Schema (ajv).
 *
 *   npm run check:manifest                          manifest.xml, dist/manifest.xml against dist/, dist/functions*.json
 *   npm run check:manifest -- path/manifest.xml --dist path/ [--base-url https://…/]
 */
import * as fs from "fs";
import * as path from "path";
import { SaxesParser } from "saxes";
import { functionsJsonProblems, xsdProblems } from "./schema-check";

export interface Problem {
  rule: string;
  message: string;
  line?: number;
}

export interface CheckOptions {
  /** Where the built files are; when given, every URL must name a file under it. */
  distDir?: string;
  /** The base URL every URL must start with; by default the folder of the pane's URL. */
  baseUrl?: string;
  /** package.json's version; the manifest's must be the same with ".0" appended. */
  packageVersion?: string;
}

interface Element {
  name: string;
  ns: string;
  attrs: Record<string, string>;
  children: Element[];
  text: string;
  line: number;
  parent: Element | null;
}

const NS = {
  officeApp: "http://schemas.microsoft.com/office/appforoffice/1.1",
  overrides: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
};

/** Children of <OfficeApp xsi:type="TaskPaneApp">, in schema order (Microsoft: manifest element ordering). */
export const OFFICE_APP_ORDER = [
  "Id",
  "AlternateId",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "AppDomains",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "Dictionary",
  "VersionOverrides",
  "ExtendedOverrides",
];
const OFFICE_APP_REQUIRED = ["Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "DefaultSettings"];

/** Orders inside the parts of VersionOverrides this add-in uses (same source). */
const NESTED_ORDER: Record<string, string[]> = {
  VersionOverrides: ["Description", "Requirements", "Hosts", "Resources", "WebApplicationInfo", "EquivalentAddins"],
  Host: ["Runtimes", "AllFormFactors", "DesktopFormFactor", "MobileFormFactor"],
  DesktopFormFactor: ["GetStarted", "FunctionFile", "ExtensionPoint", "SupportsSharedFolders"],
  GetStarted: ["Title", "Description", "LearnMoreUrl"],
  Resources: ["Images", "Urls", "ShortStrings", "LongStrings"],
  "ExtensionPoint:CustomFunctions": ["Script", "Page", "Metadata", "Namespace"],
  "Control:Button": ["Label", "Supertip", "Icon", "Action"],
  "Action:ShowTaskpane": ["TaskpaneId", "SourceLocation", "Title", "SupportsPinning"],
  Group: ["Label", "Icon", "Control"],
};

type ResourceKind = "Images" | "Urls" | "ShortStrings" | "LongStrings";
/** Which kind of resource a resid on each element must name. */
const RESID_KIND: Record<string, ResourceKind> = {
  Image: "Images",
  SourceLocation: "Urls",
  Runtime: "Urls",
  FunctionFile: "Urls",
  LearnMoreUrl: "Urls",
  Label: "ShortStrings",
  Title: "ShortStrings",
  Namespace: "ShortStrings",
  Description: "LongStrings",
};
const MAX_LENGTH: Partial<Record<ResourceKind, number>> = { ShortStrings: 125, LongStrings: 250 };
const MAX_NAMESPACE = 32;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VERSION = /^\d{1,5}(\.\d{1,5}){3}$/;

function parse(xml: string): { root: Element | null; problems: Problem[] } {
  const problems: Problem[] = [];
  const parser = new SaxesParser({ xmlns: true, position: true });
  let root: Element | null = null;
  let current: Element | null = null;
  parser.on("error", (e) => {
    // The first error is the one to fix; what the parser says after it is noise.
    if (problems.length === 0) problems.push({ rule: "xml", message: `not well-formed XML: ${e.message}`, line: parser.line });
  });
  parser.on("opentag", (tag) => {
    const attrs: Record<string, string> = {};
    for (const a of Object.values(tag.attributes)) {
      attrs[a.prefix ? `${a.prefix}:${a.local}` : a.local] = a.value;
    }
    const el: Element = { name: tag.local, ns: tag.uri, attrs, children: [], text: "", line: parser.line, parent: current };
    if (current) current.children.push(el);
    else root = el;
    current = el;
  });
  parser.on("text", (t) => {
    if (current) current.text += t;
  });
  parser.on("closetag", () => {
    current = current?.parent ?? null;
  });
  try {
    parser.write(xml).close();
  } catch (e) {
    // saxes throws on the first fatal error unless an error handler swallows it; keep the first.
    if (problems.length === 0) problems.push({ rule: "xml", message: `not well-formed XML: ${(e as Error).message}` });
  }
  return { root: problems.length ? null : root, problems };
}

function* walk(el: Element): Generator<Element> {
  yield el;
  for (const c of el.children) yield* walk(c);
}

function typed(el: Element): string {
  const t = el.attrs["xsi:type"];
  return t && NESTED_ORDER[`${el.name}:${t}`] ? `${el.name}:${t}` : el.name;
}

function checkOrder(parent: Element, order: string[], label: string, problems: Problem[]): void {
  let last = -1;
  for (const child of parent.children) {
    const at = order.indexOf(child.name);
    if (at === -1) {
      problems.push({ rule: "order", message: `<${child.name}> is not a valid child of ${label}`, line: child.line });
      continue;
    }
    if (at < last) {
      problems.push({
        rule: "order",
        message: `<${child.name}> is out of order in ${label}: it must come before <${order[last]}> (order: ${order.join(", ")})`,
        line: child.line,
      });
    }
    last = Math.max(last, at);
  }
}

/** All URL-valued attributes: DefaultValue / Value of the elements that hold URLs. */
function urlsOf(root: Element): { url: string; el: Element }[] {
  const out: { url: string; el: Element }[] = [];
  for (const el of walk(root)) {
    const holdsUrl =
      ["IconUrl", "HighResolutionIconUrl", "SupportUrl"].includes(el.name) ||
      (el.name === "SourceLocation" && el.attrs.DefaultValue !== undefined) ||
      (el.ns === NS.bt && (el.name === "Image" || el.name === "Url") && el.attrs.id !== undefined);
    if (holdsUrl) {
      if (el.attrs.DefaultValue !== undefined) out.push({ url: el.attrs.DefaultValue, el });
      for (const o of el.children) if (o.name === "Override" && o.attrs.Value !== undefined) out.push({ url: o.attrs.Value, el: o });
    }
  }
  return out;
}

export function checkManifest(xml: string, options: CheckOptions = {}): Problem[] {
  const { root, problems } = parse(xml);
  if (!root) return problems;
  const app: Element = root;

  if (app.name !== "OfficeApp" || app.ns !== NS.officeApp) {
    problems.push({ rule: "root", message: `root must be <OfficeApp xmlns="${NS.officeApp}">, found <${app.name}> in ${app.ns || "no namespace"}` });
    return problems;
  }
  if (app.attrs["xsi:type"] !== "TaskPaneApp") {
    problems.push({ rule: "root", message: `OfficeApp xsi:type must be TaskPaneApp, found ${app.attrs["xsi:type"] ?? "none"}` });
  }

  // Top-level order, required and unique children.
  checkOrder(app, OFFICE_APP_ORDER, "<OfficeApp>", problems);
  for (const name of OFFICE_APP_REQUIRED) {
    if (!app.children.some((c) => c.name === name)) problems.push({ rule: "required", message: `<OfficeApp> has no <${name}>` });
  }
  for (const name of OFFICE_APP_ORDER) {
    const found = app.children.filter((c) => c.name === name);
    if (found.length > 1) problems.push({ rule: "order", message: `<${name}> appears ${found.length} times in <OfficeApp>`, line: found[1].line });
  }
  for (const el of walk(app)) {
    const order = NESTED_ORDER[typed(el)];
    if (order && el !== app) checkOrder(el, order, `<${el.name}${el.attrs["xsi:type"] ? ` xsi:type="${el.attrs["xsi:type"]}"` : ""}>`, problems);
  }

  // Id and Version.
  const child = (name: string) => app.children.find((c) => c.name === name);
  const id = child("Id")?.text.trim() ?? "";
  if (!GUID.test(id)) problems.push({ rule: "id", message: `<Id> must be a GUID, found "${id}"`, line: child("Id")?.line });
  const version = child("Version")?.text.trim() ?? "";
  if (!VERSION.test(version)) {
    problems.push({ rule: "version", message: `<Version> must have four numeric parts (e.g. 1.0.0.0), found "${version}"`, line: child("Version")?.line });
  } else if (options.packageVersion !== undefined && version !== `${options.packageVersion}.0`) {
    problems.push({
      rule: "version",
      message: `<Version> ${version} does not match package.json's version ${options.packageVersion} (expected ${options.packageVersion}.0; npm run version:bump sets both)`,
      line: child("Version")?.line,
    });
  }

  // Resources: ids unique, each resid defined and of the right kind, lengths.
  const resources = new Map<string, { kind: ResourceKind; el: Element }>();
  for (const el of walk(app)) {
    if (el.name !== "Resources" || el.ns !== NS.overrides) continue;
    for (const group of el.children) {
      const kind = group.name as ResourceKind;
      for (const r of group.children) {
        const rid = r.attrs.id;
        if (!rid) continue;
        if (resources.has(rid)) problems.push({ rule: "resid", message: `resource id "${rid}" is defined twice`, line: r.line });
        resources.set(rid, { kind, el: r });
        const max = MAX_LENGTH[kind];
        if (max !== undefined) {
          const texts = [r.attrs.DefaultValue ?? "", ...r.children.map((o) => o.attrs.Value ?? "")];
          for (const t of texts) {
            if ([...t].length > max) problems.push({ rule: "length", message: `${kind} "${rid}" is longer than ${max} characters`, line: r.line });
          }
        }
      }
    }
  }
  for (const el of walk(app)) {
    const resid = el.attrs.resid;
    if (resid === undefined) continue;
    const found = resources.get(resid);
    if (!found) {
      problems.push({ rule: "resid", message: `resid "${resid}" on <${el.name}> is not defined in <Resources>`, line: el.line });
      continue;
    }
    const want = RESID_KIND[el.name];
    if (want && found.kind !== want) {
      problems.push({ rule: "resid", message: `resid "${resid}" on <${el.name}> must name one of ${want}, but it is in ${found.kind}`, line: el.line });
    }
  }

  // Custom functions namespace.
  for (const el of walk(app)) {
    if (el.name !== "Namespace" || !el.attrs.resid) continue;
    const value = resources.get(el.attrs.resid)?.el.attrs.DefaultValue ?? "";
    if (value.length === 0 || value.length > MAX_NAMESPACE) {
      problems.push({ rule: "namespace", message: `custom functions namespace "${value}" must have 1 to ${MAX_NAMESPACE} characters`, line: el.line });
    } else if (!/^[A-Za-z][A-Za-z0-9]*$/.test(value)) {
      problems.push({ rule: "namespace", message: `custom functions namespace "${value}" must be letters and digits, starting with a letter`, line: el.line });
    }
  }

  // Shared runtime: the runtime, the functions page and the pane must name the same resid.
  const runtimes = [...walk(app)].filter((e) => e.name === "Runtime");
  if (runtimes.length > 0) {
    const runtimeResid = runtimes[0].attrs.resid;
    for (const el of walk(app)) {
      const isPage = el.name === "SourceLocation" && (el.parent?.name === "Page" || el.parent?.attrs["xsi:type"] === "ShowTaskpane");
      if (isPage && el.attrs.resid !== runtimeResid) {
        problems.push({
          rule: "shared-runtime",
          message: `<${el.parent?.name}> uses resid "${el.attrs.resid}" but the shared runtime is "${runtimeResid}": the shared runtime would not load`,
          line: el.line,
        });
      }
    }
  }

  // URLs: https, under the base URL, a file the build emitted.
  const paneUrl = child("DefaultSettings")?.children.find((c) => c.name === "SourceLocation")?.attrs.DefaultValue;
  const baseUrl = options.baseUrl ?? (paneUrl ? paneUrl.slice(0, paneUrl.lastIndexOf("/") + 1) : undefined);
  for (const { url, el } of urlsOf(app)) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      problems.push({ rule: "url", message: `"${url}" is not a URL`, line: el.line });
      continue;
    }
    if (parsed.protocol !== "https:") {
      problems.push({ rule: "url", message: `"${url}" must use https`, line: el.line });
      continue;
    }
    if (baseUrl && !url.startsWith(baseUrl)) {
      problems.push({ rule: "url", message: `"${url}" is not under the base URL ${baseUrl}`, line: el.line });
      continue;
    }
    if (options.distDir && baseUrl) {
      const relative = decodeURIComponent(new URL(url).pathname.slice(new URL(baseUrl).pathname.length));
      const file = path.join(options.distDir, relative);
      if (relative === "" || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
        problems.push({ rule: "url", message: `"${url}" names ${relative || "a folder"}, which the build did not emit in ${options.distDir}`, line: el.line });
      }
    }
  }
  for (const el of walk(app)) {
    if (el.name !== "AppDomain") continue;
    const value = el.text.trim();
    if (!/^https:\/\/[^/\s]+\/?$/.test(value)) problems.push({ rule: "url", message: `<AppDomain> "${value}" must be an https origin`, line: el.line });
  }
  return problems;
}

/** The format Excel's users will read in CI logs: one line a problem, with the line number. */
export function formatProblems(file: string, problems: Problem[]): string {
  return problems.map((p) => `${file}${p.line ? `:${p.line}` : ""}: [${p.rule}] ${p.message}`).join("\n");
}

function main(argv: string[]): number {
  const args = [...argv];
  const flag = (name: string) => {
    const i = args.indexOf(name);
    if (i === -1) return undefined;
    const [, value] = args.splice(i, 2);
    return value;
  };
  const root = path.resolve(__dirname, "..");
  const distFlag = flag("--dist");
  const baseUrl = flag("--base-url");
  const file = path.resolve(args[0] ?? path.join(root, "dist", "manifest.xml"));
  const distDir = distFlag ? path.resolve(distFlag) : args[0] ? undefined : path.join(root, "dist");
  if (!fs.existsSync(file)) {
    console.error(`${file} does not exist. Build first (npm run build:dev, or JY_BASE_URL=… npm run build).`);
    return 2;
  }
  const packageVersion = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).version as string;
  const show = (f: string) => path.relative(process.cwd(), f) || f;
  let count = 0;
  const report = (f: string, problems: Problem[], ok: string) => {
    if (problems.length > 0) console.error(formatProblems(show(f), problems));
    else console.log(`${show(f)}: OK (${ok})`);
    count += problems.length;
  };
  report(file, checkManifest(fs.readFileSync(file, "utf8"), { distDir, baseUrl, packageVersion }), `well-formed, element order, resids, namespace, version ${packageVersion}.0, URLs${distDir ? ` → files in ${show(distDir)}` : ""}`);
  // The repository's manifest and the one checked, against Microsoft's XSDs.
  const source = path.join(root, "manifest.xml");
  for (const f of new Set([source, file])) report(f, xsdProblems(f), "valid against the Office add-in manifest XSDs");
  if (distDir) {
    for (const name of ["functions.json", "functions.zh-CN.json"]) {
      const f = path.join(distDir, name);
      if (!fs.existsSync(f)) report(f, [{ rule: "functions.json", message: `${name} is missing: build first` }], "");
      else report(f, functionsJsonProblems(fs.readFileSync(f, "utf8")), "valid against the custom-functions JSON Schema");
    }
  }
  if (count > 0) {
    console.error(`${count} problem(s).`);
    return 1;
  }
  return 0;
}

if (require.main === module) process.exit(main(process.argv.slice(2)));
