/**
 * `tuan report` on the sample data, opened in headless Chromium (Debian's /usr/bin/chromium, driven by
 * playwright-core; no browser download): no console errors, no request but the file itself, the five charts
 * visible at phone and desktop width, screenshots taken, and A4 print with a page per section.
 * Without Chromium the test is skipped on a workstation, but fails in CI (CI=true): CI must install it (.ci/run).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { ROOT, runTuan, workdir } from '../helpers/run-tuan.js';

const CHROMIUM = '/usr/bin/chromium';
const HAVE = existsSync(CHROMIUM);
const IN_CI = /^(true|1)$/i.test(process.env.CI ?? '');
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

it.runIf(!HAVE && IN_CI)('Chromium is installed in CI (the browser test must not be skipped there)', () => {
  expect(existsSync(CHROMIUM), `${CHROMIUM} is missing: .ci/run installs the Debian package chromium`).toBe(true);
});

describe.skipIf(!HAVE)('tuan report in headless Chromium', () => {
  let dir: string;
  let profile: string;
  let browser: BrowserContext;

  beforeAll(async () => {
    dir = workdir();
    const data = (f: string) => join(ROOT, 'data', f);
    expect((await runTuan(['import', data('sample-orders.csv'), '--leaders', data('leaders.csv')], { cwd: dir })).code).toBe(0);
    expect((await runTuan(['import', data('ktt-export.csv'), '--leader', 'L004'], { cwd: dir })).code).toBe(0);
    for (const lang of ['zh-CN', 'en']) {
      expect((await runTuan(['report', '--as-of', '2026-10-31', '--lang', lang, '--out', `report-${lang}.html`], { cwd: dir })).code).toBe(
        0,
      );
    }
    profile = mkdtempSync(join(tmpdir(), 'tuan-chromium-'));
    browser = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS, viewport: PHONE });
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  interface Opened {
    page: Page;
    url: string;
    requests: string[];
    errors: string[];
  }

  async function open(lang: string, viewport: { width: number; height: number }): Promise<Opened> {
    const page = await browser.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    await page.setViewportSize(viewport);
    const url = pathToFileURL(join(dir, `report-${lang}.html`)).href;
    await page.goto(url, { waitUntil: 'load' });
    return { page, url, requests, errors };
  }

  interface Layout {
    charts: { width: number; height: number; left: number; right: number; visible: boolean }[];
    scrollWidth: number;
    innerWidth: number;
  }

  /** Boxes of the chart SVGs and the page's scroll width (browser-side code as text: the tests compile without the DOM library). */
  const layout = (page: Page) =>
    page.evaluate<Layout>(`({
    charts: [...document.querySelectorAll('svg')].map((s) => {
      const r = s.getBoundingClientRect();
      return { width: r.width, height: r.height, left: r.left, right: r.right, visible: getComputedStyle(s).visibility === 'visible' };
    }),
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  })`);

  it.each(['zh-CN', 'en'])(
    '%s at phone width: no request but the file, no console error, charts visible and inside the screen',
    async (lang) => {
      const { page, url, requests, errors } = await open(lang, PHONE);
      const l = await layout(page);
      // stages, 8 classes, migration, RFM, cohort retention, and the model check of 谁最可能回来
      expect(l.charts.length).toBe(6);
      expect(l.charts.filter((c) => c.width > 0 && c.height > 0 && c.visible).length).toBe(6);
      for (const c of l.charts) {
        expect(c.left).toBeGreaterThanOrEqual(0);
        expect(c.right).toBeLessThanOrEqual(PHONE.width);
      }
      expect(l.scrollWidth).toBeLessThanOrEqual(l.innerWidth); // wide tables scroll inside their box, not the page
      const shot = join(dir, `phone-${lang}.png`);
      await page.screenshot({ path: shot, fullPage: true });
      expect(readFileSync(shot).subarray(1, 4).toString()).toBe('PNG');
      expect(requests).toEqual([url]);
      expect(errors).toEqual([]);
      await page.close();
    },
  );

  it.each(['zh-CN', 'en'])('%s at desktop width: charts visible, no wider than their max-width', async (lang) => {
    const { page, url, requests, errors } = await open(lang, DESKTOP);
    const l = await layout(page);
    expect(l.charts.filter((c) => c.width > 0 && c.height > 0 && c.visible).length).toBe(6);
    for (const c of l.charts) expect(c.width).toBeLessThanOrEqual(560);
    expect(l.scrollWidth).toBeLessThanOrEqual(l.innerWidth);
    const shot = join(dir, `desktop-${lang}.png`);
    await page.screenshot({ path: shot, fullPage: true });
    expect(readFileSync(shot).length).toBeGreaterThan(50_000);
    expect(requests).toEqual([url]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('prints on A4: white page, every section after the first on a new page', async () => {
    const { page, errors } = await open('zh-CN', DESKTOP);
    await page.emulateMedia({ media: 'print' });
    const style = await page.evaluate<{ background: string; breaks: string[] }>(`({
      background: getComputedStyle(document.body).backgroundColor,
      breaks: [...document.querySelectorAll('section')].map((s) => getComputedStyle(s).breakBefore),
    })`);
    expect(style.background).toBe('rgb(255, 255, 255)');
    expect(style.breaks).toEqual(['auto', 'page', 'page', 'page', 'page', 'page', 'page', 'page', 'page']);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
    expect(pages).toBeGreaterThanOrEqual(9);
    expect(errors).toEqual([]);
    await page.close();
  });
});
