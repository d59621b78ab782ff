// First load of the phone app on a throttled 3G profile (issue 15 target: under 3 s). Not part of make test: a
// measurement, printed, nothing asserted. A demo server serving a copy of the built web app (web/dist, or
// JW_WEB_ROOT), Debian's Chromium through playwright-core at phone size, and Chromium's own network throttling
// (CDP Network.emulateNetworkConditions) with DevTools' "3G" preset:
//   562.5 ms round trip, 1.6 Mbit/s down, 750 kbit/s up, each less 10 % (DevTools' own figures).
// Each run is a cold load (a fresh browser profile: no HTTP cache, no service worker) of /m/login until the
// user-name field can be typed in; then, in the same profile, a reload with the service worker installed (warm).
// Prints per run the time, requests and bytes on the wire, then the medians. Run:
//   JINGWU_BIN=$PWD/build/release/src/app/jingwu node bench/mobile/first_load.mjs   [JW_BENCH_RUNS=5]
// Side by side: JW_WEB_ROOTS=/tmp/dist-before,web/dist alternates the builds run by run on the same server and
// prints each one's medians (the shared machine's load moves the script time from minute to minute; "bytes in"
// — when the last byte before the form arrived — depends on the network profile only).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../tests/integration/lib/server.mjs';
import { chromium } from '../../tests/e2e/node_modules/playwright-core/index.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOTS = (process.env.JW_WEB_ROOTS || process.env.JW_WEB_ROOT || path.join(here, '..', '..', 'web', 'dist'))
  .split(',').map((r) => path.resolve(r));
const RUNS = Number(process.env.JW_BENCH_RUNS || 5);
const THREE_G = {
  offline: false,
  latency: 562.5,
  downloadThroughput: (1.6 * 1024 * 1024 * 0.9) / 8,
  uploadThroughput: (750 * 1024 * 0.9) / 8,
};
for (const web of ROOTS) if (!fs.existsSync(path.join(web, 'm', 'index.html'))) throw new Error(`no built phone app in ${web} (make web)`);

const server = await startServer('bench_mobile');
// the harness serves a stub web root: put the real app there (read per request by the server)

// The files the phone's page names (its document, scripts and style sheets): "bytes in" is when the last arrived.
let critical = new Set();
function serve(web) {
  fs.rmSync(server.webRoot, { recursive: true, force: true });
  fs.cpSync(web, server.webRoot, { recursive: true });
  const html = fs.readFileSync(path.join(web, 'm', 'index.html'), 'utf8');
  critical = new Set(['/m/login', ...[...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1])]);
}

async function load(page, cdp, how) {
  const wire = { requests: 0, bytes: 0, api: [], bytesIn: 0 };
  const urls = new Map();
  const onResp = (e) => {
    wire.requests++;
    urls.set(e.requestId, new URL(e.response.url).pathname);
    if (e.response.url.includes('/api/')) wire.api.push(new URL(e.response.url).pathname);
  };
  const t00 = performance.now();
  const onDone = (e) => {
    wire.bytes += e.encodedDataLength;
    if (critical.has(urls.get(e.requestId))) wire.bytesIn = Math.max(wire.bytesIn, performance.now() - t00);
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

const results = ROOTS.map(() => ({ cold: [], warm: [] }));
try {
  for (let i = 0; i < RUNS * ROOTS.length; i++) {
    const which = i % ROOTS.length;
    const { cold, warm } = results[which];
    serve(ROOTS[which]);
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
      console.log(`run ${Math.floor(i / ROOTS.length) + 1} ${path.basename(path.dirname(ROOTS[which]))}/${path.basename(ROOTS[which])}: cold ${(c.ms / 1000).toFixed(2)} s (bytes in ${(c.bytesIn / 1000).toFixed(2)} s, ${c.requests} requests, ${(c.bytes / 1024).toFixed(0)} kB on the wire, API before the form: ${c.api.join(' ') || 'none'}); ` +
        `warm ${(w.ms / 1000).toFixed(2)} s (${w.requests} requests, ${(w.bytes / 1024).toFixed(0)} kB)`);
    } finally {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    }
  }
  const median = (a) => a.slice().sort((x, y) => x - y)[Math.floor(a.length / 2)];
  const sec = (ms) => (ms / 1000).toFixed(2);
  ROOTS.forEach((web, k) => {
    const { cold, warm } = results[k];
    console.log(`${web}: 3G (562.5 ms RTT, 1.47 Mbit/s down): cold first load median ${sec(median(cold.map((r) => r.ms)))} s ` +
      `(min ${sec(Math.min(...cold.map((r) => r.ms)))}, max ${sec(Math.max(...cold.map((r) => r.ms)))}; bytes in at ${sec(median(cold.map((r) => r.bytesIn)))} s, ` +
      `${(median(cold.map((r) => r.bytes)) / 1024).toFixed(0)} kB), warm median ${sec(median(warm.map((r) => r.ms)))} s; target < 3 s`);
  });
  if (ROOTS.length === 2) {
    const ratio = median(results[0].cold.map((r) => r.ms)) / median(results[1].cold.map((r) => r.ms));
    console.log(`cold first load, first build / second build: ${ratio.toFixed(2)}x`);
  }
  console.log(`load average ${os.loadavg()[0].toFixed(1)}`);
} finally {
  await server.cleanup();
}
