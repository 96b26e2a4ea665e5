// Writes the sharded catalogs the end-to-end tests serve, once, if they are missing:
// tests/.tmp/sharded/ is a synthetic catalog of 20,000 organisations over all 89 regions,
// split by the data tool exactly as a publisher would; tests/.tmp/tampered/ is the same
// with one shard changed after publication, so that its SHA-256 no longer matches;
// tests/.tmp/news/ is tests/fixtures/feeds/news.json with the Atom feeds the data tool
// writes for it in feeds/ (the catalog names them as data/feeds/, which the server
// serves from that folder), written every run, since it takes a moment.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const scratch = fileURLToPath(new URL('../.tmp/', import.meta.url));
const repo = fileURLToPath(new URL('../../', import.meta.url));

function tool(...args) {
  execFileSync('cargo', ['run', '-q', '-p', 'catalog-tool', '--locked', '--', ...args], {
    cwd: repo,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

export default function globalSetup() {
  mkdirSync(scratch, { recursive: true });
  const sharded = `${scratch}sharded`;
  if (!existsSync(`${sharded}/catalog.json`)) {
    tool('synth', '--orgs', '20000', '--seed', '1', '--out', `${scratch}synth-20k.json`);
    tool('shard', `${scratch}synth-20k.json`, '--out', sharded, '--no-compress');
  }
  const tampered = `${scratch}tampered`;
  if (!existsSync(`${tampered}/catalog.json`)) {
    cpSync(sharded, tampered, { recursive: true });
    // Mordovia's shard with one channel pointed elsewhere: what a forger who can write to
    // the server, but not re-sign the top file, would do.
    const name = readdirSync(`${tampered}/regions`).find((file) => file.startsWith('13-'));
    const shard = `${tampered}/regions/${name}`;
    const text = readFileSync(shard, 'utf8');
    writeFileSync(shard, text.replace('https://vk.com/', 'https://vk.com/fake_'));
  }
  const news = `${scratch}news`;
  mkdirSync(news, { recursive: true });
  cpSync(fileURLToPath(new URL('../fixtures/feeds/news.json', import.meta.url)), `${news}/catalog.json`);
  // The tool's note that the folder it writes is not the catalog's data/feeds/ is true
  // and expected here (the server maps data/ to this folder), so its stderr is not shown;
  // a failure still throws.
  execFileSync(
    'cargo',
    ['run', '-q', '-p', 'catalog-tool', '--locked', '--', 'feeds', `${news}/catalog.json`,
     '--out', `${news}/feeds`, '--today', '2026-12-01'],
    { cwd: repo, stdio: ['ignore', 'ignore', 'pipe'] },
  );
}
