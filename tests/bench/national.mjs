// The synthetic national catalog the browser benchmarks type into, written if missing:
// tests/.tmp/synth.json (`catalog-tool synth --orgs 175000 --seed 1`) and its shards in
// tests/.tmp/national/ (`catalog-tool shard … --no-compress`), which the test server
// serves at /site/synth/ and /site/national/.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const scratch = fileURLToPath(new URL('../.tmp/', import.meta.url));

/** Writes whichever of the two is missing. */
export function ensureNationalCatalog() {
  const tool = (...args) =>
    execFileSync('cargo', ['run', '-q', '--release', '-p', 'catalog-tool', '--', ...args], { cwd: repo, stdio: 'inherit' });
  mkdirSync(scratch, { recursive: true });
  if (!existsSync(`${scratch}synth.json`)) tool('synth', '--orgs', '175000', '--seed', '1', '--out', `${scratch}synth.json`);
  if (!existsSync(`${scratch}national/catalog.json`)) tool('shard', `${scratch}synth.json`, '--out', `${scratch}national`, '--no-compress');
}
