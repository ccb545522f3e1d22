/**
 * Shipping: the production build for an example address (the configuration `npm run build` uses,
 * run through webpack's API into a temporary folder so it cannot disturb dist/), checked offline:
 * the files, the manifest's URLs, ID and version, the CSP, the code split; then that folder served
 * by serve:dist. And a production build without an address fails with a message saying what to do.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { AddressInfo } from "net";
import type { Server } from "http";
import webpack from "webpack";
import { checkManifest } from "../../scripts/check-manifest";
import { functionsJsonProblems, haveXmllint, xsdProblems } from "../../scripts/schema-check";
import { CSP, MISSING_BASE_URL, OFFICE_JS_URL, resolveBaseUrl } from "../../scripts/addin-config";

const ROOT = path.resolve(__dirname, "../..");
const BASE = "https://addin.example.gov.cn/jy/";
const VERSION: string = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).version;
const SOURCE_MANIFEST = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

let out: string;
let stats: webpack.StatsCompilation;

jest.setTimeout(15 * 60 * 1000);

beforeAll(async () => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), "jy-dist-"));
  const makeConfig = require(path.join(ROOT, "webpack.config.js"));
  const config = await makeConfig({ baseUrl: BASE, outDir: out }, { mode: "production" });
  config.context = ROOT;
  stats = await new Promise((resolve, reject) => {
    webpack(config, (err, s) => {
      if (err || !s) return reject(err ?? new Error("no stats"));
      resolve(s.toJson({ all: false, errors: true, warnings: true, entrypoints: true, ids: true, chunks: true, chunkModules: true, assets: true }));
    });
  });
});

afterAll(() => {
  if (out) fs.rmSync(out, { recursive: true, force: true });
});

const read = (file: string) => fs.readFileSync(path.join(out, file), "utf8");

test("builds without errors", () => {
  expect(stats.errors).toEqual([]);
});

test("emits the listed files", () => {
  const files = fs.readdirSync(out, { recursive: true }).map(String);
  for (const f of [
    "manifest.xml",
    "functions.json",
    "functions.zh-CN.json",
    "functions.js",
    "taskpane.html",
    "playground.html",
    "assets/icon-16.png",
    "assets/icon-32.png",
    "assets/icon-64.png",
    "assets/icon-80.png",
    "assets/logo-filled.png",
  ]) {
    expect(files).toContain(f);
  }
  expect(files.some((f) => /^taskpane\.[0-9a-f]{8}\.js$/.test(f))).toBe(true);
  expect(files.some((f) => /^playground\.[0-9a-f]{8}\.js$/.test(f))).toBe(true);
  // No source maps in production.
  expect(files.filter((f) => f.endsWith(".map"))).toEqual([]);
});

test("the manifest passes the offline check for the example address: every URL a file in the build", () => {
  expect(checkManifest(read("manifest.xml"), { distDir: out, baseUrl: BASE, packageVersion: VERSION })).toEqual([]);
});

test("the production manifest against Microsoft's XSDs, its functions.json files against their JSON Schema", () => {
  if (haveXmllint() || /^(1|true|yes)$/i.test(process.env.CI ?? "")) expect(xsdProblems(path.join(out, "manifest.xml"))).toEqual([]);
  else console.warn("\n*** SKIPPING the XSD check of the production manifest: apt-get install -y libxml2-utils ***\n");
  expect(functionsJsonProblems(read("functions.json"))).toEqual([]);
  expect(functionsJsonProblems(read("functions.zh-CN.json"))).toEqual([]);
  expect(JSON.parse(read("functions.json")).allowCustomDataForDataTypeAny).toBe(false);
});

test("the manifest names the example address only, and keeps the source's ID and version", () => {
  const built = read("manifest.xml");
  expect(built).not.toMatch(/localhost|127\.0\.0\.1/);
  const urls = [...built.matchAll(/(?:DefaultValue|Value)="(https?:\/\/[^"]+)"/g)].map((m) => m[1]);
  expect(urls.length).toBeGreaterThan(8);
  for (const u of urls) expect(u.startsWith(BASE)).toBe(true);
  const id = (xml: string) => /<Id>([^<]+)<\/Id>/.exec(xml)?.[1];
  expect(id(built)).toBe(id(SOURCE_MANIFEST));
  expect(/<Version>([^<]+)<\/Version>/.exec(built)?.[1]).toBe(`${VERSION}.0`);
});

test("taskpane.html: the CSP first, then office.js from Microsoft's CDN, then functions.js, then the pane", () => {
  const html = read("taskpane.html");
  const csp = html.indexOf(`<meta http-equiv="Content-Security-Policy" content="${CSP}"`);
  const office = html.indexOf(`<script src="${OFFICE_JS_URL}"></script>`);
  const functions = html.indexOf('src="functions.js"');
  const pane = html.search(/src="taskpane\.[0-9a-f]{8}\.js"/);
  expect(csp).toBeGreaterThan(-1);
  expect([csp < office, office < functions, functions < pane]).toEqual([true, true, true]);
});

test("playground.html carries the same CSP and no office.js", () => {
  const html = read("playground.html");
  expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${CSP}"`);
  expect(html).not.toContain("office.js");
});

test("the pane's first load holds no HyperFormula and no xlsx code (those are lazy chunks)", () => {
  const initial = new Set(stats.entrypoints?.taskpane.chunks ?? []);
  expect(initial.size).toBeGreaterThan(0);
  const modules = (stats.chunks ?? []).filter((c) => initial.has(c.id as string | number)).flatMap((c) => (c.modules ?? []).map((m) => m.name ?? ""));
  expect(modules.length).toBeGreaterThan(0);
  expect(modules.filter((m) => /node_modules[\\/](hyperformula|exceljs|jszip|@e965[\\/]xlsx)[\\/]/.test(m))).toEqual([]);
});

test("the playground's first load holds no spreadsheet-file reader (SheetJS loads with 打开)", () => {
  const initial = new Set(stats.entrypoints?.playground.chunks ?? []);
  expect(initial.size).toBeGreaterThan(0);
  const modules = (stats.chunks ?? []).filter((c) => initial.has(c.id as string | number)).flatMap((c) => (c.modules ?? []).map((m) => m.name ?? ""));
  expect(modules.length).toBeGreaterThan(0);
  expect(modules.filter((m) => /node_modules[\\/](exceljs|@e965[\\/]xlsx)[\\/]|src[\\/]hosts[\\/]xlsx/.test(m))).toEqual([]);
});

test("functions.js is one self-contained file (the manifest's <Script> URL loads it on its own)", () => {
  const chunks = stats.entrypoints?.functions.chunks ?? [];
  expect(chunks).toHaveLength(1);
});

describe("serve:dist serves the build with the CSP header", () => {
  let server: Server;
  let origin: string;

  beforeAll(async () => {
    const { serveDist } = require(path.join(ROOT, "scripts/serve-dist.js"));
    server = await serveDist({ dir: out, port: 0 });
    origin = `http://localhost:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test("pages, manifest and metadata with their types; the header is the policy the HTML carries", async () => {
    for (const [file, type] of [
      ["taskpane.html", "text/html"],
      ["playground.html", "text/html"],
      ["manifest.xml", "application/xml"],
      ["functions.json", "application/json"],
      ["assets/icon-80.png", "image/png"],
    ]) {
      const res = await fetch(`${origin}/${file}`);
      expect([file, res.status]).toEqual([file, 200]);
      expect(res.headers.get("content-type")).toContain(type);
      expect(res.headers.get("content-security-policy")).toBe(CSP);
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    }
    expect((await fetch(`${origin}/taskpane.html`)).headers.get("cache-control")).toBe("no-cache");
  });

  test("hashed bundles are cached long; nothing outside the build is served", async () => {
    const bundle = fs.readdirSync(out).find((f) => /^taskpane\.[0-9a-f]{8}\.js$/.test(f));
    expect((await fetch(`${origin}/${bundle}`)).headers.get("cache-control")).toContain("immutable");
    expect((await fetch(`${origin}/..%2Fpackage.json`)).status).toBe(404);
    expect((await fetch(`${origin}/%2e%2e/%2e%2e/etc/passwd`)).status).toBe(404);
    expect((await fetch(`${origin}/nothing.html`)).status).toBe(404);
    expect((await fetch(`${origin}/manifest.xml`, { method: "POST" })).status).toBe(405);
  });
});

describe("the base URL", () => {
  test("a production build without one fails with the message saying what to do", () => {
    const env = { ...process.env };
    delete env.JY_BASE_URL;
    const r = spawnSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--env", `outDir=${path.join(out, "never")}`], {
      cwd: ROOT,
      env,
      encoding: "utf8",
    });
    expect(r.status).not.toBe(0);
    expect(r.stdout + r.stderr).toContain("JY_BASE_URL is not set");
    expect(fs.existsSync(path.join(out, "never"))).toBe(false);
  });

  test("rules: https only, never localhost in production, always ending in /", () => {
    expect(() => resolveBaseUrl({ production: true, env: {} })).toThrow(MISSING_BASE_URL);
    expect(resolveBaseUrl({ production: true, env: { JY_BASE_URL: "https://addin.example.gov.cn/jy" } })).toBe(BASE);
    expect(resolveBaseUrl({ production: true, flag: "https://other.example/", env: { JY_BASE_URL: BASE } })).toBe("https://other.example/");
    expect(() => resolveBaseUrl({ production: true, env: { JY_BASE_URL: "http://addin.example.gov.cn/" } })).toThrow(/https:\/\//);
    expect(() => resolveBaseUrl({ production: true, env: { JY_BASE_URL: "https://localhost:3000/" } })).toThrow(/build:dev/);
    expect(() => resolveBaseUrl({ production: true, env: { JY_BASE_URL: "addin.example.gov.cn" } })).toThrow(/not a URL/);
    expect(resolveBaseUrl({ production: false, env: {} })).toBe("https://localhost:3000/");
  });
});
