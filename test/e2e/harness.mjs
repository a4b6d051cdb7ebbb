// End-to-end harness: the real API (scripts/lib/api-server.mjs: wrangler dev on a fresh, seeded local D1), the H5 build
// served from dist/h5, and Chromium driven by playwright-core at phone size.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach } from 'node:test';
import { chromium } from 'playwright-core';
import { freePort, startFreshApi } from '../../scripts/lib/api-server.mjs';
import { serveStatic } from '../../scripts/lib/static-server.mjs';
import { CHROMIUM, CHROMIUM_ARGS, CHROMIUM_MISSING } from './chromium.mjs';

export const root = path.resolve(import.meta.dirname, '../..');
const distDir = path.join(root, 'dist/h5');
const shotsDir = path.join(root, '.screenshots');

export const PHONE = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
};

/** Fails early, with the fix, when the machine lacks what the tests need. */
export function checkPrerequisites() {
  if (!existsSync(CHROMIUM)) throw new Error(CHROMIUM_MISSING);
  if (!existsSync(path.join(distDir, 'index.html'))) {
    throw new Error(`The H5 build is missing (${distDir}/index.html). Build it first: npm run build:h5`);
  }
}

export { freePort };

/** Serves dist/h5; any path that is not a file gets index.html (the app routes in the browser). */
export function serveApp() {
  return serveStatic(distDir, { gzip: false });
}

// A flight recorder: what each page of a test did (API answers, failed requests, console errors,
// navigations) and the text it showed when its context closed, printed only if the test fails,
// so that a failure seen once in CI can be read afterwards.
const flight = [];

function record(page) {
  const t0 = Date.now();
  const log = [];
  const at = () => `+${((Date.now() - t0) / 1000).toFixed(2)}s`;
  const short = (url) => {
    const u = new URL(url);
    return `${u.pathname}${u.search}`.slice(0, 140);
  };
  page.on('framenavigated', (f) => f === page.mainFrame() && log.push(`${at()} page ${short(f.url())}`));
  page.on('response', (r) => {
    if (r.status() >= 400 || new URL(r.url()).pathname.startsWith('/api/')) log.push(`${at()} ${r.status()} ${r.request().method()} ${short(r.url())}`);
  });
  page.on('requestfailed', (r) => log.push(`${at()} failed ${r.method()} ${short(r.url())}: ${r.failure()?.errorText}`));
  page.on('console', (m) => ['error', 'warning'].includes(m.type()) && log.push(`${at()} console.${m.type()} ${m.text().slice(0, 300)}`));
  page.on('pageerror', (e) => log.push(`${at()} pageerror ${e.message.slice(0, 300)}`));
  flight.push({ page, log, text: null });
}

afterEach((t) => {
  if (t.passed === false) {
    flight.forEach(({ page, log, text }, i) => {
      console.error(`\n--- page ${i + 1} of 「${t.name}」: ${page.isClosed() ? '' : page.url()}\n${log.join('\n')}`);
      if (text !== null) console.error(`--- its text when closed:\n${text.slice(0, 1500)}`);
    });
  }
  flight.length = 0;
});

export async function launchBrowser() {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (...args) => {
    const context = await newContext(...args);
    context.on('page', record);
    const close = context.close.bind(context);
    context.close = async (...closeArgs) => {
      for (const f of flight) {
        if (f.page.context() === context && !f.page.isClosed()) f.text = await f.page.locator('body').innerText({ timeout: 1000 }).catch(() => null);
      }
      return close(...closeArgs);
    };
    return context;
  };
  return browser;
}

/** A fresh phone-sized context (its own storage: a new visitor) pointed at `apiUrl`. */
export async function newPhone(browser, apiUrl) {
  const context = await browser.newContext(PHONE);
  await context.addInitScript((base) => {
    window.__API_BASE__ = base;
  }, apiUrl);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (err) => errors.push(err));
  return { context, page, errors };
}

/** Everything one test file needs; `stop()` tears it down in reverse order. */
export async function startStack({ api = true } = {}) {
  checkPrerequisites();
  const started = [];
  try {
    const apiServer = api ? await startFreshApi({ seed: true }) : null;
    if (apiServer) started.push(apiServer);
    const app = await serveApp();
    started.push(app);
    const browser = await launchBrowser();
    started.push({ stop: () => browser.close() });
    return {
      apiUrl: apiServer?.url ?? null,
      /** SQL against the API's database, for setup the API offers no way to do. */
      sql: apiServer?.sql,
      appUrl: app.url,
      browser,
      stop: () => stopAll(started),
    };
  } catch (err) {
    await stopAll(started);
    throw err;
  }
}

async function stopAll(started) {
  for (const s of started.reverse()) {
    try {
      await s.stop();
    } catch {
      // keep tearing down the rest
    }
  }
}

/** A phone-sized screenshot in .screenshots/ (gitignored), for people to look at. */
export async function shot(page, name) {
  mkdirSync(shotsDir, { recursive: true });
  // Let transitions settle and toasts go, so the picture shows the resting screen.
  await page
    .waitForFunction(
      () => [...document.querySelectorAll('.taro__toast')].every((t) => getComputedStyle(t).display === 'none'),
      null,
      { timeout: 4000 },
    )
    .catch(() => {});
  await page.waitForTimeout(350);
  await page.screenshot({ path: path.join(shotsDir, `${name}.png`) });
}

/** Dev sign-in through its form (offered on 我的 where the API has it) as staff (`editor` or `office`) of `unitName`, optionally named. */
export async function signInStaff(page, appUrl, role, unitName, name = '') {
  await page.goto(`${appUrl}/pages/staff/dev/index`);
  await page.locator('.zc-sign-in').waitFor();
  await page.locator(`.zc-role-${role}`).click();
  await page.locator('.zc-unit-field').click();
  await page.locator('.zc-unit-option', { hasText: unitName }).click();
  if (name) await page.locator('.zc-name-input input').fill(name);
  await submitDevSignIn(page);
}

/** Signs in on the dev form, then waits until 我的 has checked the new session with the server (it does as it opens). */
export async function submitDevSignIn(page) {
  const checked = Promise.all(['/api/me', '/api/auth/sessions'].map((p) => page.waitForResponse((r) => new URL(r.url()).pathname === p)));
  await page.locator('.nut-button.zc-sign-in-submit').click();
  await page.locator('.zc-staff-card').waitFor();
  await checked;
}

let phoneSeq = 0;
/** A mobile number no other test in this run uses. */
export function freshPhone() {
  phoneSeq += 1;
  return `136${String(process.pid % 10000).padStart(4, '0')}${String(phoneSeq).padStart(4, '0')}`;
}

/** The last sign-in code the development SMS sender sent to `phone` (as a resident reads it off their phone). */
export async function lastCode(apiUrl, phone) {
  for (let i = 0; i < 40; i++) {
    const { items } = await apiCall(apiUrl, 'GET', `/api/dev/sms?phone=${phone}`);
    const code = /验证码 (\d{6})/.exec(items.at(-1) ?? '')?.[1];
    if (code) return code;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no code was sent to ${phone}`);
}

/** Fills a phone-code form (PhoneSignIn, or 我要咨询's code row): 获取验证码, then the code from the development sender. */
export async function enterCode(page, apiUrl, phone, scope = page) {
  await scope.locator('.nut-button.zc-send-code').click();
  await page.waitForFunction(() => /秒后重发/.test(document.querySelector('.zc-send-code')?.textContent ?? ''));
  await scope.locator('.zc-code-input input').fill(await lastCode(apiUrl, phone));
}

/** Signs a resident in on this phone (H5: a phone code), through 我的咨询's sign-in card. */
export async function signInResident(page, stack, phone = freshPhone()) {
  await page.goto(`${stack.appUrl}/pages/inquiries/index`);
  const card = page.locator('.zc-phone-sign-in');
  await card.waitFor();
  await card.locator('.zc-phone-input input').fill(phone);
  await enterCode(page, stack.apiUrl, phone, card);
  await card.locator('.nut-button.zc-phone-submit').click();
  await page.locator('.zc-phone-sign-in').waitFor({ state: 'detached' });
  return phone;
}

/** Calls the API directly (setup and cross-checks only; the tests act through the UI). */
export async function apiCall(apiUrl, method, pathname, { token, body } = {}) {
  const res = await fetch(`${apiUrl}${pathname}`, {
    method,
    headers: {
      ...(body ? { 'Content-Type': 'application/json' } : {}),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const data = await res.json();
  if (!res.ok) throw new Error(`${method} ${pathname} → ${res.status} ${JSON.stringify(data)}`);
  return data;
}

/** The visible text of the elements matching `selector`, trimmed. */
export async function texts(page, selector) {
  return (await page.locator(selector).allInnerTexts()).map((t) => t.trim());
}

/** Waits until a suggestion panel (首页's, or 我要咨询's) shows the answer for exactly `query` (not an older one). */
export async function suggestionsFor(page, query, panelSelector = '.zc-suggestions') {
  await page.waitForFunction(
    ([q, selector]) => {
      const panel = document.querySelector(selector);
      return panel?.getAttribute('data-status') === 'ok' && panel.getAttribute('data-query') === q;
    },
    [query.trim(), panelSelector],
    { timeout: 10000 },
  );
}
