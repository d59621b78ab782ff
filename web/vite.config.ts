/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url'
import { defineConfig, type Plugin } from 'vite'
import vue from '@vitejs/plugin-vue'

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

export default defineConfig({
  plugins: [vue(), phoneFallback(), noRemoteFonts()],
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
      },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
  },
})
