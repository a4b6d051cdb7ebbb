// npm run bench:load-h5 — the H5 首页's first screen on a slow phone network: a fresh local API
// with the demo data, dist/h5 served gzipped, and Chromium at 390×844 with the network at
// 1.6 Mbit/s down and up and 150 ms latency, and the CPU 4× slower (DevTools protocol
// throttling). Every run is a new browser (a cold cache). Prints the median and the worst of
// the skeleton's first paint, first contentful paint, the first 热门问题 card on screen and the
// JS/CSS bytes sent; fails when the 首页's JavaScript is over 150 KB gzipped.
// Build first: npm run build:h5.
//   node scripts/bench-load-h5.mjs [--runs 5]
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, CHROMIUM_MISSING } from '../test/e2e/chromium.mjs';
import { PHONE } from '../test/e2e/harness.mjs';
import { percentile } from './bench/stats.mjs';
import { startFreshApi } from './lib/api-server.mjs';
import { gzipped, serveStatic } from './lib/static-server.mjs';

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const RUNS = Number(args.runs);
const root = path.resolve(import.meta.dirname, '..');
const distDir = path.join(root, 'dist/h5');

// DevTools protocol units: bytes per second and milliseconds.
const NETWORK = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 1.6e6 / 8 };
const CPU_SLOWDOWN = 4;
const JS_LIMIT = 150_000; // bytes of gzip (150 KB, 1 KB = 1,000 bytes)
const TIMEOUT = 60_000;
// Nothing but loopback: any other host fails at once instead of waiting on the network.
const LOOPBACK_ONLY = '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1';

/**
 * Runs in the page before its own scripts: when the skeleton's text is painted (Element Timing,
 * elementtiming="skeleton" in src/index.html) and the first frame with a 热门问题 card in it.
 */
function watchFirstScreen(apiBase) {
  window.__API_BASE__ = apiBase;
  const marks = {};
  window.__zcLoad = marks;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.identifier === 'skeleton' && marks.skeleton === undefined) marks.skeleton = e.renderTime || e.loadTime;
    }
  }).observe({ type: 'element', buffered: true });
  const look = () => {
    if (marks.cardSeen) return;
    const card = document.querySelector('.zc-hot .zc-entry-card');
    if (!card || !card.checkVisibility() || card.getBoundingClientRect().height === 0) return;
    marks.cardSeen = true;
    // rAF runs just before the frame that draws the card is painted.
    requestAnimationFrame(() => {
      marks.card = performance.now();
      const r = card.getBoundingClientRect();
      marks.cardAboveFold = r.top < innerHeight;
    });
  };
  new MutationObserver(look).observe(document, { childList: true, subtree: true, attributes: true });
}

async function oneRun(appUrl, apiUrl) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, LOOPBACK_ONLY] });
  try {
    const context = await browser.newContext(PHONE);
    await context.addInitScript(watchFirstScreen, apiUrl);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (err) => errors.push(err));

    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', NETWORK);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });

    const requests = new Map();
    let lastActivity = Date.now();
    cdp.on('Network.requestWillBeSent', (e) => {
      lastActivity = Date.now();
      requests.set(e.requestId, { url: e.request.url, type: e.type, bytes: 0, done: false });
    });
    cdp.on('Network.responseReceived', (e) => {
      const r = requests.get(e.requestId);
      if (r) r.type = e.type;
    });
    cdp.on('Network.loadingFinished', (e) => {
      lastActivity = Date.now();
      const r = requests.get(e.requestId);
      if (r) Object.assign(r, { bytes: e.encodedDataLength, done: true });
    });
    cdp.on('Network.loadingFailed', (e) => {
      lastActivity = Date.now();
      const r = requests.get(e.requestId);
      if (r) Object.assign(r, { done: true, failed: e.errorText });
    });

    await page.goto(appUrl, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__zcLoad.card !== undefined, null, { timeout: TIMEOUT, polling: 100 });
    // Let what the page fetches right after (other chunks, the second list) finish, so the bytes are complete.
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && ([...requests.values()].some((r) => !r.done) || Date.now() - lastActivity < 1000)) {
      await new Promise((r) => setTimeout(r, 100));
    }
    const marks = await page.evaluate(() => {
      const paint = Object.fromEntries(performance.getEntriesByType('paint').map((e) => [e.name, e.startTime]));
      return { ...window.__zcLoad, fp: paint['first-paint'], fcp: paint['first-contentful-paint'] };
    });
    if (errors.length) throw new Error(`the page failed: ${errors.map((e) => e.message).join('; ')}`);
    const all = [...requests.values()];
    const elsewhere = all.filter((r) => !/^(https?:\/\/127\.0\.0\.1[:/]|data:|blob:)/.test(r.url));
    const sum = (type) => all.filter((r) => r.type === type && r.url.startsWith(appUrl)).reduce((s, r) => s + r.bytes, 0);
    return {
      ...marks,
      jsBytes: sum('Script'),
      cssBytes: sum('Stylesheet'),
      scripts: all.filter((r) => r.type === 'Script' && r.url.startsWith(appUrl)).map((r) => new URL(r.url).pathname),
      elsewhere: elsewhere.map((r) => r.url),
    };
  } finally {
    await browser.close();
  }
}

const s = (ms) => (ms === undefined || Number.isNaN(ms) ? '–' : `${(ms / 1000).toFixed(2)} s`);
const kB = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;

if (!existsSync(CHROMIUM)) {
  console.error(CHROMIUM_MISSING);
  process.exit(1);
}
if (!existsSync(path.join(distDir, 'index.html'))) {
  console.error(`No H5 build in ${path.relative(root, distDir)}: run npm run build:h5 first.`);
  process.exit(1);
}
console.log(`H5 build of ${statSync(path.join(distDir, 'index.html')).mtime.toLocaleString('sv')}, served gzipped`);
console.log(
  `network ${(NETWORK.downloadThroughput * 8) / 1e6} Mbit/s down and up, ${NETWORK.latency} ms latency; CPU ${CPU_SLOWDOWN}× slower; ` +
    `${PHONE.viewport.width}×${PHONE.viewport.height}; ${RUNS} cold runs\n`,
);

const api = await startFreshApi({ seed: true });
const app = await serveStatic(distDir);
const results = [];
try {
  console.log('run  skeleton  first paint  FCP      first card  JS sent   CSS sent');
  for (let i = 0; i < RUNS; i++) {
    const r = await oneRun(app.url, api.url);
    results.push(r);
    console.log(
      `${String(i + 1).padEnd(5)}${s(r.skeleton).padEnd(10)}${s(r.fp).padEnd(13)}${s(r.fcp).padEnd(9)}` +
        `${s(r.card).padEnd(12)}${kB(r.jsBytes).padEnd(10)}${kB(r.cssBytes)}`,
    );
    for (const url of r.elsewhere) console.log(`     (not loopback, refused: ${url})`);
  }
} finally {
  await app.stop();
  await api.stop();
}

const stat = (key) => results.map((r) => r[key]).filter((v) => v !== undefined);
// Chinese characters take two columns in a terminal.
const pad = (text, width) => text + ' '.repeat(Math.max(0, width - [...text].reduce((w, c) => w + (c > '\u2e80' ? 2 : 1), 0)));
const line = (label, key, fmt) => {
  const v = stat(key);
  if (!v.length) return console.log(`  ${pad(label, 26)} –`);
  console.log(`  ${pad(label, 26)} median ${fmt(percentile(v, 50)).padEnd(10)} worst ${fmt(Math.max(...v))}`);
};
console.log('');
line('skeleton painted', 'skeleton', s);
line('first paint', 'fp', s);
line('first contentful paint', 'fcp', s);
line('first 热门问题 card drawn', 'card', s);
line('JS sent (gzip, headers)', 'jsBytes', kB);
line('CSS sent (gzip, headers)', 'cssBytes', kB);
const belowFold = results.filter((r) => r.cardAboveFold === false).length;
if (belowFold) console.log(`  (the first card was below the fold in ${belowFold} of ${RUNS} runs)`);

// The 首页's JavaScript: every script it loaded, gzipped as the server sends it.
const scripts = [...new Set(results.flatMap((r) => r.scripts))];
let jsTotal = 0;
console.log('\n首页 JavaScript (gzip):');
for (const p of scripts) {
  const bytes = gzipped(path.join(distDir, p)).length;
  jsTotal += bytes;
  console.log(`  ${kB(bytes).padStart(9)}  ${p}`);
}
const ok = jsTotal <= JS_LIMIT;
console.log(`  ${kB(jsTotal).padStart(9)}  in all, limit ${kB(JS_LIMIT)}: ${ok ? 'ok' : 'OVER'}`);
process.exit(ok ? 0 : 1);
