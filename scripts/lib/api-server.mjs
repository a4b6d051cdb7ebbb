// Starts the worker locally (wrangler dev) on a migrated local D1, optionally seeded with the
// demo district. Used by `npm start`, `npm run dev:api`, the benchmarks and the e2e tests.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const wrangler = path.join(root, 'node_modules/.bin/wrangler');

export const wranglerEnv = () => ({
  ...process.env,
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  WRANGLER_SEND_METRICS: 'false',
  WRANGLER_LOG_PATH: path.join(root, '.wrangler/logs'),
  XDG_CONFIG_HOME: process.env.XDG_CONFIG_HOME ?? path.join(root, '.wrangler/config'),
  CI: 'true',
});

/** Runs SQL against the local D1 kept in `dbDir` (test setup: rows at a time the API cannot be told). */
export function execSql(dbDir, sql) {
  const r = spawnSync(wrangler, ['d1', 'execute', 'DB', '--local', '--persist-to', dbDir, '--command', sql], {
    cwd: root,
    env: wranglerEnv(),
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`SQL failed:\n${r.stdout}\n${r.stderr}`);
}

/** Applies the migrations to the local D1 kept in `dbDir`. */
export function migrate(dbDir) {
  const r = spawnSync(wrangler, ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', dbDir], {
    cwd: root,
    env: wranglerEnv(),
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`migrations failed:\n${r.stdout}\n${r.stderr}`);
}

async function waitForHealth(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the API did not answer ${url}/api/health within ${timeoutMs / 1000} s`);
}

/** Every wrangler this process started and has not stopped yet. */
const running = new Set();

/** Stops every API this process started (also one still starting up). */
export async function stopAll() {
  await Promise.all([...running].map((stop) => stop()));
}

/**
 * @param {{ port?: number, dbDir: string, seed?: boolean, quiet?: boolean }} options
 * @returns {Promise<{ url: string, child: import('node:child_process').ChildProcess, stop: () => Promise<void> }>}
 */
export async function startApi({ port = 8787, dbDir, seed = true, quiet = false }) {
  migrate(dbDir);
  const child = spawn(
    wrangler,
    [
      'dev', '--ip', '127.0.0.1', '--port', String(port), '--persist-to', dbDir,
      // GET /__scheduled runs the cron (loopback only): tests deliver what the cron sends.
      '--test-scheduled',
      '--var', 'ENVIRONMENT:development',
      '--show-interactive-dev-session=false', '--log-level', quiet ? 'error' : 'warn',
    ],
    { cwd: root, env: wranglerEnv(), stdio: ['ignore', quiet ? 'ignore' : 'inherit', 'inherit'] },
  );
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    running.delete(stop);
    if (child.exitCode !== null) return;
    child.kill('SIGTERM');
    await new Promise((r) => {
      const t = setTimeout(() => { child.kill('SIGKILL'); r(); }, 5000);
      child.once('exit', () => { clearTimeout(t); r(); });
    });
  };
  running.add(stop);
  try {
    await waitForHealth(url, child, 60_000);
    if (seed) {
      const res = await fetch(`${url}/api/dev/seed`, { method: 'POST' });
      if (!res.ok) throw new Error(`seeding failed: ${res.status} ${await res.text()}`);
    }
  } catch (err) {
    await stop();
    throw err;
  }
  return { url, child, stop };
}

/** A port nothing listens on right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** An API on a free port and a fresh database that is deleted when it stops (benchmarks, e2e). */
export async function startFreshApi({ seed = true } = {}) {
  const port = await freePort();
  const dbDir = mkdtempSync(path.join(tmpdir(), 'zc-api-'));
  try {
    const api = await startApi({ port, dbDir, seed, quiet: true });
    return {
      url: api.url,
      port,
      sql: (statement) => execSql(dbDir, statement),
      stop: async () => {
        await api.stop();
        rmSync(dbDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    rmSync(dbDir, { recursive: true, force: true });
    throw err;
  }
}
