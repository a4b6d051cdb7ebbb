// npm run invite -- --role office --unit u_office [--name 周文] [--remote] [--app-url https://…]
// Prints a staff invitation (7 days, one use), written straight into D1: how a new district gets
// its first office account without any database surgery. Without --remote it writes to the local
// D1 that `npm start` / `npm run dev:api` use (DB_DIR, default .data/d1).
import { spawnSync } from 'node:child_process';
import { createHash, randomInt } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { migrate, wranglerEnv } from './lib/api-server.mjs';

const ROLES = ['answerer', 'editor', 'office'];
/** The same alphabet as the worker's invitations: no 0/O, 1/I/L. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

const { values } = parseArgs({
  options: {
    role: { type: 'string', default: 'office' },
    unit: { type: 'string', default: 'u_office' },
    name: { type: 'string' },
    remote: { type: 'boolean', default: false },
    'app-url': { type: 'string', default: process.env.APP_URL ?? '' },
  },
});
if (!ROLES.includes(values.role)) throw new Error(`--role must be one of ${ROLES.join(', ')}`);
if (!/^[a-z0-9_]{1,40}$/.test(values.unit)) throw new Error('--unit must be a unit id such as u_office');

const root = path.resolve(import.meta.dirname, '..');
const dbDir = path.resolve(process.env.DB_DIR ?? '.data/d1');
const code = Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
const hash = createHash('sha256').update(`invitation:${code}`).digest('hex');
const now = new Date();
const expires = new Date(now.getTime() + 7 * 86_400_000);
const quote = (s) => `'${String(s).replaceAll("'", "''")}'`;
const id = `inv_${Array.from({ length: 16 }, () => '0123456789abcdefghijklmnopqrstuv'[randomInt(32)]).join('')}`;
// Written only if the unit exists and is in service; the check below reads the row back.
const sql = `INSERT INTO invitations (id, code_hash, unit_id, role, name, created_by, created_at, expires_at)
  SELECT ${quote(id)}, ${quote(hash)}, id, ${quote(values.role)}, ${values.name ? quote(values.name) : 'NULL'}, NULL, ${quote(now.toISOString())}, ${quote(expires.toISOString())}
  FROM units WHERE id = ${quote(values.unit)} AND retired_at IS NULL;
  SELECT COUNT(*) AS n FROM invitations WHERE id = ${quote(id)};`;

if (!values.remote) migrate(dbDir);
const where = values.remote ? ['--remote'] : ['--local', '--persist-to', dbDir];
const r = spawnSync(path.join(root, 'node_modules/.bin/wrangler'), ['d1', 'execute', 'DB', ...where, '--json', '--command', sql], {
  cwd: root,
  env: wranglerEnv(),
  encoding: 'utf8',
});
if (r.status !== 0) throw new Error(`wrangler d1 execute failed:\n${r.stdout}\n${r.stderr}`);
const results = JSON.parse(r.stdout);
if (results.at(-1)?.results?.[0]?.n !== 1) throw new Error(`no unit ${values.unit} in service: nothing was written`);

const shown = `${code.slice(0, 4)}-${code.slice(4)}`;
console.log(`邀请码 ${shown}（${values.role}，${values.unit}，${expires.toISOString().slice(0, 10)} 前有效，只能使用一次）`);
if (values['app-url']) console.log(`链接 ${values['app-url'].replace(/\/+$/, '')}/pages/staff/redeem/index?code=${code}`);
console.log('对方登录后在「我的 → 输入邀请码」输入即可。');
