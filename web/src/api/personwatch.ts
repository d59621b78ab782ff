// The person watch list (人员布控: personwatch.read, .apply, .approve, .record, .check, .offline). Routes:
// docs/api/personwatch.md. Lists and details are masked; the full record needs a purpose and a case number.
import { http, type Query } from './http'
import type { PageQuery, Paged } from './types'
import type { AlertColour } from './alerts'
import type { Purpose } from './users'

export type EntryStatus = 'pending' | 'active' | 'rejected' | 'withdrawn' | 'expired'
export const ENTRY_STATUSES: EntryStatus[] = ['pending', 'active', 'rejected', 'withdrawn', 'expired']

export interface WatchKind {
  code: string
  name_zh: string
  name_en: string
  priority: number
  offline: boolean
  basis: string
}

export interface EntryUnit {
  id: number
  name: string
}

export interface PersonEntry {
  id: number
  kind: string
  id_kind: string
  id_number: string // masked unless the full record
  name: string // masked unless the full record
  sex: string
  in_master_index: boolean
  has_photo: boolean
  case_no: string
  reason: string
  instruction: string
  applicant_id: number
  applicant_name: string
  unit_id: number
  unit_name: string
  approver_id: number | null
  approver_name: string
  approved_at: string | null
  valid_from: string
  valid_to: string
  priority: number
  colour: AlertColour
  status: EntryStatus
  version: number
  created_at: string
  updated_at: string
  units: EntryUnit[]
  masked: boolean
  // the full record only
  nationality?: string
  birth_date?: string
  photo_media_id?: string | null
  person_id?: number | null
}

export interface EntryEvent {
  id: number
  at: string
  user_id: number | null
  user_name: string
  action: 'create' | 'approve' | 'reject' | 'withdraw' | 'expire'
  reason: string
  detail: string
}

export interface EntryHit {
  id: number
  entry_id: number
  source: string
  alert_id: number | null
  checked_by: number | null
  checked_by_name: string
  station_unit_id: number | null
  station_name: string
  place: string
  latitude: number | null
  longitude: number | null
  checked_at: string
  kind: string
  case_no: string
  colour: AlertColour
}

export interface EntryDetail extends PersonEntry {
  events: EntryEvent[]
  hits: EntryHit[]
  hits_total: number
}

export interface PersonWatchOptions {
  kinds: WatchKind[]
  units: (EntryUnit & { kind: string; parent_id: number | null })[]
  priorities: { priority: number; colour: AlertColour; name_zh: string; name_en: string }[]
}

export interface EntryFilters extends PageQuery {
  status?: EntryStatus | ''
  kind?: string
  case_no?: string
  unit_id?: number | null
}

export interface EntryInput {
  kind: string
  id_kind?: string
  id_number: string
  nationality?: string
  name: string
  photo_media_id?: string
  case_no: string
  reason: string
  instruction: string
  priority?: number
  colour?: AlertColour
  valid_from: string
  valid_to: string
  unit_ids: number[]
}

export interface CheckAnswer {
  hit: boolean
  hits: { entry_id: number; kind: string; kind_name_zh: string; kind_name_en: string; name: string; case_no: string;
    instruction: string; colour: AlertColour; priority: number; alert_id: number }[]
  public_instruction_zh: string
  public_instruction_en: string
  master_index: { person_id: number; name: string } | null
  event_ref: string
}

export function listEntries(f: EntryFilters): Promise<Paged<PersonEntry>> {
  return http.get<Paged<PersonEntry>>('/personwatch/entries', f as Query)
}
export function personWatchOptions(): Promise<PersonWatchOptions> {
  return http.get<PersonWatchOptions>('/personwatch/options')
}
export function getEntry(id: number): Promise<EntryDetail> {
  return http.get<EntryDetail>(`/personwatch/entries/${id}`)
}
// The full record (ID number, name, birth date, photo): purpose and case number, audited.
export function getEntryRecord(id: number, p: Purpose): Promise<PersonEntry> {
  return http.get<PersonEntry>(`/personwatch/entries/${id}/record`, { purpose: p.purpose, case_no: p.case_no })
}
// Entries naming one document, in full: purpose and case number, audited.
export function searchEntries(idNumber: string, p: Purpose): Promise<Paged<PersonEntry>> {
  return http.get<Paged<PersonEntry>>('/personwatch/search',
    { id_number: idNumber, purpose: p.purpose, case_no: p.case_no })
}
export function applyEntry(e: EntryInput): Promise<PersonEntry> {
  return http.post<PersonEntry>('/personwatch/entries', e)
}
export function approveEntry(id: number, version?: number, reason?: string): Promise<PersonEntry> {
  return http.post<PersonEntry>(`/personwatch/entries/${id}/approve`, { version, reason: reason || undefined })
}
export function rejectEntry(id: number, reason: string, version?: number): Promise<PersonEntry> {
  return http.post<PersonEntry>(`/personwatch/entries/${id}/reject`, { reason, version })
}
export function withdrawEntry(id: number, reason: string, version?: number): Promise<PersonEntry> {
  return http.post<PersonEntry>(`/personwatch/entries/${id}/withdraw`, { reason, version })
}
export function listEntryHits(q: PageQuery & { entry_id?: number }): Promise<Paged<EntryHit>> {
  return http.get<Paged<EntryHit>>('/personwatch/hits', q as Query)
}
export function checkPerson(body: { id_number?: string; name?: string; birth_date?: string; purpose: string;
  source?: 'mobile_check' | 'desk'; event_ref?: string; latitude?: number; longitude?: number }): Promise<CheckAnswer> {
  return http.post<CheckAnswer>('/personwatch/check', body)
}
