/**
 * npm run version:bump -- <patch|minor|major|x.y.z>
 * Sets the version in package.json (and package-lock.json) and manifest.xml's <Version> (x.y.z.0)
 * together: Office only takes an updated manifest whose version changed, and npm run
 * check:manifest refuses a build whose two versions differ.
 */
import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..");

export function nextVersion(current: string, request: string): string {
  const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(current);
  if (!m) throw new Error(`package.json's version "${current}" is not x.y.z`);
  const [major, minor, patch] = m.slice(1).map(Number);
  if (request === "patch") return `${major}.${minor}.${patch + 1}`;
  if (request === "minor") return `${major}.${minor + 1}.0`;
  if (request === "major") return `${major + 1}.0.0`;
  if (/^\d{1,5}\.\d{1,5}\.\d{1,5}$/.test(request)) return request;
  throw new Error(`"${request}" is not patch, minor, major or a version x.y.z`);
}

/** The three files with their versions replaced (text edits, so nothing else in them moves). */
export function bumpTexts(files: { pkg: string; lock: string | null; manifest: string }, version: string) {
  const pkg = files.pkg.replace(/^(\s*"version":\s*)"[^"]*"/m, `$1"${version}"`);
  // package-lock.json: the root's version and that of its "" package, the first two occurrences.
  let seen = 0;
  const lock = files.lock?.replace(/("version":\s*)"[^"]*"/g, (all, key) => (seen++ < 2 ? `${key}"${version}"` : all)) ?? null;
  const manifest = files.manifest.replace(/<Version>[^<]*<\/Version>/, `<Version>${version}.0</Version>`);
  return { pkg, lock, manifest };
}

function main(argv: string[]): number {
  const request = argv[0];
  if (!request) {
    console.error("usage: npm run version:bump -- <patch|minor|major|x.y.z>");
    return 2;
  }
  const paths = { pkg: path.join(ROOT, "package.json"), lock: path.join(ROOT, "package-lock.json"), manifest: path.join(ROOT, "manifest.xml") };
  const pkg = fs.readFileSync(paths.pkg, "utf8");
  const current = JSON.parse(pkg).version as string;
  const version = nextVersion(current, request);
  const lock = fs.existsSync(paths.lock) ? fs.readFileSync(paths.lock, "utf8") : null;
  const out = bumpTexts({ pkg, lock, manifest: fs.readFileSync(paths.manifest, "utf8") }, version);
  fs.writeFileSync(paths.pkg, out.pkg);
  if (out.lock !== null) fs.writeFileSync(paths.lock, out.lock);
  fs.writeFileSync(paths.manifest, out.manifest);
  console.log(`${current} → ${version} (manifest.xml <Version>${version}.0</Version>). Rebuild and redeploy: JY_BASE_URL=… npm run build`);
  return 0;
}

if (require.main === module) {
  try {
    process.exit(main(process.argv.slice(2)));
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
}
