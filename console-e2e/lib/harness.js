// What every browser test shares: the backend under test, headless Chromium, and a page that fails
// the test on any uncaught page error or any failed request the test did not ask for.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = join(HERE, '..', '..');
export const SCREENSHOTS = join(HERE, '..', 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--no-first-run'];

export const ADMIN = { username: 'admin', password: 'dev-only-admin' };

/** The backend: LOYALTY_BASE_URL when set (CI), else the built jar started here and stopped afterwards. */
export async function startBackend() {
  if (process.env.LOYALTY_BASE_URL) return { url: process.env.LOYALTY_BASE_URL.replace(/\/$/, ''), stop() {} };
  const jar = existsSync(join(REPO, 'target'))
    ? readdirSync(join(REPO, 'target')).find((f) => /^loyalty-.*\.jar$/.test(f)) : null;
  if (!jar) {
    throw new Error('No backend: set LOYALTY_BASE_URL, or build the jar first (mvn -DskipTests package) so target/loyalty-*.jar exists');
  }
  const out = execFileSync(join(REPO, '.ci', 'start-backend'), [join(REPO, 'target', jar)], { encoding: 'utf8' }).trim();
  const [url, pid] = out.split(/\s+/);
  return { url, stop: () => { try { process.kill(Number(pid)); } catch (e) { /* already gone */ } } };
}

/**
 * What each test file needs first: the backend, a browser and the first admin's API token. Stop it with
 * {@link stopSuite} after the file's tests.
 */
export async function startSuite() {
  const backend = await startBackend();
  const browser = await launchBrowser();
  const admin = (await call(backend.url, 'POST', '/api/admin/auth/login', ADMIN)).token;
  return { backend, url: backend.url, browser, admin };
}

export async function stopSuite({ backend, browser }) {
  await browser?.close();
  backend?.stop();
}

export async function launchBrowser() {
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install chromium`);
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}

let devices = 0;

/**
 * Each page is a device on a network of its own, as the backend's own tests' clients are (it believes
 * X-Forwarded-For from loopback): a limit per address, such as 20 operator logins a minute, is then not
 * shared by the whole suite, which may run faster than that.
 */
function nextAddress() {
  devices += 1;
  return `10.99.${(devices >> 8) & 255}.${devices & 255}`;
}

/**
 * A fresh page for one test. page.expectFailure(status, urlPart) allows one response the test provokes
 * on purpose; page.finish(name) saves screenshots/<name>.png and fails on anything unexpected.
 */
export async function openPage(browser, baseUrl, { width = 1280, height = 900 } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, acceptDownloads: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai',
    extraHTTPHeaders: { 'X-Forwarded-For': nextAddress() } });
  const page = await context.newPage();
  const problems = [];
  const allowed = [];
  page.on('pageerror', (e) => problems.push(`uncaught page error: ${e.message}`));
  const noContent = new Set();
  page.on('requestfailed', (r) => {
    // a download from a blob: URL ends its request as "aborted": that is the download, not a failure;
    // so does every 204 answer (a DELETE's), after its response arrived
    if (!r.url().startsWith('blob:') && !noContent.has(r)) problems.push(`request failed: ${r.method()} ${r.url()} ${r.failure()?.errorText}`);
  });
  page.on('response', (r) => {
    if (r.status() === 204) noContent.add(r.request());
    if (r.status() < 400) return;
    const i = allowed.findIndex((a) => a.status === r.status() && r.url().includes(a.urlPart));
    if (i >= 0) allowed.splice(i, 1);
    else problems.push(`unexpected HTTP ${r.status()}: ${r.request().method()} ${r.url()}`);
  });
  page.expectFailure = (status, urlPart) => allowed.push({ status, urlPart });
  page.shoot = (name) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  page.problems = problems;
  page.baseUrl = baseUrl;
  return page;
}

/** Runs body(page); always saves the screenshot (a failure keeps it), then fails on unexpected problems. */
export async function withPage(browser, baseUrl, name, body, size) {
  const page = await openPage(browser, baseUrl, size);
  try {
    await body(page);
  } catch (e) {
    if (page.problems.length) e.message += `\nand the page had problems:\n${page.problems.join('\n')}`;
    throw e;
  } finally {
    await page.shoot(name).catch(() => {});
    await page.context().close();
  }
  if (page.problems.length) throw new Error(`the page had problems:\n${page.problems.join('\n')}`);
}

/**
 * Logs in through the form (the admin unless another account is given) and waits until the console
 * knows who is logged in and the page it lands on has loaded (the dashboard, for the admin).
 */
export async function logIn(page, account = ADMIN) {
  await page.goto(`${page.baseUrl}/admin/`);
  await page.fill('input[name=username]', account.username);
  await page.fill('input[name=password]', account.password);
  await page.click('button[type=submit]');
  await page.waitForSelector('[data-me]');
  // the login is no navigation, so 'networkidle' was reached before it: wait for what the page shows
  if (account === ADMIN) await page.locator('[data-overview]').waitFor();
  await page.waitForFunction(() => !document.querySelector('.state.loading'));
}

/** A JSON call to the API outside the browser (member sign-ins and such). */
export async function call(baseUrl, method, path, body, token) {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

/** A JSON call that is expected to fail: {status, problem}. */
export async function callFailing(baseUrl, method, path, body, token) {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.ok) throw new Error(`${method} ${path} → ${response.status}, expected a failure`);
  const text = await response.text();
  return { status: response.status, problem: text ? JSON.parse(text) : null };
}
