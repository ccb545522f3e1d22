/** Types of addin-config.js (plain CommonJS, shared by webpack.config.js, scripts and tests). */
export declare const CSP: string;
export declare const DEV_BASE_URL: string;
export declare const MISSING_BASE_URL: string;
export declare const OFFICE_JS_URL: string;
export declare const OFFICE_SCRIPT_HOSTS: string[];
export declare const OFFICE_CONNECT_HOSTS: string[];
export declare const OFFICE_FRAME_HOSTS: string[];
export declare function resolveBaseUrl(options: { production: boolean; flag?: string; env?: Record<string, string | undefined> }): string;
export declare function rewriteManifestUrls(xml: string, baseUrl: string): string;
