// The admin pages' import and export of standard addresses, houses and units (issue 14; server:
// src/modules/community/transfer_handlers.hpp). The CSV formats are the command's (`jingwu community
// import|export --kind addresses|houses|units`).
import { ApiError, buildUrl, csrfToken, download, parseError, type Download } from './http'

export type TransferKind = 'addresses' | 'houses' | 'units'
export const TRANSFER_KINDS: TransferKind[] = ['addresses', 'houses', 'units']

// The route segment and the permissions of each kind.
export const TRANSFER: Record<TransferKind, { path: string; read: string; write: string }> = {
  addresses: { path: 'addresses', read: 'community.address.read', write: 'community.address.write' },
  houses: { path: 'houses', read: 'community.house.read', write: 'community.house.write' },
  units: { path: 'orgs', read: 'community.org.read', write: 'community.org.write' },
}

export interface TransferError {
  line: number | null
  field: string
  problem: string
}

export interface TransferReport {
  rows: number
  imported: number
  errors: TransferError[]
}

// A refused file: the server names the column and the line (fields.line); the rest of the fields are
// column → problem. Any other error is thrown on.
export function errorsOf(e: ApiError): TransferError[] {
  const line = e.fields.line ? Number(e.fields.line) : null
  const out = Object.entries(e.fields)
    .filter(([k]) => k !== 'line')
    .map(([field, problem]) => ({ line, field, problem }))
  return out.length ? out : [{ line, field: 'file', problem: e.message }]
}

// Uploads the CSV text; all or nothing. A refused file comes back as a report with its errors.
export async function importCsv(kind: TransferKind, csv: string): Promise<TransferReport> {
  const token = csrfToken()
  const res = await fetch(buildUrl(`/community/${TRANSFER[kind].path}/import`), {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'text/csv', ...(token ? { 'X-CSRF-Token': token } : {}) },
    body: csv,
  })
  if (res.ok) {
    const body = (await res.json()) as { rows: number; imported: number }
    return { rows: body.rows, imported: body.imported, errors: [] }
  }
  const err = await parseError(res)
  if (res.status === 400 || res.status === 422) return { rows: 0, imported: 0, errors: errorsOf(err) }
  throw err
}

export const exportCsv = (kind: TransferKind): Promise<Download> =>
  download(`/community/${TRANSFER[kind].path}/export`, {}, `${kind}.csv`)
