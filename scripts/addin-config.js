/**
 * What the build, the dev server, serve:dist and the tests agree on: where the add-in is served
 * from (its base URL), how the manifest's URLs follow it, and the Content-Security-Policy.
 * Plain CommonJS so webpack.config.js, Node scripts and jest can all load it.
 */
"use strict";

/** The address manifest.xml is written for, and what `npm run build:dev` / the dev server use. */
const DEV_BASE_URL = "https://localhost:3000/";

/** Microsoft's CDN copy of office.js (Office add-ins must load it from there). */
const OFFICE_JS_URL = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/**
 * Hosts office.js itself loads from or reports to: its CDN, the ASP.NET CDN (MicrosoftAjax, loaded
 * by office.js in some hosts) and its telemetry endpoints. Nothing else outside our own origin.
 */
const OFFICE_SCRIPT_HOSTS = ["https://appsforoffice.microsoft.com", "https://ajax.aspnetcdn.com"];
const OFFICE_CONNECT_HOSTS = ["https://appsforoffice.microsoft.com", "https://browser.pipe.aria.microsoft.com"];
/** office.js frames its telemetry service (seen loading it in Chromium). */
const OFFICE_FRAME_HOSTS = ["https://appsforoffice.microsoft.com", "https://telemetryservice.firstpartyapps.oaspapps.com"];

/**
 * One policy for every page, sent as a header by serve:dist and the dev server and written as a
 * <meta> into the HTML, so any static server applies it. style-src needs 'unsafe-inline': Fluent UI
 * (Griffel) and office.js insert <style> elements at run time. No 'unsafe-eval' (the dev build uses
 * plain source maps, not eval).
 */
const CSP = [
  "default-src 'self'",
  `script-src 'self' ${OFFICE_SCRIPT_HOSTS.join(" ")}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  `connect-src 'self' ${OFFICE_CONNECT_HOSTS.join(" ")}`,
  `frame-src 'self' ${OFFICE_FRAME_HOSTS.join(" ")}`,
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join("; ");

const MISSING_BASE_URL =
  "JY_BASE_URL is not set. A production build writes manifest.xml for the HTTPS address the add-in " +
  "will be served from, e.g.\n  JY_BASE_URL=https://addin.example.gov.cn/jy/ npm run build\n" +
  "or\n  npm run build -- --env baseUrl=https://addin.example.gov.cn/jy/\n" +
  "For a local build against https://localhost:3000/ use: npm run build:dev";

/**
 * The base URL of a build: DEV_BASE_URL in development; in production the --env baseUrl flag or
 * JY_BASE_URL, which must be an https:// address that is not localhost. Always ends with "/".
 * Throws an Error whose message says what to do.
 */
function resolveBaseUrl({ production, flag, env }) {
  const given = (flag || (env && env.JY_BASE_URL) || "").trim();
  if (!production) return given ? normalizeBaseUrl(given, false) : DEV_BASE_URL;
  if (!given) throw new Error(MISSING_BASE_URL);
  return normalizeBaseUrl(given, true);
}

function normalizeBaseUrl(text, production) {
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`JY_BASE_URL "${text}" is not a URL; expected e.g. https://addin.example.gov.cn/jy/`);
  }
  if (url.protocol !== "https:") {
    throw new Error(`JY_BASE_URL "${text}" must start with https:// (Office loads add-ins over HTTPS only)`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new Error(`JY_BASE_URL "${text}" must be a plain address without query, fragment or credentials`);
  }
  if (production && /^(localhost|127\.0\.0\.1|\[::1\])$/i.test(url.hostname)) {
    throw new Error(`JY_BASE_URL "${text}" points at this computer; a production manifest must name the server users reach. Use npm run build:dev for localhost.`);
  }
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  return url.toString();
}

/**
 * manifest.xml as written (for DEV_BASE_URL) → the same manifest for `baseUrl`. Comments are
 * dropped: they speak of the source file, not of the built one.
 */
function rewriteManifestUrls(xml, baseUrl) {
  return xml
    .replace(/[ \t]*<!--[\s\S]*?-->[ \t]*\r?\n?/g, "")
    .split(DEV_BASE_URL)
    .join(baseUrl);
}

module.exports = {
  CSP,
  DEV_BASE_URL,
  MISSING_BASE_URL,
  OFFICE_CONNECT_HOSTS,
  OFFICE_FRAME_HOSTS,
  OFFICE_JS_URL,
  OFFICE_SCRIPT_HOSTS,
  resolveBaseUrl,
  rewriteManifestUrls,
};
