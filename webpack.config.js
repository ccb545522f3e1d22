/**
 * Builds dist/: plain static files for any HTTPS server.
 *
 *   npm run build        production, for JY_BASE_URL (or --env baseUrl=...); no URL is an error
 *   npm run build:dev    development, for https://localhost:3000/
 *   npm run dev-server   development server on localhost:3000 (HTTPS with developer certificates,
 *                        HTTP when none can be made)
 *
 * dist/: manifest.xml (URLs rewritten to the base URL), functions.json + functions.zh-CN.json,
 * functions.js (the JY.* functions, one self-contained file at a stable URL, as the manifest's
 * <Script> names it), taskpane.html (office.js, then functions.js, then the pane), playground.html,
 * their bundles and lazy chunks, assets/, and the user guide (guide/index.html, guide/images/).
 */
"use strict";

const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { CSP, OFFICE_JS_URL, resolveBaseUrl, rewriteManifestUrls } = require("./scripts/addin-config");
const { LocalizedFunctionsPlugin } = require("./scripts/functions-locale");
const { GuidePagePlugin } = require("./scripts/guide-page");

module.exports = async (env = {}, argv = {}) => {
  const production = (argv.mode || process.env.NODE_ENV || "production") === "production";
  const baseUrl = resolveBaseUrl({ production, flag: env.baseUrl, env: process.env });
  const outputPath = path.resolve(__dirname, env.outDir || "dist");
  const serving = Boolean(process.env.WEBPACK_SERVE);
  const hashed = (name) => (production ? `${name}.[contenthash:8].js` : `${name}.js`);

  return {
    mode: production ? "production" : "development",
    // Plain source maps in development: eval-based ones would need 'unsafe-eval' in the CSP.
    devtool: production ? false : "source-map",
    entry: {
      functions: "./src/functions/index.ts",
      taskpane: "./src/taskpane/index.tsx",
      playground: "./src/playground/index.tsx",
    },
    output: {
      path: outputPath,
      filename: (data) => (data.chunk.name === "functions" ? "functions.js" : hashed("[name]")),
      chunkFilename: hashed("chunks/[name]"),
      // Lazy chunks load relative to the script that asks for them, so dist/ works under any path.
      publicPath: "auto",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".json"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              // Type checking is `npm run lint`; the build only transpiles. ES modules keep
              // import() a split point (tsconfig's commonjs would turn it into require()).
              transpileOnly: true,
              compilerOptions: { module: "es2020", sourceMap: !production },
            },
          },
        },
      ],
    },
    optimization: {
      // The two pages stay readable as written (an administrator checks their CSP); they are tiny.
      minimizeOptions: { html: false },
      splitChunks: {
        // functions.js stays whole: Excel may load it on its own from the manifest's <Script> URL.
        chunks: (chunk) => chunk.name !== "functions",
      },
    },
    performance: {
      hints: production ? "warning" : false,
      // The pane's first load; HyperFormula and the xlsx code are lazy chunks on top of this.
      maxEntrypointSize: 1_200_000,
      maxAssetSize: 1_200_000,
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: "./src/functions/index.ts",
      }),
      new LocalizedFunctionsPlugin({
        source: "functions.json",
        output: "functions.zh-CN.json",
        table: require("./src/functions/metadata.zh-CN.json"),
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
        minify: false,
        chunksSortMode: "manual",
        csp: CSP,
        officeJs: OFFICE_JS_URL,
      }),
      new HtmlWebpackPlugin({
        filename: "playground.html",
        template: "./src/playground/playground.html",
        chunks: ["playground"],
        minify: false,
        csp: CSP,
      }),
      new GuidePagePlugin({ csp: CSP }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets", to: "assets" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => rewriteManifestUrls(content.toString(), baseUrl),
          },
        ],
      }),
    ],
    devServer: serving ? await devServer() : undefined,
  };
};

async function devServer() {
  const { devHttpsOptions } = require("./scripts/dev-certs");
  const { redirectRoot } = require("./scripts/serve-ready");
  const https = await devHttpsOptions();
  if (!https) {
    console.log("Serving HTTP on http://localhost:3000/ instead: the playground works; Excel needs HTTPS.");
  }
  return {
    port: 3000,
    host: "localhost",
    server: https ? { type: "https", options: https } : "http",
    headers: { "Access-Control-Allow-Origin": "*", "Content-Security-Policy": CSP },
    static: false,
    client: { overlay: { warnings: false, errors: true } },
    // "/" leads to the playground (there is no index page).
    setupMiddlewares: (middlewares) => [{ name: "root-to-playground", middleware: (req, res, next) => (redirectRoot(req, res) ? undefined : next()) }, ...middlewares],
  };
}
