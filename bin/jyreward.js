#!/usr/bin/env node
"use strict";
// jyreward runs the TypeScript sources directly: tsx compiles them on the fly (and caches the
// result), so there is no build step between `npm ci` and the first run.
require("tsx/cjs");
require("../src/cli/main.ts").start();
