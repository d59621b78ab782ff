// What each app of web/dist downloads before its first page shows: the entry script, its static imports
// (modulepreload) and its CSS, raw and gzipped. Usage: node scripts/entry-sizes.mjs [dist]
// Exits 1 when the phone app (/m/) would load the desktop's kit (Element Plus) or charts (ECharts), or when an
// initial file names a font on an outside host (the police network has no internet).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

const dist = process.argv[2] ?? 'dist'

function initialAssets(html) {
  return [...readFileSync(join(dist, html), 'utf8').matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map(
    (m) => m[1],
  )
}

let failed = false
for (const [name, html] of [
  ['desktop /', 'index.html'],
  ['phone /m/', 'm/index.html'],
]) {
  let raw = 0
  let gz = 0
  const assets = initialAssets(html)
  for (const a of assets) {
    const body = readFileSync(join(dist, a))
    raw += body.length
    gz += gzipSync(body, { level: 9 }).length
    if (html.startsWith('m/') && /element-plus|\bElMessage\b|echarts/i.test(body.toString('utf8'))) {
      console.error(`${name}: ${a} carries Element Plus or ECharts`)
      failed = true
    }
    if (/alicdn\.com|fonts\.googleapis/.test(body.toString('utf8'))) {
      console.error(`${name}: ${a} names a font on an outside host`)
      failed = true
    }
  }
  console.log(`${name}: ${assets.length} files, ${(raw / 1024).toFixed(1)} kB raw, ${(gz / 1024).toFixed(1)} kB gzipped`)
}
process.exit(failed ? 1 : 0)
