/** The city office's consolidation of the towns' registers (四（二）). */
export * from "./records";
export * from "./consolidate";
