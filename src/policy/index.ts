/** The law as data. Nothing here computes; the engine reads these. */
export * from "./clauses";
export * from "./parameters";
export * from "./timeline";
export * from "./sectors";
export * from "./flags";
export * from "./places";
export * from "./policy";
