// What the phone keeps to work without the network (ADR 0053): the officer's open tasks, the addresses of the
// officer's grid, and the lookup data a check needs; sealed like the queue (vault.ts), fetched at login and
// refreshed in the background while online. Reads fall back to the kept copy when the server cannot be reached.
import { http, ApiError } from '@/api/http'
import { fieldDb } from './db'
import { open, resume, seal } from './vault'

export async function keep(name: string, value: unknown): Promise<void> {
  if (!(await resume())) return
  await (await fieldDb()).put('cache', { name, saved_at: Date.now(), sealed: await seal(value) })
}

// A page opened by a reload may ask before the router's openStore has unlocked the store (it first tries the
// network, which offline takes a while to refuse): the session's own secret is taken up here too (vault.resume).
export async function kept<T>(name: string): Promise<{ value: T; saved_at: number } | null> {
  if (!(await resume())) return null
  const row = await (await fieldDb()).get('cache', name)
  if (!row) return null
  return { value: await open<T>(row.sealed), saved_at: row.saved_at }
}

export function isNetworkError(e: unknown): boolean {
  return (e instanceof ApiError && (e.status === 0 || e.status >= 502)) || e instanceof TypeError
}

// The server's answer, kept; or, when the server cannot be reached, the kept copy (null if none).
export async function fresh<T>(name: string, load: () => Promise<T>): Promise<{ value: T; offline: boolean } | null> {
  try {
    const value = await load()
    await keep(name, value)
    return { value, offline: false }
  } catch (e) {
    if (!isNetworkError(e)) throw e
    const copy = await kept<T>(name)
    return copy ? { value: copy.value, offline: true } : null
  }
}

export interface GridAddress {
  address_id: string
  full_name: string
  level: string
  position?: { longitude: number; latitude: number }
}

// The addresses of `grid`, or without it of the grid whose team I am on (a grid member: ADR 0064).
export async function loadGridAddresses(grid?: string): Promise<void> {
  const r = await http.get<{ grid: string | null; items: GridAddress[] }>('/field/grid-addresses', grid ? { grid } : {})
  await keep('grid-addresses', r.items)
}

// The grid's offline map (GET /field/grid-map, ADR 0073): its outline and the county base map's features near it.
export interface GridMap {
  grid: string | null
  name?: string
  boundary?: GeoJSON.Polygon
  basemap?: GeoJSON.FeatureCollection
}

export async function loadGridMap(grid?: string): Promise<void> {
  await keep('grid-map', await http.get<GridMap>('/field/grid-map', grid ? { grid } : {}))
}

// Addresses of the kept grid whose name contains every part of `text` (offline address picking).
export async function searchKeptAddresses(text: string, limit = 8): Promise<GridAddress[]> {
  const copy = await kept<GridAddress[]>('grid-addresses')
  if (!copy) return []
  const parts = text.trim().split(/\s+/).filter(Boolean)
  return copy.value.filter((a) => parts.every((p) => a.full_name.includes(p))).slice(0, limit)
}
