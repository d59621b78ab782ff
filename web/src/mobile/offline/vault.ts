// Encryption of everything the phone keeps (ADR 0053): AES-GCM 256 with a key imported from the per-session
// secret the server gives (GET /field/cache-key: HMAC of the session under a server key). The secret is held in
// memory and in sessionStorage (so a reload while offline can still read the queue); it is never in IndexedDB or
// localStorage, and it is dropped at logout. Without it the stored records are unreadable noise.

const SECRET_KEY = 'jw_m_secret'

let key: CryptoKey | null = null

function hexBytes(hex: string): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(new ArrayBuffer(hex.length / 2))
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16)
  return out
}

async function importSecret(hex: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', hexBytes(hex), { name: 'AES-GCM' }, false, ['encrypt', 'decrypt'])
}

// Takes the session's secret (64 hex characters).
export async function unlock(secretHex: string): Promise<void> {
  key = await importSecret(secretHex)
  sessionStorage.setItem(SECRET_KEY, secretHex)
}

// After a reload: the secret of this browsing session, if any.
export async function resume(): Promise<boolean> {
  if (key) return true
  const hex = sessionStorage.getItem(SECRET_KEY)
  if (!hex) return false
  key = await importSecret(hex)
  return true
}

export function unlocked(): boolean {
  return key !== null
}

export function lock(): void {
  key = null
  sessionStorage.removeItem(SECRET_KEY)
}

export interface Sealed {
  iv: Uint8Array<ArrayBuffer>
  data: ArrayBuffer
}

export async function seal(value: unknown): Promise<Sealed> {
  if (!key) throw new Error('offline store locked')
  const iv = crypto.getRandomValues(new Uint8Array(new ArrayBuffer(12)))
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(JSON.stringify(value)))
  return { iv, data }
}

export async function open<T>(s: Sealed): Promise<T> {
  if (!key) throw new Error('offline store locked')
  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: s.iv }, key, s.data)
  return JSON.parse(new TextDecoder().decode(plain)) as T
}
