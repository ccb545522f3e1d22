/**
 * What npm start needs to tell the user the truth: the playground's address is printed only once
 * the server answers it (the dev server's first build takes a while), and "/" leads to the
 * playground rather than a 404.
 */
"use strict";

const http = require("http");
const https = require("https");

/** The page "/" sends a browser to. */
const HOME = "/playground.html";

/** Handles GET / (and HEAD /) with a redirect to the playground; returns whether it did. */
function redirectRoot(req, res) {
  const pathname = (req.url || "").split("?")[0];
  if (pathname !== "/" || (req.method !== "GET" && req.method !== "HEAD")) return false;
  res.writeHead(302, { Location: HOME, "Content-Type": "text/plain; charset=utf-8" });
  res.end(req.method === "HEAD" ? undefined : `See ${HOME}\n`);
  return true;
}

/** One GET; resolves to the status code, or null when nothing answered in time. */
function statusOf(url, timeoutMs) {
  const get = url.startsWith("https:") ? https.get : http.get;
  return new Promise((resolve) => {
    // A developer certificate this machine may not trust yet: only the status matters here.
    const req = get(url, { rejectUnauthorized: false, timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(res.statusCode ?? null);
    });
    req.on("timeout", () => req.destroy());
    req.on("error", () => resolve(null));
  });
}

/**
 * Resolves once `url` answers 200; rejects after `timeoutMs`, or as soon as `gaveUp()` says the
 * server is gone. A dev server holds requests until its first build is served, so one request may
 * take long; a refused connection is retried every `intervalMs`.
 */
async function waitUntilServed(url, { timeoutMs = 15 * 60_000, intervalMs = 500, gaveUp = () => false } = {}) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (gaveUp()) throw new Error(`the server stopped before ${url} was served`);
    const status = await statusOf(url, Math.max(1000, Math.min(60_000, deadline - Date.now())));
    if (status === 200) return;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  throw new Error(`${url} was not served within ${Math.round(timeoutMs / 1000)} s`);
}

/** Whether anything answers at `url` now (a port already taken by another server). */
async function answers(url, timeoutMs = 3000) {
  return (await statusOf(url, timeoutMs)) !== null;
}

module.exports = { HOME, answers, redirectRoot, waitUntilServed };
