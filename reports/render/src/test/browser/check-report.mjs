// Opens each report page in headless Debian Chromium (Playwright gives it a fresh, empty profile) (light, then dark colour scheme) and prints one
// JSON line per page and scheme: how many charts the page says it drew, which canvases stayed
// blank, every request the page made beyond its own file, console errors, page errors, and where
// the full-page screenshot went. The JUnit test that runs this script makes the assertions.
//
// usage: node check-report.mjs SCREENSHOT_DIR REPORT.html [REPORT.html ...]
import { chromium } from 'playwright-core';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import fs from 'node:fs';

const [shotDir, ...pages] = process.argv.slice(2);
if (!shotDir || pages.length === 0) {
  console.error('usage: node check-report.mjs SCREENSHOT_DIR REPORT.html [REPORT.html ...]');
  process.exit(2);
}
fs.mkdirSync(shotDir, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  timeout: 60000,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
try {
  for (const file of pages) {
    for (const scheme of ['light', 'dark']) {
      const url = pathToFileURL(path.resolve(file)).href;
      const context = await browser.newContext({ colorScheme: scheme, viewport: { width: 1366, height: 900 } });
      const requests = [];
      const consoleErrors = [];
      const pageErrors = [];
      // Anything but the page itself is recorded and refused, so nothing can leave the machine.
      await context.route('**/*', (route) => {
        const u = route.request().url();
        if (u === url) return route.continue();
        requests.push(u);
        return route.abort();
      });
      const page = await context.newPage();
      page.on('request', (r) => { if (r.url() !== url && !requests.includes(r.url())) requests.push(r.url()); });
      page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
      page.on('pageerror', (e) => pageErrors.push(String(e)));
      await page.goto(url, { waitUntil: 'load', timeout: 60000 });
      let charts = null;
      try {
        await page.waitForFunction(() => document.documentElement.dataset.chartsRendered !== undefined, null, { timeout: 30000 });
        charts = Number(await page.evaluate(() => document.documentElement.dataset.chartsRendered));
      } catch (e) {
        pageErrors.push('charts never reported rendering: ' + e.message.split('\n')[0]);
      }
      const canvases = await page.evaluate(() => Array.from(document.querySelectorAll('canvas')).map((c) => {
        const ctx = c.getContext('2d');
        const data = c.width && c.height ? ctx.getImageData(0, 0, c.width, c.height).data : [];
        let painted = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) painted++;
        return { id: c.id, width: c.width, height: c.height, painted };
      }));
      // What each Chart.js chart holds: datasets and the points that have a value.
      const drawn = await page.evaluate(() => (window.Chart ? Object.values(window.Chart.instances) : []).map((c) => ({
        id: c.canvas.id,
        datasets: c.data.datasets.length,
        points: c.data.datasets.reduce((n, d) => n + d.data.filter((p) => p != null && (typeof p !== 'object' || p.y != null || p.x != null)).length, 0),
      })));
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      const faultWindows = Number(await page.evaluate(() => document.documentElement.dataset.faultWindowsDrawn || 0));
      const shot = path.join(shotDir, path.basename(path.dirname(path.resolve(file))) + '-' + path.basename(file, '.html') + '-' + scheme + '.png');
      await page.screenshot({ path: shot, fullPage: true });
      console.log(JSON.stringify({ file, scheme, charts, canvases, drawn, requests, consoleErrors, pageErrors, background, faultWindows, screenshot: shot }));
      await context.close();
    }
  }
} finally {
  await browser.close();
}
