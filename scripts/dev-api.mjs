// npm run dev:api — the API alone on a migrated, seeded local D1.
// PORT (default 8787), DB_DIR (default .data/d1), SEED=none to skip the demo data.
import path from 'node:path';
import { startApi, stopAll } from './lib/api-server.mjs';

const port = Number(process.env.PORT ?? 8787);
const dbDir = path.resolve(process.env.DB_DIR ?? '.data/d1');
// Handlers first, so a stop during start-up does not leave wrangler running.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    await stopAll();
    process.exit(0);
  });
}
const api = await startApi({ port, dbDir, seed: process.env.SEED !== 'none' });
console.log(`API ready at ${api.url}`);
api.child.once('exit', (code) => process.exit(code ?? 1));
