/**
 * npm run serve:dist — serves dist/ as the static files it is, the way a production server should:
 * the Content-Security-Policy header (our origin and office.js's hosts only), nosniff, no directory
 * listings, nothing outside dist/. HTML, manifest and JSON are revalidated on every load (so an update
 * reaches users at once); content-hashed bundles are cached for a year.
 *
 *   npm run serve:dist                      http://localhost:8080/
 *   npm run serve:dist -- --port 3000 --https   with the developer certificates (as Excel needs)
 *   npm run serve:dist -- --dir other/dist
 */
"use strict";

const fs = require("fs");
const http = require("http");
const https = require("https");
const path = require("path");
const { CSP } = require("./addin-config");
const { redirectRoot } = require("./serve-ready");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".map": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".wasm": "application/wasm",
};

const SECURITY_HEADERS = {
  "Content-Security-Policy": CSP,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
};

/** A request handler serving `root` (an absolute path). */
function staticHandler(root) {
  const rootReal = fs.realpathSync(root);
  return (req, res) => {
    const send = (status, body, headers = {}) => {
      res.writeHead(status, { ...SECURITY_HEADERS, "Content-Type": "text/plain; charset=utf-8", ...headers });
      res.end(req.method === "HEAD" ? undefined : body);
    };
    if (req.method !== "GET" && req.method !== "HEAD") return send(405, "Method not allowed\n", { Allow: "GET, HEAD" });
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, "http://localhost").pathname);
    } catch {
      return send(400, "Bad request\n");
    }
    // dist/ has no index page: "/" leads to the playground.
    if (pathname === "/" && !fs.existsSync(path.join(rootReal, "index.html")) && redirectRoot(req, res)) return;
    if (pathname.endsWith("/")) pathname += "index.html";
    const file = path.join(rootReal, path.normalize(pathname));
    let real;
    try {
      real = fs.realpathSync(file);
    } catch {
      return send(404, "Not found\n");
    }
    if (real !== rootReal && !real.startsWith(rootReal + path.sep)) return send(404, "Not found\n");
    const stat = fs.statSync(real);
    if (!stat.isFile()) return send(404, "Not found\n");
    const ext = path.extname(real).toLowerCase();
    const hashed = /\.[0-9a-f]{8}\.js$/.test(real);
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      "Content-Type": TYPES[ext] || "application/octet-stream",
      "Content-Length": stat.size,
      "Cache-Control": hashed ? "public, max-age=31536000, immutable" : "no-cache",
      // Excel on the web fetches functions.json across origins.
      ...(ext === ".json" || ext === ".xml" ? { "Access-Control-Allow-Origin": "*" } : {}),
    });
    if (req.method === "HEAD") return res.end();
    fs.createReadStream(real).pipe(res);
  };
}

/** Starts a server; resolves to it once listening. */
function serveDist({ dir, port = 8080, host = "localhost", tls = null }) {
  const handler = staticHandler(dir);
  const server = tls ? https.createServer(tls, handler) : http.createServer(handler);
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve(server));
  });
}

async function main(argv) {
  const arg = (name, fallback) => {
    const i = argv.indexOf(name);
    return i === -1 ? fallback : argv[i + 1];
  };
  const root = path.resolve(__dirname, "..");
  const dir = path.resolve(arg("--dir", path.join(root, "dist")));
  const port = Number(arg("--port", process.env.PORT || 8080));
  if (!fs.existsSync(path.join(dir, "manifest.xml"))) {
    console.error(`${dir} holds no build. Run npm run build (JY_BASE_URL=…) or npm run build:dev first.`);
    process.exit(2);
  }
  let tls = null;
  if (argv.includes("--https")) {
    tls = await require("./dev-certs").devHttpsOptions();
    if (!tls) console.log("Serving HTTP instead.");
  }
  const server = await serveDist({ dir, port, tls });
  const { port: actual } = server.address();
  const origin = `${tls ? "https" : "http"}://localhost:${actual}`;
  console.log(`Serving ${path.relative(process.cwd(), dir) || "."} at ${origin}/\n  ${origin}/taskpane.html\n  ${origin}/playground.html\n  ${origin}/manifest.xml`);
}

module.exports = { serveDist, staticHandler, SECURITY_HEADERS };

if (require.main === module) {
  main(process.argv.slice(2)).catch((e) => {
    console.error(e.message);
    process.exit(1);
  });
}
