/**
 * npm start prints the playground's address only once the page is served, and "/" leads to the
 * playground (scripts/serve-ready.js, used by npm start, the dev server and serve:dist).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { waitUntilServed, answers, HOME } = require("../../scripts/serve-ready.js") as {
  waitUntilServed: (url: string, o?: { timeoutMs?: number; intervalMs?: number; gaveUp?: () => boolean }) => Promise<void>;
  answers: (url: string) => Promise<boolean>;
  HOME: string;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { serveDist } = require("../../scripts/serve-dist.js") as { serveDist: (o: { dir: string; port: number; host?: string }) => Promise<http.Server> };

const listen = (server: http.Server, port = 0) => new Promise<number>((r) => server.listen(port, "127.0.0.1", () => r((server.address() as AddressInfo).port)));
const close = (server: http.Server) => new Promise<void>((r) => server.close(() => r()));

describe("waitUntilServed", () => {
  test("resolves only after the page answers 200: not while refused, not on 404", async () => {
    // Reserve a port, then leave it closed: the first attempts are refused.
    const probe = http.createServer();
    const port = await listen(probe);
    await close(probe);
    const events: string[] = [];
    let ready = false;
    const server = http.createServer((req, res) => {
      res.writeHead(ready ? 200 : 404);
      res.end();
      events.push(ready ? "200" : "404");
    });
    const waiting = waitUntilServed(`http://127.0.0.1:${port}${HOME}`, { intervalMs: 50, timeoutMs: 30_000 }).then(() => events.push("resolved"));
    await new Promise((r) => setTimeout(r, 300));
    await listen(server, port);
    while (!events.includes("404")) await new Promise((r) => setTimeout(r, 20));
    expect(events).not.toContain("resolved");
    ready = true;
    await waiting;
    await close(server);
    expect(events.indexOf("resolved")).toBeGreaterThan(events.indexOf("200"));
    expect(events.filter((e) => e === "200")).toHaveLength(1);
  });

  test("answers: whether a port is already taken (npm start refuses to start over another server)", async () => {
    const server = http.createServer((_, res) => res.end("other"));
    const port = await listen(server);
    expect(await answers(`http://127.0.0.1:${port}/`)).toBe(true);
    await close(server);
    expect(await answers(`http://127.0.0.1:${port}/`)).toBe(false);
  });

  test("gives up, with a reason, when the server process is gone", async () => {
    await expect(waitUntilServed("http://127.0.0.1:9/playground.html", { intervalMs: 10, gaveUp: () => true })).rejects.toThrow(/stopped before/);
  });
});

test("serve:dist: / leads to the playground (302), the playground itself is served", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "jy-dist-"));
  writeFileSync(path.join(dir, "playground.html"), "<!doctype html><title>playground</title>");
  const server = await serveDist({ dir, port: 0, host: "127.0.0.1" });
  const port = (server.address() as AddressInfo).port;
  const get = (p: string) =>
    new Promise<{ status: number; location?: string; body: string }>((resolve, reject) =>
      http
        .get(`http://127.0.0.1:${port}${p}`, (res) => {
          let body = "";
          res.on("data", (c) => (body += c));
          res.on("end", () => resolve({ status: res.statusCode!, location: res.headers.location, body }));
        })
        .on("error", reject),
    );
  try {
    expect(await get("/")).toMatchObject({ status: 302, location: "/playground.html" });
    expect(await get("/playground.html")).toMatchObject({ status: 200, body: expect.stringContaining("playground") });
    expect((await get("/nothing.html")).status).toBe(404);
  } finally {
    await close(server);
  }
});
