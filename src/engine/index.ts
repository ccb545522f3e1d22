/**
 * The engine: reads a claim, computes its money exactly, explains it. Pure TypeScript and
 * decimal.js only: no Office, React, webpack or Node API, so it runs in Excel, a browser, the CLI
 * and jest alike.
 */
export * from "./errors";
export * from "./unit";
export * from "./sales";
export * from "./sector";
export * from "./flags";
export * from "./claim";
export * from "./reward";
export * from "./scale";
export * from "./amounts";
export * from "./breakdown";
export * from "./findings";
export * from "./format";
export * from "./assess";
export * from "./detail";
export * from "./capital";
export * from "./lang";
export { Decimal } from "./decimal";
export { matchKey } from "./text";
