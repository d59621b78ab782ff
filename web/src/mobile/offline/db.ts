// The phone's IndexedDB (through idb): `queue` holds what was entered and not yet accepted by the server,
// `sent` the server ids of sent items still named by queued ones, `cache` the officer's tasks, grid addresses
// and lookup data. Every record's content is sealed (vault.ts); only what the queue needs to order itself and
// show counts (kind, status, order, dependencies, times) is in the clear. `meta` holds no personal data.
import { openDB, deleteDB, type DBSchema, type IDBPDatabase } from 'idb'
import type { Sealed } from './vault'
import type { ItemStatus } from './order'

export const DB_NAME = 'jw-field'

export interface QueueRecord {
  id: string // the idempotency key
  seq: number
  kind: string
  status: ItemStatus
  depends_on: string[]
  created_at: number
  error_code?: string
  sealed: Sealed // { method, path, body, label, error? }
}

interface FieldDB extends DBSchema {
  queue: { key: string; value: QueueRecord }
  sent: { key: string; value: { id: string; server_id: number } }
  cache: { key: string; value: { name: string; saved_at: number; sealed: Sealed } }
  meta: { key: string; value: { name: string; value: number | string } }
}

let db: Promise<IDBPDatabase<FieldDB>> | null = null

export function fieldDb(): Promise<IDBPDatabase<FieldDB>> {
  db ??= openDB<FieldDB>(DB_NAME, 1, {
    upgrade(d) {
      d.createObjectStore('queue', { keyPath: 'id' })
      d.createObjectStore('sent', { keyPath: 'id' })
      d.createObjectStore('cache', { keyPath: 'name' })
      d.createObjectStore('meta', { keyPath: 'name' })
    },
  })
  return db
}

// Drops everything the phone kept (logout, too long offline).
export async function wipe(): Promise<void> {
  if (db) (await db).close()
  db = null
  await deleteDB(DB_NAME)
}
