// First load of the phone app on a throttled 3G profile (issue 15 target: under 3 s). Not part of make test: a
// measurement, printed, nothing asserted. A demo server serving a copy of the built web app (web/dist, or
// JW_WEB_ROOT), Debian's Chromium through playwright-core at phone size, and Chromium's own network throttling
// (CDP Network.emulateNetworkConditions) with DevTools' "3G" preset:
//   562.5 ms round trip, 1.6 Mbit/s down, 750 kbit/s up, each less 10 % (DevTools' own figures).
// Each run is a cold load (a fresh browser profile: no HTTP cache, no service worker) of /m/login until the
// user-name field can be typed in; then, in the same profile, a reload with the service worker installed (warm).
// Prints per run the time, requests and bytes on the wire, then the medians. Run:
//   JINGWU_BIN=$PWD/build/release/src/app/jingwu node bench/mobile/first_load.mjs   [JW_BENCH_RUNS=5]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../tests/integration/lib/server.mjs';
import { chromium } from '../../tests/e2e/node_modules/playwright-core/index.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const WEB = path.resolve(process.env.JW_WEB_ROOT || path.join(here, '..', '..', 'web', 'dist'));
const RUNS = Number(process.env.JW_BENCH_RUNS || 5);
const THREE_G = {
  offline: false,
  latency: 562.5,
  downloadThroughput: (1.6 * 1024 * 1024 * 0.9) / 8,
  uploadThroughput: (750 * 1024 * 0.9) / 8,
};
if (!fs.existsSync(path.join(WEB, 'm', 'index.html'))) throw new Error(`no built phone app in ${WEB} (make web)`);

const server = await startServer('bench_mobile');
// the harness serves a stub web root: put the real app there (read per request by the server)
fs.rmSync(server.webRoot, { recursive: true, force: true });
fs.cpSync(WEB, server.webRoot, { recursive: true });

async function load(page, cdp, how) {
  const wire = { requests: 0, bytes: 0, api: [] };
  const urls = new Map();
  const onResp = (e) => {
    wire.requests++;
    urls.set(e.requestId, new URL(e.response.url).pathname);
    if (e.response.url.includes('/api/')) wire.api.push(new URL(e.response.url).pathname);
  };
  const t00 = performance.now();
  const onDone = (e) => {
    wire.bytes += e.encodedDataLength;
    if (process.env.JW_BENCH_VERBOSE && !String(urls.get(e.requestId)).includes(";base64")) console.log(`  ${((performance.now() - t00) / 1000).toFixed(2)} s ${urls.get(e.requestId)} ${(e.encodedDataLength / 1024).toFixed(1)} kB`);
  };
  cdp.on('Network.responseReceived', onResp);
  cdp.on('Network.loadingFinished', onDone);
  const t0 = performance.now();
  if (how === 'goto') await page.goto(`${server.url}/m/login`);
  else await page.reload();
  await page.locator('[data-testid="m-login-username"] input').waitFor({ state: 'visible', timeout: 60_000 });
  const ms = performance.now() - t0;
  cdp.off('Network.responseReceived', onResp);
  cdp.off('Network.loadingFinished', onDone);
  return { ms, ...wire };
}

const cold = [];
const warm = [];
try {
  for (let i = 0; i < RUNS; i++) {
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'jw-bench-m-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'],
      viewport: { width: 375, height: 812 },
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', THREE_G);
      const c = await load(page, cdp, 'goto');
      cold.push(c);
      // the service worker installs and precaches (throttled too); wait until it controls the page, then reload
      await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, { timeout: 120_000 })
        .catch(async () => { await page.reload(); await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, { timeout: 120_000 }); });
      const w = await load(page, cdp, 'reload');
      warm.push(w);
      console.log(`run ${i + 1}: cold ${(c.ms / 1000).toFixed(2)} s (${c.requests} requests, ${(c.bytes / 1024).toFixed(0)} kB on the wire, API before the form: ${c.api.join(' ') || 'none'}); ` +
        `warm ${(w.ms / 1000).toFixed(2)} s (${w.requests} requests, ${(w.bytes / 1024).toFixed(0)} kB)`);
    } finally {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    }
  }
  const median = (a) => a.slice().sort((x, y) => x - y)[Math.floor(a.length / 2)];
  console.log(`3G (562.5 ms RTT, 1.47 Mbit/s down): cold first load median ${(median(cold.map((r) => r.ms)) / 1000).toFixed(2)} s ` +
    `(min ${(Math.min(...cold.map((r) => r.ms)) / 1000).toFixed(2)}, max ${(Math.max(...cold.map((r) => r.ms)) / 1000).toFixed(2)}), ` +
    `warm median ${(median(warm.map((r) => r.ms)) / 1000).toFixed(2)} s; target < 3 s; load average ${os.loadavg()[0].toFixed(1)}`);
} finally {
  await server.cleanup();
}
