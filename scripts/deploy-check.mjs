// The deploy's build without deploying: `wrangler deploy --dry-run` bundles the worker as
// Cloudflare would receive it. Prints its size and fails above 3 MB gzipped (the Workers Free
// plan's limit; paid plans allow 10 MB).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { wranglerEnv } from './lib/api-server.mjs';

const LIMIT = 3 * 1024 * 1024;
const root = path.resolve(import.meta.dirname, '..');
const outdir = mkdtempSync(path.join(tmpdir(), 'zc-deploy-'));

try {
  const r = spawnSync(path.join(root, 'node_modules/.bin/wrangler'), ['deploy', '--dry-run', '--outdir', outdir], { cwd: root, env: wranglerEnv(), encoding: 'utf8' });
  if (r.status !== 0) {
    console.error(`wrangler deploy --dry-run failed:\n${r.stdout}\n${r.stderr}`);
    process.exit(1);
  }
  // The modules uploaded: the bundle and anything it loads beside it (no source maps).
  const files = readdirSync(outdir, { recursive: true })
    .map(String)
    .filter((f) => statSync(path.join(outdir, f)).isFile() && !f.endsWith('.map') && !f.endsWith('README.md'));
  let raw = 0;
  let gzipped = 0;
  for (const f of files) {
    const bytes = readFileSync(path.join(outdir, f));
    raw += bytes.length;
    gzipped += gzipSync(bytes, { level: 9 }).length;
  }
  const mb = (n) => `${(n / 1024 / 1024).toFixed(2)} MB`;
  console.log(`worker bundle: ${files.join(', ')} — ${mb(raw)}, ${mb(gzipped)} gzipped (limit ${mb(LIMIT)} gzipped)`);
  if (gzipped > LIMIT) {
    console.error('the worker is over the 3 MB gzipped limit');
    process.exit(1);
  }
} finally {
  rmSync(outdir, { recursive: true, force: true });
}
