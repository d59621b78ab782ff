// The offline queue (ADR 0053): everything the officer enters is saved here at once, sealed, with an
// idempotency key, and sent when the server can be reached, in dependency order (order.ts). The server applies
// each exactly once (Idempotency-Key header; a resend after a lost reply gets the first answer). A conflict (the
// record changed on the server since the phone read it: 409) or a refusal stays in the queue, shown to the
// officer, who resolves it; nothing is overwritten without the officer's choice.
import { reactive } from 'vue'
import { API_BASE, ApiError, csrfToken } from '@/api/http'
import { fieldDb, type QueueRecord } from './db'
import { refsIn, resolveBody, sendingOrder } from './order'
import { open, seal, unlocked } from './vault'

export type Kind = 'person' | 'person_update' | 'house' | 'org' | 'visit' | 'check' | 'task_report' | 'photo' | 'courier_record'

// A photo taken offline (kind 'photo', path /media): its body is { data: base64 of the compressed JPEG, type }; it
// is sent as the image itself (POST /media, the shared sealed upload, ADR 0033) with its Idempotency-Key, and the
// items naming it ("ref:<its key>" in photo_media_id or media_ids) go after it with the media_id it got.
function photoBytes(body: Record<string, unknown>): Blob {
  const raw = atob(String(body.data ?? ''))
  const bytes = new Uint8Array(raw.length)
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i)
  return new Blob([bytes], { type: String(body.type || 'image/jpeg') })
}

export interface Operation {
  kind: Kind
  method: 'POST' | 'PATCH'
  path: string // under /api/v1
  body: Record<string, unknown>
  label: string // what the officer sees in the list ("盘查 5199…1234")
  depends_on?: string[]
}

interface Content {
  method: string
  path: string
  body: Record<string, unknown>
  label: string
  error?: { code: string; message: string; fields?: Record<string, string> }
  result?: unknown
}

export interface QueueView {
  id: string
  kind: Kind
  status: QueueRecord['status']
  label: string
  created_at: number
  error?: Content['error']
}

// What the pages show: the count for the badge, the items for the 待同步 list, the last sync outcome.
export const queueState = reactive({ count: 0, items: [] as QueueView[], syncing: false, lastSyncedAt: 0, online: navigator.onLine })
window.addEventListener('online', () => (queueState.online = true))
window.addEventListener('offline', () => (queueState.online = false))

// Results of checks sent from the queue (a check made offline learns its server answer here).
// `key` is the item's own (a photo field taken offline learns its media_id here).
type Listener = (kind: Kind, result: unknown, label: string, key: string) => void
const listeners: Listener[] = []
export function onSent(fn: Listener): void {
  listeners.push(fn)
}
export function offSent(fn: Listener): void {
  const i = listeners.indexOf(fn)
  if (i >= 0) listeners.splice(i, 1)
}

function newKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

async function nextSeq(): Promise<number> {
  const db = await fieldDb()
  const row = await db.get('meta', 'seq')
  const seq = (typeof row?.value === 'number' ? row.value : 0) + 1
  await db.put('meta', { name: 'seq', value: seq })
  return seq
}

export async function refreshView(): Promise<void> {
  if (!unlocked()) return
  const db = await fieldDb()
  const rows = (await db.getAll('queue')).sort((a, b) => a.seq - b.seq)
  const items: QueueView[] = []
  for (const r of rows) {
    const c = await open<Content>(r.sealed)
    items.push({ id: r.id, kind: r.kind as Kind, status: r.status, label: c.label, created_at: r.created_at, error: c.error })
  }
  queueState.items = items
  queueState.count = items.length
}

// Saves the operation at once; returns its key (an item entered later may depend on it: "ref:<key>").
export async function enqueue(op: Operation): Promise<string> {
  const id = newKey()
  const db = await fieldDb()
  const content: Content = { method: op.method, path: op.path, body: op.body, label: op.label }
  await db.put('queue', {
    id,
    seq: await nextSeq(),
    kind: op.kind,
    status: 'pending',
    depends_on: [...new Set([...(op.depends_on ?? []), ...refsIn(op.body)])],
    created_at: Date.now(),
    sealed: await seal(content),
  })
  await refreshView()
  return id
}

type Outcome = 'sent' | 'stuck' | 'stop'

async function sendOne(rec: QueueRecord): Promise<Outcome> {
  const db = await fieldDb()
  const c = await open<Content>(rec.sealed)
  const sent: Record<string, number | string> = {}
  for (const dep of rec.depends_on) {
    const s = await db.get('sent', dep)
    if (s) sent[dep] = s.server_id
  }
  const photo = rec.kind === 'photo'
  const headers: Record<string, string> = {
    'Content-Type': photo ? String(c.body.type || 'image/jpeg') : 'application/json',
    Accept: 'application/json',
    'Idempotency-Key': rec.id,
  }
  const token = csrfToken()
  if (token) headers['X-CSRF-Token'] = token
  const payload = photo ? photoBytes(c.body) : JSON.stringify(resolveBody(c.body, sent))
  let res: Response
  try {
    res = await fetch(API_BASE + c.path, { method: c.method, headers, body: payload, credentials: 'same-origin' })
  } catch {
    queueState.online = false
    return 'stop' // no network: try again later
  }
  queueState.online = true
  if (res.status === 401 || res.status === 403 || res.status >= 500 || res.status === 429) return 'stop'
  const text = await res.text()
  let json: unknown = null
  try {
    json = text ? JSON.parse(text) : null
  } catch {
    json = null
  }
  if (res.ok) {
    const r = (json ?? {}) as { id?: number; person_id?: number; media_id?: string }
    const serverId = r.media_id ?? r.person_id ?? r.id
    if (typeof serverId === 'number' || typeof serverId === 'string') await db.put('sent', { id: rec.id, server_id: serverId })
    await db.delete('queue', rec.id)
    results.set(rec.id, json)
    for (const fn of [...listeners]) fn(rec.kind as Kind, json, c.label, rec.id)
    return 'sent'
  }
  const err = (json ?? { code: 'invalid_argument', message: res.statusText }) as Content['error']
  await db.put('queue', {
    ...rec,
    status: res.status === 409 ? 'conflict' : 'failed',
    error_code: err?.code,
    sealed: await seal({ ...c, error: err }),
  })
  return 'stuck'
}

let running: Promise<void> | null = null
const results = new Map<string, unknown>()

// Sends what can be sent now, in order; stops at the first sign that the server cannot be reached.
export function flush(): Promise<void> {
  if (!unlocked()) return Promise.resolve()
  running ??= (async () => {
    queueState.syncing = true
    try {
      const db = await fieldDb()
      for (;;) {
        const order = sendingOrder(await db.getAll('queue'))
        if (!order.length) break
        const outcome = await sendOne(order[0])
        if (outcome === 'stop') break
      }
      if ((await db.count('queue')) === 0) await db.clear('sent')
      queueState.lastSyncedAt = Date.now()
    } finally {
      queueState.syncing = false
      running = null
      await refreshView()
    }
  })()
  return running
}

// The officer's resolution of a conflict or a refusal.
export async function discard(id: string): Promise<void> {
  const db = await fieldDb()
  await db.delete('queue', id)
  await refreshView()
}

// Sends the officer's change again over the server's current version (the officer has seen both): a new
// request, so a new key.
export async function resendOver(id: string, version: number): Promise<void> {
  const db = await fieldDb()
  const rec = await db.get('queue', id)
  if (!rec) return
  const c = await open<Content>(rec.sealed)
  await db.delete('queue', id)
  await enqueue({
    kind: rec.kind as Kind,
    method: c.method as Operation['method'],
    path: c.path,
    body: { ...c.body, version },
    label: c.label,
    depends_on: rec.depends_on,
  })
  await flush()
}

export async function content(id: string): Promise<Content | null> {
  const rec = await (await fieldDb()).get('queue', id)
  return rec ? open<Content>(rec.sealed) : null
}

export interface Submitted<T> {
  state: 'sent' | 'queued' | 'conflict'
  key: string
  result?: T
}

// What a form does on 保存: the operation is queued (so nothing is lost whatever happens next) and sent at once
// when online. A refusal of the form's content (400, naming fields) is taken back out of the queue and thrown
// as an ApiError, so the form shows it; a conflict stays queued for the officer to resolve (待同步).
export async function submit<T>(op: Operation): Promise<Submitted<T>> {
  const key = await enqueue(op)
  await flush()
  const db = await fieldDb()
  const rec = await db.get('queue', key)
  if (!rec) return { state: 'sent', key, result: results.get(key) as T }
  if (rec.status === 'failed') {
    const c = await open<Content>(rec.sealed)
    await db.delete('queue', key)
    await refreshView()
    throw new ApiError(400, { code: c.error?.code ?? 'invalid_argument', message: c.error?.message ?? '', fields: c.error?.fields })
  }
  return { state: rec.status === 'conflict' ? 'conflict' : 'queued', key }
}
