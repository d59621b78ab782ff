// The person register of the master index (实有人口, issue 14). Routes: docs/api/community.md § People.
// Everything the server returns is masked; writes carry the version they edit (409 conflict when stale).
import { buildUrl, csrfToken, download, http, parseError } from './http'
import type { PageQuery, Paged } from './types'

export type IdKind = 'resident_id' | 'passport' | 'hk_macao_permit' | 'taiwan_permit' | 'foreign_permanent'
export const ID_KINDS: IdKind[] = ['resident_id', 'passport', 'hk_macao_permit', 'taiwan_permit', 'foreign_permanent']
export type PersonCategory = 'household' | 'floating' | 'overseas'
export const CATEGORIES: PersonCategory[] = ['household', 'floating', 'overseas']
export type PersonStatus = 'present' | 'moved_out' | 'deceased'
export const STATUSES: PersonStatus[] = ['present', 'moved_out', 'deceased']

export interface PersonMove {
  id: number
  kind: 'in' | 'out'
  address_id: string
  on_date: string
  reason: string
  recorded_by: number
  at: string
}

export interface Person {
  id: number
  id_kind: IdKind
  id_number: string // masked
  nationality: string
  name: string // masked
  sex: string
  birth_date: string // year only
  ethnicity: string
  hukou_address: string // masked
  residence_address_id: string | null
  residence_name: string
  category: PersonCategory
  phones: string[] // masked
  photo_media_id: string | null
  permit_no: string
  permit_expires: string | null
  status: PersonStatus
  collected_by: number
  unit_id: number
  created_at: string
  updated_at: string
  version: number
  moves?: PersonMove[]
}

export interface PeopleQuery extends PageQuery {
  q?: string
  address_id?: string
  grid_id?: string
  category?: PersonCategory | ''
  status?: PersonStatus | ''
  permit_expires_before?: string
}

export interface PersonInput {
  id_kind: IdKind
  id_number: string
  nationality?: string
  name: string
  sex?: string
  birth_date?: string
  ethnicity?: string
  hukou_address?: string
  residence_address_id?: string
  category?: PersonCategory
  phones?: string[]
  permit_no?: string
  permit_expires?: string
}

export interface PersonEdit {
  version: number
  name?: string
  ethnicity?: string
  hukou_address?: string
  category?: PersonCategory
  status?: PersonStatus
  phones?: string[]
  permit_no?: string
  permit_expires?: string | null // null clears
  residence_address_id?: string | null // null clears
}

export interface Resolved {
  person_id: number
  created: boolean
  version: number
}

export interface AddressMatch {
  input: string
  address_id: string | null
  full_name: string | null
  score: number
  candidates: { address_id: string; full_name: string; score: number }[]
}

export interface ImportReport {
  rows: number
  created: number
  existing: number
  errors: { line: number; field: string; problem: string }[]
}

const base = '/community/people'

export const listPeople = (q: PeopleQuery) => http.get<Paged<Person>>(base, { ...q })
export const getPerson = (id: number) => http.get<Person>(`${base}/${id}`)
export const createPerson = (p: PersonInput) => http.post<Resolved>(base, p)
export const patchPerson = (id: number, e: PersonEdit) => http.patch<{ person_id: number; version: number }>(`${base}/${id}`, e)
export const addMove = (id: number, m: { kind: 'in' | 'out'; address_id?: string; on_date: string; reason?: string }) =>
  http.post<{ move_id: number; version: number }>(`${base}/${id}/moves`, m)
export const matchAddress = (input: string) => http.post<AddressMatch>('/community/addresses/match', { input })
export const exportPeople = () => download(`${base}/export`, {}, 'people.csv')

// Uploads a CSV file; the report comes back also when the file has errors (422: nothing was written).
export async function importPeople(csv: string): Promise<ImportReport> {
  const token = csrfToken()
  const res = await fetch(buildUrl(`${base}/import`), {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'text/csv', ...(token ? { 'X-CSRF-Token': token } : {}) },
    body: csv,
  })
  if (res.ok || res.status === 422) {
    const body = (await res.json()) as ImportReport & { code?: string }
    if (Array.isArray(body.errors)) return body
  }
  throw await parseError(res)
}
