// Renders the app's icons to the PNG sizes a web app manifest needs, in Debian's Chromium:
//   node .ci/render-icons.mjs     (from the repository root, after `npm ci` in tests/)
// The SVGs in public/icons/ are the sources; the PNGs are committed, so builds need no
// browser. The maskable icon keeps its mark inside the central 80 % safe zone.
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';

const require = createRequire(new URL('../tests/package.json', import.meta.url));
const { chromium } = require('playwright-core');
const icons = new URL('../public/icons/', import.meta.url);

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
for (const [source, size, name] of [
  ['icon.svg', 192, 'icon-192.png'],
  ['icon.svg', 512, 'icon-512.png'],
  ['maskable.svg', 512, 'maskable-512.png'],
  ['icon.svg', 180, 'apple-touch-icon.png'],
]) {
  const svg = await readFile(new URL(source, icons), 'utf8');
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`);
  await page.screenshot({ path: new URL(name, icons).pathname, omitBackground: true });
  await page.close();
}
await browser.close();
