/**
 * npm stop: undoes npm start. Windows / macOS: office-addin-debugging stops the dev server and
 * removes the sideloaded add-in. Linux: stops the dev server npm start left running.
 */
"use strict";

const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const PID_FILE = path.join(ROOT, ".tmp", "dev-server.pid");

if (process.platform === "win32" || process.platform === "darwin") {
  const npx = process.platform === "win32" ? "npx.cmd" : "npx";
  const r = spawnSync(npx, ["--yes", "office-addin-debugging@7", "stop", "manifest.xml"], {
    cwd: ROOT,
    stdio: "inherit",
    shell: process.platform === "win32",
  });
  process.exit(r.status ?? 1);
}

if (!fs.existsSync(PID_FILE)) {
  console.log("No dev server started by npm start is recorded; nothing to stop.");
  process.exit(0);
}
const pid = Number(fs.readFileSync(PID_FILE, "utf8"));
try {
  process.kill(pid, "SIGTERM");
  console.log(`Stopped the dev server (process ${pid}).`);
} catch (e) {
  console.log(e.code === "ESRCH" ? `The dev server (process ${pid}) was not running.` : `Could not stop process ${pid}: ${e.message}`);
}
fs.rmSync(PID_FILE, { force: true });
