// npm start — the API on a migrated, seeded local D1 (http://127.0.0.1:8787) and the H5 app
// with live reload. Ctrl-C stops both.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { startApi, stopAll } from './lib/api-server.mjs';

const root = path.resolve(import.meta.dirname, '..');
const apiPort = Number(process.env.PORT ?? 8787);
const h5Port = Number(process.env.H5_PORT ?? 10086);

/** @type {import('node:child_process').ChildProcess | undefined} */
let h5;
const shutdown = async (code = 0) => {
  h5?.kill('SIGTERM');
  await stopAll();
  process.exit(code);
};
process.on('SIGINT', () => shutdown());
process.on('SIGTERM', () => shutdown());

const api = await startApi({ port: apiPort, dbDir: path.resolve(process.env.DB_DIR ?? '.data/d1') });
console.log(`API ready at ${api.url}`);

h5 = spawn(path.join(root, 'node_modules/.bin/taro'), ['build', '--type', 'h5', '--watch', '--no-check'], {
  cwd: path.join(root, 'miniprogram'),
  env: { ...process.env, TARO_APP_API: api.url, H5_PORT: String(h5Port) },
  stdio: ['ignore', 'inherit', 'inherit'],
});
h5.once('exit', (code) => shutdown(code ?? 1));

const h5Url = `http://127.0.0.1:${h5Port}`;
for (;;) {
  try {
    if ((await fetch(h5Url)).ok) break;
  } catch {
    // still compiling
  }
  await new Promise((r) => setTimeout(r, 1000));
}
console.log(`\n  政策咨询台 is running\n  API     ${api.url}   (try ${api.url}/api/faq/search?q=生育津贴)\n  H5 app  ${h5Url}\n`);
