/**
 * The user guide as a page of the add-in: docs/用户手册.md rendered to dist/guide/index.html at build
 * time (marked, GitHub-style heading ids so the guide's table of contents works), with its pictures
 * copied to dist/guide/images/. Served from the add-in's own origin, so the pane's 帮助 link needs no
 * network beyond it; the page has no script and carries the add-in's Content-Security-Policy. Long
 * lines wrap rather than scroll, so no region needs a keyboard to scroll it.
 * Plain CommonJS so webpack.config.js and jest can load it; hence marked 15, the last line with a
 * CommonJS build (16 and later are ES modules only, which jest cannot require).
 */
"use strict";

const fs = require("fs");
const path = require("path");
const { Marked } = require("marked");
const { gfmHeadingId } = require("marked-gfm-heading-id");

const GUIDE_MD = path.resolve(__dirname, "..", "docs", "用户手册.md");
const GUIDE_IMAGES = path.resolve(__dirname, "..", "docs", "images");
/** Where the guide lives in dist/, relative to the pages that link to it. */
const GUIDE_PAGE = "guide/index.html";

const STYLE = `
  body { font-family: "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Zen Hei", sans-serif; line-height: 1.7; color: #242424; margin: 0 auto; max-width: 960px; padding: 16px; }
  h1 { font-size: 26px; } h2 { font-size: 21px; margin-top: 40px; border-bottom: 1px solid #d1d1d1; padding-bottom: 4px; }
  table { border-collapse: collapse; margin: 12px 0; }
  th, td { border: 1px solid #d1d1d1; padding: 4px 8px; vertical-align: top; }
  th { background: #f5f5f5; }
  code { font-family: Consolas, "DejaVu Sans Mono", monospace; background: #f5f5f5; padding: 0 3px; }
  pre { background: #f5f5f5; padding: 8px 12px; white-space: pre-wrap; overflow-wrap: anywhere; line-height: 1.5; }
  pre code { padding: 0; }
  img { max-width: 100%; border: 1px solid #d1d1d1; }
  table.formulas code { background: none; overflow-wrap: anywhere; }
  a { color: #0f6cbd; }
`;

const escape = (text) => text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

/**
 * A `公式` block (a line "=JY.…" then the result a cell shows, as tests/docs/formula.ts reads it)
 * as a table of formula and result, easier to read than alternating lines; other blocks as marked
 * writes them.
 */
function formulaTable({ text, lang }) {
  if (lang !== "公式") return false;
  const rows = [];
  for (const line of text.split("\n")) {
    if (line.startsWith("=") || rows.length === 0) rows.push([line, []]);
    else rows[rows.length - 1][1].push(line);
  }
  const body = rows.map(([formula, shown]) => `<tr><td><code>${escape(formula)}</code></td><td>${shown.map((l) => escape(l)).join("<br />")}</td></tr>`).join("\n");
  return `<table class="formulas"><thead><tr><th>公式</th><th>单元格显示</th></tr></thead><tbody>\n${body}\n</tbody></table>\n`;
}

/** The guide's Markdown as a whole HTML page under `csp`. */
function renderGuide(markdown, csp) {
  const marked = new Marked({ gfm: true, renderer: { code: formulaTable } }, gfmHeadingId());
  const body = marked.parse(markdown);
  const title = (/^# (.+)$/m.exec(markdown) || [, "用户手册"])[1];
  return `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="UTF-8" />
    <meta http-equiv="Content-Security-Policy" content="${csp}" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title}</title>
    <link rel="icon" type="image/png" href="../assets/icon-32.png" />
    <style>${STYLE}</style>
  </head>
  <body>
${body}
  </body>
</html>
`;
}

/** Webpack plugin: emits guide/index.html and guide/images/*, and rebuilds when the guide changes. */
class GuidePagePlugin {
  constructor({ csp }) {
    this.csp = csp;
  }

  apply(compiler) {
    const { RawSource } = compiler.webpack.sources;
    compiler.hooks.thisCompilation.tap("GuidePagePlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "GuidePagePlugin", stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        compilation.fileDependencies.add(GUIDE_MD);
        compilation.contextDependencies.add(GUIDE_IMAGES);
        compilation.emitAsset(GUIDE_PAGE, new RawSource(renderGuide(fs.readFileSync(GUIDE_MD, "utf8"), this.csp)));
        const images = fs.existsSync(GUIDE_IMAGES) ? fs.readdirSync(GUIDE_IMAGES) : [];
        for (const name of images) compilation.emitAsset(`guide/images/${name}`, new RawSource(fs.readFileSync(path.join(GUIDE_IMAGES, name))));
      });
    });
  }
}

module.exports = { GUIDE_MD, GUIDE_IMAGES, GUIDE_PAGE, renderGuide, GuidePagePlugin };
