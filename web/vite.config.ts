/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync, constants as zlib } from 'node:zlib'
import { defineConfig, type Plugin } from 'vite'
import vue from '@vitejs/plugin-vue'
import { VitePWA } from 'vite-plugin-pwa'

const server = process.env.JW_API ?? 'http://127.0.0.1:8080'
const page = (p: string) => fileURLToPath(new URL(p, import.meta.url))

// Two apps in one project (ADR 0039): the desktop (index.html, Element Plus) and the phone (m/index.html, Vant)
// at /m/. The dev server sends the phone's deep links to the phone page, as the jingwu server does.
function phoneFallback(): Plugin {
  return {
    name: 'jw-phone-fallback',
    configureServer(s) {
      s.middlewares.use((req, _res, next) => {
        const path = (req.url ?? '').split('?')[0]
        if ((path === '/m' || path.startsWith('/m/')) && !/\.[a-z0-9]+$/i.test(path)) req.url = '/m/index.html'
        next()
      })
    },
  }
}

// Vant's icon font is inlined (data:) with a fallback on a public CDN. The police network has no internet and the
// phone app must work offline: drop the remote fallback so that no page ever names an outside host.
function noRemoteFonts(): Plugin {
  return {
    name: 'jw-no-remote-fonts',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]vant[\\/]es[\\/]icon[\\/]index\.css$/.test(id)) return null
      return { code: code.replace(/,url\(\/\/at\.alicdn\.com\/[^)]*\) format\("woff"\)/g, ''), map: null }
    },
  }
}

// The phone app's own files: its entry chunk and everything it imports, statically or lazily (every page, so
// each works offline), with their CSS. Only these are precached by the phone's service worker (ADR 0053): the
// desktop's files (Element Plus, ECharts) never go to the phone.
const phoneFiles = new Set<string>()
function collectPhoneFiles(): Plugin {
  return {
    name: 'jw-phone-files',
    apply: 'build',
    generateBundle(_options, bundle) {
      phoneFiles.clear()
      const visit = (name: string): void => {
        const chunk = bundle[name]
        if (!chunk || phoneFiles.has(name)) return
        phoneFiles.add(name)
        if (chunk.type !== 'chunk') return
        for (const css of chunk.viteMetadata?.importedCss ?? []) phoneFiles.add(css)
        for (const asset of chunk.viteMetadata?.importedAssets ?? []) phoneFiles.add(asset)
        for (const dep of [...chunk.imports, ...chunk.dynamicImports]) visit(dep)
      }
      for (const [name, chunk] of Object.entries(bundle)) {
        if (chunk.type === 'chunk' && chunk.isEntry && chunk.name === 'm') visit(name)
      }
    },
  }
}

// A gzip copy beside every script, style sheet and SVG of the build over 1 kB (`x.js.gz`): the server sends it to a
// browser that accepts gzip (http/static_files.hpp). The phone's first load on 3G carries a third of the bytes
// (issue 15, ADR 0059). Node's own zlib: no package.
function gzipCopies(): Plugin {
  return {
    name: 'jw-gzip-copies',
    apply: 'build',
    writeBundle(options, bundle) {
      const dir = options.dir ?? 'dist'
      for (const [name, item] of Object.entries(bundle)) {
        if (!/\.(js|css|svg)$/.test(name)) continue
        const data = item.type === 'chunk' ? Buffer.from(item.code) : Buffer.from(item.source)
        if (data.length < 1024) continue
        writeFileSync(join(dir, `${name}.gz`), gzipSync(data, { level: zlib.Z_BEST_COMPRESSION }))
      }
    },
  }
}

// The phone app is installable and works offline (ADR 0053): a Workbox service worker at /m/sw.js, scope /m/,
// precaching the phone's shell only; every /m/… page is answered from the cached m/index.html when offline. API
// data is not cached by the worker: the app keeps what it needs encrypted in IndexedDB (mobile/offline/).
const phonePwa = VitePWA({
  outDir: 'dist/m',
  filename: 'sw.js',
  base: '/m/',
  scope: '/m/',
  injectRegister: false,
  manifest: false, // public/m/manifest.webmanifest, linked from m/index.html only (the desktop has none)
  workbox: {
    globDirectory: 'dist',
    globPatterns: ['assets/*.{js,css,svg,png,woff2}', 'm/index.html', 'm/manifest.webmanifest', 'm/icon.svg'],
    manifestTransforms: [
      async (entries) => ({
        // (after modifyURLPrefix: the URLs are absolute here)
        manifest: entries.filter((e) => !e.url.startsWith('/assets/') || phoneFiles.has(e.url.slice(1))),
        warnings: [],
      }),
    ],
    modifyURLPrefix: { 'assets/': '/assets/', 'm/': '/m/' },
    navigateFallback: '/m/index.html',
    navigateFallbackAllowlist: [/^\/m(\/|$)/],
    navigateFallbackDenylist: [/^\/api\//],
    cleanupOutdatedCaches: true,
    clientsClaim: true,
    skipWaiting: true,
    maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
  },
})

export default defineConfig({
  plugins: [vue(), phoneFallback(), noRemoteFonts(), collectPhoneFiles(), gzipCopies(), phonePwa],
  // vue-i18n's build flags (its esm-bundler build reads them): both apps use the Composition API (legacy: false),
  // so the legacy API is left out of the bundle, and no devtools hooks in production (ADR 0069).
  define: {
    __VUE_I18N_LEGACY_API__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
  },
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: {
      '/api': { target: server, changeOrigin: false, ws: true },
    },
  },
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      input: { main: page('./index.html'), m: page('./m/index.html') },
      output: {
        entryFileNames: 'assets/[name]-[hash].js',
        chunkFileNames: 'assets/[name]-[hash].js',
        assetFileNames: 'assets/[name]-[hash][extname]',
        // Four tiny shared modules (the time formatter, the redirect check, the error words, Vue's export helper:
        // under 1 kB each) in one chunk instead of four: each was a request of its own, and on 3G the browser's six
        // connections made the phone's first load wait a round trip more for them (issue 15, ADR 0059).
        codeSplitting: {
          groups: [
            // Likewise Rolldown's runtime helpers and Vant's utilities and locale (shared by the phone's entry and its
            // lazy pages, so a chunk of their own): the first screen's files were seven (ADR 0069).
            {
              name: 'small',
              test: /(src[\\/]utils[\\/](time|redirect|errorText)\.ts$)|plugin-vue:export-helper|^\0?rolldown:runtime|[\\/]vant[\\/]es[\\/](utils|locale|composables)[\\/]/,
            },
          ],
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    // Page tests mount Element Plus pages in jsdom: a few seconds each when three suites share two cores (CI).
    testTimeout: 20000,
    include: ['src/**/*.test.ts'],
  },
})
