// npm run bench:size — what a phone downloads: the weapp main package (limit 700 KB here, so a
// resident's first open stays quick on a slow network; WeChat allows 2 MB), each sub-package,
// and the H5 build. Build first: npm run build:weapp, build:h5.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const weapp = path.join(root, 'dist/weapp');
const h5 = path.join(root, 'dist/h5');
const MAIN_LIMIT = 700 * 1024;

/** Files WeChat devtools uploads: not the licence notes, not the devtools project file. */
const uploaded = (file) => !file.endsWith('.LICENSE.txt') && path.basename(file) !== 'project.config.json';

function files(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.join(d.parentPath, d.name));
}

const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;
const total = (list) => list.reduce((sum, f) => sum + statSync(f).size, 0);

if (!existsSync(path.join(weapp, 'app.json'))) {
  console.error('No weapp build in dist/weapp: run npm run build:weapp first.');
  process.exit(1);
}
const app = JSON.parse(readFileSync(path.join(weapp, 'app.json'), 'utf8'));
const roots = (app.subPackages ?? app.subpackages ?? []).map((p) => p.root.replace(/\/$/, ''));
const all = files(weapp).filter(uploaded);
const inRoot = (f, r) => path.relative(weapp, f).startsWith(`${r}/`);

const main = all.filter((f) => !roots.some((r) => inRoot(f, r)));
const mainBytes = total(main);
console.log(`weapp main package: ${kb(mainBytes)} (${main.length} files), limit ${kb(MAIN_LIMIT)}: ${mainBytes <= MAIN_LIMIT ? 'ok' : 'OVER'}`);
for (const r of roots) {
  const sub = all.filter((f) => inRoot(f, r));
  console.log(`weapp sub-package ${r}: ${kb(total(sub))} (${sub.length} files)`);
}
if (existsSync(h5)) {
  const web = files(h5);
  const js = web.filter((f) => f.endsWith('.js'));
  console.log(`h5 build: ${kb(total(web))} in all, ${kb(total(js))} of JavaScript (${web.length} files)`);
}
process.exit(mainBytes <= MAIN_LIMIT ? 0 : 1);
