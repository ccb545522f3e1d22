/**
 * npm start.
 * Windows / macOS (where Excel can be sideloaded): as Microsoft's templates do — office-addin-debugging
 * (fetched by npx at this moment, so it is not in the install path: it needs keytar) starts the dev
 * server (npm run dev-server) with developer certificates and sideloads manifest.xml into Excel.
 * Elsewhere (Linux): builds and serves the playground on localhost:3000 and prints its URL.
 */
"use strict";

const { spawn } = require("child_process");
const fs = require("fs");
const path = require("path");
const { devHttpsOptions } = require("./dev-certs");
const { answers, waitUntilServed } = require("./serve-ready");

const ROOT = path.resolve(__dirname, "..");
const DEBUGGING = "office-addin-debugging@7";
const npx = process.platform === "win32" ? "npx.cmd" : "npx";

function run(command, args) {
  const child = spawn(command, args, { cwd: ROOT, stdio: "inherit", shell: process.platform === "win32" });
  child.on("exit", (code) => process.exit(code ?? 1));
  return child;
}

async function main() {
  if (process.platform === "win32" || process.platform === "darwin") {
    run(npx, ["--yes", DEBUGGING, "start", "manifest.xml"]);
    return;
  }
  const https = await devHttpsOptions();
  const url = `${https ? "https" : "http"}://localhost:3000/playground.html`;
  console.log(`Excel cannot be sideloaded on ${process.platform}: serving the playground instead.`);
  // Another server on the port would answer our address before ours is built, and ours would fail.
  if (await answers(url.replace("playground.html", ""))) {
    console.error(`Something is already serving localhost:3000 (an earlier npm start? npm stop ends it). Stop it, then run npm start again.`);
    process.exit(1);
  }
  if (!https) console.log("No developer certificate could be made: serving HTTP (fine for the playground; Excel needs HTTPS).");
  // webpack-cli run directly (not through npx), so the recorded pid is the server's own.
  const child = run(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "serve", "--mode", "development"]);
  fs.mkdirSync(path.join(ROOT, ".tmp"), { recursive: true });
  fs.writeFileSync(path.join(ROOT, ".tmp", "dev-server.pid"), String(child.pid));
  let exited = false;
  child.on("exit", () => (exited = true));
  console.log("Building the playground (the first build takes a minute or two); its address follows once it is served…");
  // The address only once the page is really served: a user who opens it earlier gets nothing.
  await waitUntilServed(url, { gaveUp: () => exited });
  const root = url.replace("playground.html", "");
  console.log(`\n  Playground:  ${url}  (${root} leads there too)\n  Task pane:   ${url.replace("playground", "taskpane")} (needs Excel to do anything)\n  Stop with Ctrl+C or npm stop.\n`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
