/**
 * functions.json (generated from the JSDoc of src/functions/index.ts) → functions.zh-CN.json:
 * the same functions, ids, names, types and options, with the Chinese descriptions of
 * src/functions/metadata.zh-CN.json. Refuses a table that misses or invents a function or parameter,
 * so the two files cannot drift apart.
 */
"use strict";

const MAX_DESCRIPTION = 128;

/**
 * functions.json as the add-in ships it: the generator writes allowCustomDataForDataTypeAny: true,
 * which hands a cell holding a data type (an entity, a stock, a place) to the functions as an
 * object; false hands over the value the cell shows, which is what the functions read.
 */
function hostMetadata(generated) {
  const metadata = typeof generated === "string" ? JSON.parse(generated) : generated;
  return { ...metadata, allowCustomDataForDataTypeAny: false };
}

function localizeFunctions(generated, table) {
  const metadata = hostMetadata(generated);
  const problems = [];
  const used = new Set();
  const functions = metadata.functions.map((fn) => {
    const zh = table.functions[fn.id];
    if (!zh) {
      problems.push(`function ${fn.id} has no Chinese description`);
      return fn;
    }
    if (zh.description.length > MAX_DESCRIPTION) problems.push(`description of ${fn.id} is longer than ${MAX_DESCRIPTION} characters`);
    const out = { ...fn, description: zh.description };
    out.parameters = fn.parameters.map((p) => {
      const text = table.parameters[p.name];
      used.add(p.name);
      if (!text) {
        problems.push(`parameter ${p.name} of ${fn.id} has no Chinese description`);
        return p;
      }
      if (text.length > MAX_DESCRIPTION) problems.push(`description of parameter ${p.name} is longer than ${MAX_DESCRIPTION} characters`);
      return { ...p, description: text };
    });
    return out;
  });
  for (const id of Object.keys(table.functions)) {
    if (!metadata.functions.some((fn) => fn.id === id)) problems.push(`metadata.zh-CN.json describes ${id}, which is no custom function`);
  }
  for (const name of Object.keys(table.parameters)) {
    if (!used.has(name)) problems.push(`metadata.zh-CN.json describes parameter ${name}, which no function has`);
  }
  if (problems.length > 0) throw new Error(`functions.zh-CN.json: ${problems.join("; ")}`);
  return JSON.stringify({ ...metadata, functions }, null, 4);
}

/**
 * Webpack plugin: after custom-functions-metadata-plugin has emitted `source`, sets its
 * allowCustomDataForDataTypeAny to false (hostMetadata) and emits `output`.
 * It also keeps that plugin's loader from appending CustomFunctions.associate calls: index.ts
 * associates each id itself, and a second association makes office.js warn [DuplicatedName].
 */
class LocalizedFunctionsPlugin {
  constructor({ source, output, table }) {
    this.source = source;
    this.output = output;
    this.table = table;
  }

  apply(compiler) {
    const { Compilation, NormalModule, WebpackError, sources } = compiler.webpack;
    compiler.hooks.compilation.tap("LocalizedFunctionsPlugin", (compilation) => {
      // The metadata plugin (registered before this one) has just put `source` in this compilation,
      // child compilations included: replaced here, in every one alike, so they agree.
      const generated = compilation.assets[this.source];
      if (generated) compilation.assets[this.source] = new sources.RawSource(JSON.stringify(hostMetadata(generated.source().toString()), null, 4));
      NormalModule.getCompilationHooks(compilation).beforeLoaders.tap("LocalizedFunctionsPlugin", (_loaders, module) => {
        module.loaders = module.loaders.filter((l) => !/custom-functions-metadata-plugin[\\/]lib[\\/]loader\.js$/.test(l.loader));
      });
      compilation.hooks.processAssets.tap(
        { name: "LocalizedFunctionsPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const asset = compilation.getAsset(this.source);
          if (!asset) {
            compilation.errors.push(new WebpackError(`${this.source} was not generated, so ${this.output} cannot be written`));
            return;
          }
          try {
            const text = localizeFunctions(asset.source.source().toString(), this.table);
            compilation.emitAsset(this.output, new sources.RawSource(text));
          } catch (e) {
            compilation.errors.push(new WebpackError(e.message));
          }
        },
      );
    });
  }
}

module.exports = { LocalizedFunctionsPlugin, localizeFunctions, hostMetadata, MAX_DESCRIPTION };
