// npm run dev:api — the API alone on a migrated, seeded local D1.
// PORT (default 8787), DB_DIR (default .data/d1), SEED=none to skip the demo data.
import path from 'node:path';
import { startApi } from './lib/api-server.mjs';

const port = Number(process.env.PORT ?? 8787);
const dbDir = path.resolve(process.env.DB_DIR ?? '.data/d1');
const api = await startApi({ port, dbDir, seed: process.env.SEED !== 'none' });
console.log(`API ready at ${api.url}`);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    await api.stop();
    process.exit(0);
  });
}
api.child.once('exit', (code) => process.exit(code ?? 1));
