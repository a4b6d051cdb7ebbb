// npm test — every check, in order, stopping at the first failure:
// type check, worker tests (workerd + real D1), the deploy's bundle (wrangler deploy --dry-run,
// under 3 MB gzipped), the weapp build and its checks, the h5 build, e2e in Chromium.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROMIUM, CHROMIUM_MISSING } from '../test/e2e/chromium.mjs';

if (!existsSync(CHROMIUM)) {
  console.error(CHROMIUM_MISSING);
  process.exit(1);
}

const steps = [
  ['type check', 'npm', ['run', 'typecheck']],
  ['worker tests', 'npm', ['run', 'test:worker']],
  ['deploy dry run', 'node', ['scripts/deploy-check.mjs']],
  ['weapp build', 'npm', ['run', 'build:weapp']],
  ['weapp build checks', 'npm', ['run', 'test:weapp']],
  ['h5 build', 'npm', ['run', 'build:h5']],
  ['end-to-end tests', 'npm', ['run', 'test:e2e']],
];

for (const [name, cmd, args] of steps) {
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`\n${name} failed`);
    process.exit(r.status ?? 1);
  }
  console.log(`=== ${name}: ok (${((Date.now() - started) / 1000).toFixed(1)} s) ===`);
}
