// When the phone's store opens, refreshes and is wiped (ADR 0053):
// - online, logged in: the session's secret is fetched (GET /field/cache-key), the store opened with it, the
//   queue sent, the officer's tasks and grid refreshed in the background; the time is noted as "last online";
// - offline: the store opens with the secret kept for this browsing session (a reload), if any;
// - wiped (IndexedDB deleted, secret dropped): at logout, when another user logs in on the phone, and when the
//   phone was offline longer than the server's limit (max_offline_hours) — what was not sent by then is lost on
//   purpose: a lost phone must not keep the grid's people.
import { http } from '@/api/http'
import { wipe } from './db'
import { flush, refreshView, queueState } from './queue'
import { lock, resume, unlock, unlocked } from './vault'

const LAST_ONLINE = 'jw_m_last_online'
const MAX_OFFLINE_H = 'jw_m_max_offline_h'
const OWNER = 'jw_m_owner'

interface CacheKey {
  secret: string
  max_offline_hours: number
  user_id: number
}

let timer: ReturnType<typeof setInterval> | null = null
let listening = false
let current: (() => Promise<void>) | null = null
let background: ((userId: number) => Promise<void>) | null = null

// What to refresh in the background while online (set by the app: tasks, grid addresses).
export function setBackgroundRefresh(fn: (userId: number) => Promise<void>): void {
  background = fn
}

export function offlineTooLong(now = Date.now()): boolean {
  const last = Number(localStorage.getItem(LAST_ONLINE) ?? 0)
  const hours = Number(localStorage.getItem(MAX_OFFLINE_H) ?? 72)
  return last > 0 && now - last > hours * 3600_000
}

async function dropAll(): Promise<void> {
  lock()
  await wipe()
  localStorage.removeItem(LAST_ONLINE)
  localStorage.removeItem(OWNER)
  queueState.count = 0
  queueState.items = []
}

// After login and at every start of the app with a session.
export async function openStore(userId: number): Promise<void> {
  if (offlineTooLong()) await dropAll()
  try {
    const k = await http.get<CacheKey>('/field/cache-key')
    if (localStorage.getItem(OWNER) !== String(k.user_id)) await dropAll()
    await unlock(k.secret)
    localStorage.setItem(OWNER, String(k.user_id))
    localStorage.setItem(MAX_OFFLINE_H, String(k.max_offline_hours))
    localStorage.setItem(LAST_ONLINE, String(Date.now()))
  } catch {
    if (!(await resume())) return // offline and no secret of this session: nothing can be read
  }
  await refreshView()
  startSync(userId)
}

function startSync(userId: number): void {
  const tick = async (): Promise<void> => {
    if (!unlocked()) return
    await flush()
    localStorage.setItem(LAST_ONLINE, String(Date.now()))
    await background?.(userId).catch(() => undefined)
  }
  if (!listening) {
    listening = true
    window.addEventListener('online', () => void current?.())
  }
  current = tick
  timer ??= setInterval(() => void current?.(), 30_000)
  void tick()
}

// At logout: nothing of the officer's stays on the phone.
export async function closeStore(): Promise<void> {
  if (timer) clearInterval(timer)
  timer = null
  current = null
  await dropAll()
  sessionStorage.removeItem('jw_m_session')
}
