/** The register scan: column mapping by header, row findings, deadlines, totals by payer. */
export * from "./address";
export * from "./columns";
export * from "./deadlines";
export * from "./locate";
export * from "./notes";
export * from "./scan";
export * from "./uscc";
export * from "./values";
