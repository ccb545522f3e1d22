/** The workbook port: what the pane may do to a workbook, and the sheets it can add. */
export * from "./port";
export * from "./sheets";
export * from "./template";
export * from "./summary";
export * from "./region";
