/** Types of functions-locale.js (plain CommonJS: webpack.config.js loads it). */
export declare const MAX_DESCRIPTION: number;
export interface ChineseTable {
  parameters: Record<string, string>;
  functions: Record<string, { description: string }>;
}
/** functions.json as shipped: allowCustomDataForDataTypeAny false. */
export declare function hostMetadata<T extends object>(generated: string | T): T & { allowCustomDataForDataTypeAny: false };
export declare function localizeFunctions(generated: string | object, table: ChineseTable): string;
export declare class LocalizedFunctionsPlugin {
  constructor(options: { source: string; output: string; table: ChineseTable });
  apply(compiler: unknown): void;
}
