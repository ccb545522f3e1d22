/**
 * Reading the examples out of a Markdown document (the README, the user guide): its `## `
 * sections, its fenced blocks, the `$ command` lines of `console` blocks with the output shown
 * under each, and the pictures it links.
 */

/** The text of a `## ` section of `doc`, up to the next one. */
export function section(doc: string, title: string): string {
  const start = doc.indexOf(`\n## ${title}`);
  if (start < 0) throw new Error(`no section "${title}"`);
  const end = doc.indexOf("\n## ", start + 1);
  return doc.slice(start, end < 0 ? undefined : end);
}

/** Fenced blocks of a text: language (any word, 公式 too) and body. */
export function blocks(text: string): Array<{ lang: string; body: string }> {
  return [...text.matchAll(/^```([^\s`]*)\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1], body: m[2] }));
}

/** `$ command` lines of console blocks, each with the output shown under it. */
export function sessions(text: string): Array<{ command: string; output: string }> {
  const out: Array<{ command: string; output: string }> = [];
  for (const b of blocks(text).filter((x) => x.lang === "console")) {
    for (const part of b.body.split(/^\$ /m).slice(1)) {
      const [command, ...rest] = part.split("\n");
      out.push({ command, output: rest.join("\n") });
    }
  }
  return out;
}

/** Local pictures a text shows (`![alt](path)`), in order. */
export function pictures(text: string): Array<{ alt: string; path: string }> {
  return [...text.matchAll(/!\[([^\]]*)\]\(([^)\s]+)\)/g)].map((m) => ({ alt: m[1], path: decodeURI(m[2]) }));
}
