// A trunk post-build hook: writes this build's file list and a build id into sw.js, so
// the service worker precaches exactly these files and a new build is a new worker.
// trunk runs it with TRUNK_STAGING_DIR set to the folder about to become dist/.
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('stamp-service-worker: TRUNK_STAGING_DIR is not set (run it from trunk)');
  process.exit(2);
}

// The catalog is data, cached as it is fetched; the schema and the loader are for other
// programs and sites; the worker does not cache itself.
const skipped = (path) => path.startsWith('data/') || path.startsWith('schema/') || ['sw.js', 'embed.js'].includes(path);

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
  console.error('stamp-service-worker: sw.js has no placeholders to stamp');
  process.exit(1);
}
await writeFile(worker, template.replace("'__BUILD__'", `'${build}'`).replace('__SHELL__', JSON.stringify(shell)));
console.log(`stamp-service-worker: build ${build}, ${shell.length} files`);
