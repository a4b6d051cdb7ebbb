// npm start — the API on a migrated, seeded local D1 (http://127.0.0.1:8787) and the H5 app
// with live reload. Ctrl-C stops both.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { startApi } from './lib/api-server.mjs';

const root = path.resolve(import.meta.dirname, '..');
const apiPort = Number(process.env.PORT ?? 8787);
const h5Port = Number(process.env.H5_PORT ?? 10086);

const api = await startApi({ port: apiPort, dbDir: path.resolve(process.env.DB_DIR ?? '.data/d1') });
console.log(`API ready at ${api.url}`);

const h5 = spawn(path.join(root, 'node_modules/.bin/taro'), ['build', '--type', 'h5', '--watch', '--no-check'], {
  cwd: root,
  env: { ...process.env, TARO_APP_API: api.url, H5_PORT: String(h5Port) },
  stdio: ['ignore', 'pipe', 'inherit'],
});
h5.stdout.pipe(process.stdout);

const h5Url = `http://127.0.0.1:${h5Port}`;
(async () => {
  for (;;) {
    try {
      if ((await fetch(h5Url)).ok) break;
    } catch {
      // still compiling
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  console.log(`\n  政策咨询台 is running\n  API     ${api.url}   (try ${api.url}/api/faq/search?q=生育津贴)\n  H5 app  ${h5Url}\n`);
})();

const stopAll = async () => {
  h5.kill('SIGTERM');
  await api.stop();
  process.exit(0);
};
process.on('SIGINT', stopAll);
process.on('SIGTERM', stopAll);
h5.once('exit', async (code) => {
  await api.stop();
  process.exit(code ?? 1);
});
