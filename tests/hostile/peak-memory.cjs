/**
 * Preloaded (`node --require`) into a jyreward child by the hostile tests and the bench: on exit,
 * whatever the path (process.exit included), writes the process's peak resident memory in KB to
 * the file named by JY_PEAK_FILE. No /usr/bin/time needed on a fresh machine.
 */
"use strict";
const fs = require("fs");
const file = process.env.JY_PEAK_FILE;
if (file) process.on("exit", () => fs.writeFileSync(file, String(process.resourceUsage().maxRSS)));
