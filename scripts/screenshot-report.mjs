#!/usr/bin/env node
// Regenerates docs/report-desktop.png and docs/report-phone.png: the sample data (data/) imported into a temp
// database, `tuan report --as-of 2026-10-31`, opened in Debian's Chromium (/usr/bin/chromium) through
// playwright-core, full-page screenshots at 1280×900 and 390×844. Needs `npm run build` first, the `chromium`
// package and a CJK font (Debian: fonts-noto-cjk) for the Chinese text. Never downloads a browser.
//   npm run build && node scripts/screenshot-report.mjs [--lang en]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = '/usr/bin/chromium';
const lang = process.argv.includes('--lang') ? process.argv[process.argv.indexOf('--lang') + 1] : 'zh-CN';
const suffix = lang === 'zh-CN' ? '' : `-${lang}`;
if (!existsSync(join(ROOT, 'dist/bin.js'))) throw new Error('dist/ missing: run npm run build first');
if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} missing: apt-get install chromium`);

const work = mkdtempSync(join(tmpdir(), 'tuan-shots-'));
const tuan = (...args) =>
  execFileSync(process.execPath, [join(ROOT, 'bin/tuan.js'), ...args], {
    cwd: work,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
tuan('import', join(ROOT, 'data/sample-orders.csv'), '--leaders', join(ROOT, 'data/leaders.csv'));
tuan('import', join(ROOT, 'data/ktt-export.csv'), '--leader', 'L004');
tuan('report', '--as-of', '2026-10-31', '--lang', lang, '--out', 'report.html');

const profile = mkdtempSync(join(tmpdir(), 'tuan-chromium-'));
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM,
  headless: true,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
try {
  for (const [name, viewport] of [
    ['desktop', { width: 1280, height: 900 }],
    ['phone', { width: 390, height: 844 }],
  ]) {
    const page = await browser.newPage();
    const problems = [];
    const url = pathToFileURL(join(work, 'report.html')).href;
    page.on('request', (r) => {
      if (r.url() !== url) problems.push(`request ${r.url()}`);
    });
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console ${m.text()}`);
    });
    await page.setViewportSize(viewport);
    await page.goto(url, { waitUntil: 'load' });
    const out = join(ROOT, 'docs', `report-${name}${suffix}.png`);
    await page.screenshot({ path: out, fullPage: true });
    if (problems.length) throw new Error(problems.join('\n'));
    console.log(`wrote ${out.slice(ROOT.length + 1)} (${viewport.width}×${viewport.height}, full page)`);
    await page.close();
  }
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
}
