// Shared set-up of the browser tests: the machine's Chromium (never a downloaded one), a fresh profile per run,
// and a login through the real Keycloak page.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const consoleUrl = process.env.SHOUWANG_CONSOLE_URL ?? 'http://localhost:8080/';
export const keycloakUrl = process.env.SHOUWANG_KEYCLOAK_URL ?? 'http://localhost:8180';
export const artefacts = path.resolve(import.meta.dirname, '..', 'target', 'e2e-screenshots');
fs.mkdirSync(artefacts, { recursive: true });

export async function launch() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'shouwang-console-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1366, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  context.setDefaultTimeout(30_000);
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Opens the console at ROUTE as USER, logging in on Keycloak's own page. */
export async function loginAs(context, user, route = '') {
  // A fresh Keycloak session for every user: the previous user's SSO cookie would log the next one in silently.
  await context.clearCookies();
  const page = await context.newPage();
  await page.goto(consoleUrl + route);
  await page.waitForURL(/\/realms\/shouwang\/protocol\/openid-connect\/auth/);
  await page.fill('#username', user);
  await page.fill('#password', 'shouwang');
  await page.click('#kc-login');
  await page.waitForSelector('.brand');
  return page;
}

export async function screenshot(page, name) {
  // The picture of a screen once its calls have answered, not of its empty first frame.
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: path.join(artefacts, `${name}.png`), fullPage: true });
}

/** A token for API set-up and cross-checks, from the same issuer the browser uses. */
export async function token(user) {
  const response = await fetch(`${keycloakUrl}/realms/shouwang/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: 'shouwang-cli', username: user, password: 'shouwang' }),
  });
  if (!response.ok) throw new Error(`no token for ${user}: ${response.status} ${await response.text()}`);
  return (await response.json()).access_token;
}

export async function api(user, url, init = {}) {
  const response = await fetch(url, {
    ...init,
    headers: { Authorization: `Bearer ${await token(user)}`, 'Content-Type': 'application/json', ...(init.headers ?? {}) },
  });
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${url}: ${response.status} ${await response.text()}`);
  return response.status === 204 ? null : response.json();
}
