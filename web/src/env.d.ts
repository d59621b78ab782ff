/// <reference types="vite/client" />

declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}

// sm-crypto's SM3 (CommonJS, no types): the phone's offline watch-list hashes (mobile/offline/watchlist.ts).
declare module 'sm-crypto/src/sm3/index.js' {
  export default function sm3(input: string, options?: { key: string; mode?: 'hmac' }): string
}
