// GA/T 1400 (VIID) intake administration: clients allowed to push data (checkpoint.admin), the per-source
// intake counters (checkpoint.admin or checkpoint.stats) and the bulk CSV import of historical passes in
// chunks (checkpoint.admin). Routes: docs/api/checkpoint-viid.md.
import { buildUrl, csrfToken, http, parseError, ApiError } from './http'

export interface ViidClient {
  id: string
  name: string
  enabled: boolean
  unit_id: number | null // receives the watch orders notifying this unit over /VIID/Dispositions
  unit_name: string
  registered: boolean
  created_at: string
  updated_at: string
  registered_at: string | null
  last_seen: string | null
  last_address: string
  accepted: number
  rejected: number
}

export interface NewViidClient {
  id: string
  name: string
  password: string
  unit_id?: number
}

export interface ViidUnit {
  id: number
  name: string
}

export interface IntakeSource {
  source: string
  kind: 'viid' | 'import'
  accepted: number
  rejected: number
  last_at: string | null
}

export interface IntakeSources {
  items: IntakeSource[]
  accepted: number
  rejected: number
  appended: number
}

export interface RowError {
  line: number
  message: string
}

export interface ImportProgress {
  id: string
  started_at: string
  updated_at: string
  next_seq: number
  finished: boolean
  bytes: number
  lines: number
  loaded: number
  rejected: number
  errors: RowError[]
}

// The engine's load format (src/analytics/csv_loader.hpp).
export const PASS_CSV_HEADER = 'plate_no,plate_color,checkpoint_id,pass_time,direction,lane_no,speed'
// Under the server's 1 MiB request limit.
export const IMPORT_CHUNK_BYTES = 512 * 1024

export const listViidClients = () =>
  http.get<{ items: ViidClient[]; total: number; units: ViidUnit[] }>('/checkpoint/viid/clients')
export const addViidClient = (c: NewViidClient) => http.post<ViidClient>('/checkpoint/viid/clients', c)
export const setViidClientEnabled = (id: string, enabled: boolean) =>
  http.post<{ id: string; enabled: boolean }>(`/checkpoint/viid/clients/${id}/${enabled ? 'enable' : 'disable'}`, {})
export const intakeSources = () => http.get<IntakeSources>('/checkpoint/intake/sources')

export const startImport = () => http.post<ImportProgress>('/checkpoint/import/start', {})
export const importProgress = (id: string) => http.get<ImportProgress>(`/checkpoint/import/${id}`)

// One chunk of raw CSV bytes (the JSON wrapper cannot carry a raw body).
export async function sendImportChunk(id: string, seq: number, chunk: Blob, last: boolean): Promise<ImportProgress> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Content-Type': 'text/csv; charset=utf-8' }
  const token = csrfToken()
  if (token) headers['X-CSRF-Token'] = token
  let res: Response
  try {
    res = await fetch(buildUrl(`/checkpoint/import/${id}/chunks`, { seq, last: last ? 1 : 0 }), {
      method: 'POST',
      headers,
      body: chunk,
      credentials: 'same-origin',
    })
  } catch (e) {
    throw new ApiError(0, { code: 'network', message: String(e) })
  }
  if (!res.ok) throw await parseError(res)
  return (await res.json()) as ImportProgress
}

// Uploads a whole file in chunks, reporting progress after each; a chunk that fails on the network is retried
// once (the server answers a resent chunk without loading it twice).
export async function importFile(
  file: Blob,
  onProgress: (p: ImportProgress, sentBytes: number) => void,
  chunkBytes = IMPORT_CHUNK_BYTES,
): Promise<ImportProgress> {
  const started = await startImport()
  let progress = started
  const chunks = Math.max(1, Math.ceil(file.size / chunkBytes))
  for (let seq = 0; seq < chunks; seq++) {
    const part = file.slice(seq * chunkBytes, Math.min(file.size, (seq + 1) * chunkBytes))
    const last = seq === chunks - 1
    try {
      progress = await sendImportChunk(started.id, seq, part, last)
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 0) throw e
      progress = await sendImportChunk(started.id, seq, part, last)
    }
    onProgress(progress, Math.min(file.size, (seq + 1) * chunkBytes))
  }
  return progress
}
