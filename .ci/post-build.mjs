// The trunk post-build hook (trunk runs it with TRUNK_STAGING_DIR, the folder about to
// become dist/). Three steps, in this order:
//
// 1. The module script trunk writes inline into index.html (it imports the wasm-bindgen
//    glue and starts the app) moves to a file of its own, init-HASH.js, so the app runs
//    under a Content-Security-Policy without 'unsafe-inline'.
// 2. widget.html, the page other sites frame, is written beside index.html: the same
//    page with the same hashed files, marked <html data-entry="widget">, and with the
//    widget's own static first screen (src/widget-first-screen.html) in place of the
//    directory's. The app reads the mark to render the widget, and the server lets other
//    sites frame that path only; no query parameter makes a page the widget.
// 3. sw.js gets this build's exact file list (widget.html included) and a build id, so
//    the service worker precaches exactly these files and a new build is a new worker
//    with a new cache.
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('post-build: TRUNK_STAGING_DIR is not set (trunk runs this hook)');
  process.exit(2);
}

// 1. No inline script.
const indexPath = join(staging, 'index.html');
let index = await readFile(indexPath, 'utf8');
const inline = /<script type="module">([\s\S]*?)<\/script>/g;
let moved = 0;
for (const [whole, body] of [...index.matchAll(inline)]) {
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 16);
  const name = `init-${hash}.js`;
  await writeFile(join(staging, name), body.trim() + '\n');
  const integrity = 'sha384-' + createHash('sha384').update(body.trim() + '\n').digest('base64');
  index = index.replace(whole, `<script type="module" src="./${name}" integrity="${integrity}"></script>`);
  moved += 1;
}
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(index) || /\sstyle=/.test(index)) {
  console.error('post-build: index.html still has an inline script or style');
  process.exit(1);
}
await writeFile(indexPath, index);

// 2. The widget's own entry. trunk builds one HTML target; a copy keeps both pages on the
// very files of one build.
const opening = /<html(\s[^>]*)?>/;
if (!opening.test(index) || /\sdata-entry=/.test(index)) {
  console.error('post-build: index.html has no <html> tag to mark, or is marked already');
  process.exit(1);
}
const firstScreen = /[ \t]*<!-- first-screen -->[\s\S]*?<!-- \/first-screen -->\n?/;
const widgetScreen = await readFile(fileURLToPath(new URL('../src/widget-first-screen.html', import.meta.url)), 'utf8');
if (!firstScreen.test(index) || !firstScreen.test(widgetScreen)) {
  console.error('post-build: index.html or src/widget-first-screen.html lacks its <!-- first-screen --> block');
  process.exit(1);
}
const widget = index
  .replace(opening, (tag, attributes = '') => `<html${attributes} data-entry="widget">`)
  .replace(firstScreen, () => widgetScreen.match(firstScreen)[0]);
await writeFile(join(staging, 'widget.html'), widget);

// 3. The service worker's file list. The catalog is data, cached as it is fetched; the
// schema and the widget loader are for other programs and sites; the worker does not
// cache itself.
const skipped = (path) =>
  path.startsWith('data/') || path.startsWith('schema/') || ['sw.js', 'embed.js'].includes(path);

async function files(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await files(path)));
    else out.push(path);
  }
  return out;
}

const shell = (await files(staging))
  .map((path) => relative(staging, path).split(sep).join('/'))
  .filter((path) => !skipped(path))
  .sort();
const hash = createHash('sha256');
for (const path of shell) {
  hash.update(path);
  hash.update(await readFile(join(staging, path)));
}
const build = hash.digest('hex').slice(0, 16);
const worker = join(staging, 'sw.js');
const template = await readFile(worker, 'utf8');
if (!template.includes("'__BUILD__'") || !template.includes('__SHELL__')) {
  console.error('post-build: sw.js has no placeholders to stamp');
  process.exit(1);
}
await writeFile(worker, template.replace("'__BUILD__'", `'${build}'`).replace('__SHELL__', JSON.stringify(shell)));
console.log(`post-build: ${moved} inline script(s) moved out; widget.html written; service worker build ${build}, ${shell.length} files`);
