/**
 * Checks against the published schemas, offline: an add-in only manifest against Microsoft's XSDs
 * (xmllint, from libxml2-utils), and functions.json against the JSON Schema for custom-function
 * metadata (ajv). The schemas travel with the repository (schemas/, see its README), so the check
 * runs from a bare clone.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import Ajv from "ajv";
import type { Problem } from "./check-manifest";

const SCHEMAS = path.resolve(__dirname, "..", "schemas");
export const MANIFEST_XSD = path.join(SCHEMAS, "office-addin-manifest", "OfficeAppManifestV1_1.xsd");
export const FUNCTIONS_SCHEMA = path.join(SCHEMAS, "custom-functions", "functions.schema.json");

/** Whether xmllint is installed (Debian: apt-get install libxml2-utils; .ci/run installs it). */
export function haveXmllint(): boolean {
  return spawnSync("xmllint", ["--version"], { encoding: "utf8" }).status === 0;
}

/** The manifest file against Microsoft's XSDs: one problem per line xmllint reports. */
export function xsdProblems(file: string): Problem[] {
  const r = spawnSync("xmllint", ["--noout", "--nonet", "--schema", MANIFEST_XSD, file], { encoding: "utf8" });
  if (r.error || r.status === null) {
    return [{ rule: "xsd", message: "xmllint is not installed: apt-get install libxml2-utils (Debian), then run again" }];
  }
  if (r.status === 0) return [];
  const lines = r.stderr.split("\n").filter((l) => l.trim() !== "" && !/fails to validate$/.test(l.trim()));
  return lines.map((l) => {
    // "file:12: element X: Schemas validity error : …"
    const m = /^[^:]*:(\d+): (.*)$/.exec(l);
    return m ? { rule: "xsd", message: m[2].replace(/\{http:\/\/schemas\.microsoft\.com\/office\/[^}]*\}/g, ""), line: Number(m[1]) } : { rule: "xsd", message: l };
  });
}

let validator: ReturnType<Ajv["compile"]> | null = null;

/** functions.json (or a localized copy) against the custom-functions JSON Schema. */
export function functionsJsonProblems(text: string): Problem[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return [{ rule: "functions.json", message: `not JSON: ${(e as Error).message}` }];
  }
  if (!validator) validator = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(fs.readFileSync(FUNCTIONS_SCHEMA, "utf8")));
  if (validator(data)) return [];
  return (validator.errors ?? []).map((e) => ({ rule: "functions.json", message: `${e.instancePath || "/"} ${e.message ?? ""}${e.params && "additionalProperty" in e.params ? ` (${String(e.params.additionalProperty)})` : ""}` }));
}
