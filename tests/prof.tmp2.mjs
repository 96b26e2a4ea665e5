import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(process.argv[2]);
await page.locator('li[data-org-id]').first().waitFor({ timeout: 60000 });
await page.waitForTimeout(1500);
const box = page.getByRole('searchbox'); await box.focus();
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 100 }); await cdp.send('Profiler.start');
for (const word of ['школа', 'администрация', 'больница']) { for (const k of word) { await page.keyboard.type(k); await page.waitForTimeout(120); } await box.fill(''); await page.waitForTimeout(120); }
const { profile } = await cdp.send('Profiler.stop');
const self = new Map(); const total = new Map(); const dt = profile.timeDeltas; const byId = new Map(profile.nodes.map(n => [n.id, n]));
const parent = new Map(); for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
const name = (n) => (n.callFrame.functionName || '(anon)').slice(0, 110);
profile.samples.forEach((id, i) => {
  const d = dt[i] || 0; const n = byId.get(id); self.set(name(n), (self.get(name(n)) || 0) + d);
  const seen = new Set(); let cur = id; while (cur !== undefined) { const nm = name(byId.get(cur)); if (!seen.has(nm)) { total.set(nm, (total.get(nm) || 0) + d); seen.add(nm); } cur = parent.get(cur); }
});
if (!process.argv[3]) console.log('SELF'); console.log([...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30).map(([k, v]) => `${(v/1000).toFixed(0)}ms ${k}`).join('\n'));
console.log('TOTAL'); console.log([...total.entries()].sort((a, b) => b[1] - a[1]).slice(0, 600).map(([k, v]) => `${(v/1000).toFixed(0)}ms ${k}`).join('\n'));

const focus = process.argv[3];
if (focus) {
  // total time of each direct child under any node whose name includes focus
  const childTotal = new Map();
  const subtree = (id) => { const n = byId.get(id); let t = 0; const selfT = new Map(); return n; };
  const timeOf = new Map(); profile.samples.forEach((id, i) => timeOf.set(id, (timeOf.get(id) || 0) + (dt[i] || 0)));
  const tot = (id) => { const n = byId.get(id); let t = timeOf.get(id) || 0; for (const c of n.children || []) t += tot(c); return t; };
  for (const n of profile.nodes) if (name(n).includes(focus)) for (const c of n.children || []) { const k = name(byId.get(c)); childTotal.set(k, (childTotal.get(k) || 0) + tot(c)); }
  console.log('CHILDREN of', focus); console.log([...childTotal.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([k, v]) => `${(v/1000).toFixed(0)}ms ${k}`).join('\n'));
}
await browser.close();
