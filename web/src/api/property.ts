// Case-involved property (涉案财物, ADR 0054). Routes: docs/api/property.md. Owners are masked in lists and
// details; the papers that print them in full need a purpose (PurposeDialog).
import { API_BASE, csrfToken, http, parseError, ApiError, type Query } from './http'

export type ItemState = 'registered' | 'in_store' | 'out' | 'handed_over' | 'disposed'
export const ITEM_STATES: ItemState[] = ['registered', 'in_store', 'out', 'handed_over', 'disposed']
export type ReviewClass = 'due' | 'overdue' | 'on_hold' | 'approved' | 'requested'

export interface PropertyItem {
  id: number
  code: string
  case_id: number
  case_no: string
  seizure_event_id: number
  unit_id: number
  store_id: number | null
  store_name: string
  place_id: number | null
  place_code: string
  bag_id: number | null
  measure: string
  category: string
  description: string
  quantity: number
  quantity_unit: string
  value_yuan: number
  owner_person_id: number | null
  owner_name: string
  seized_by: string
  seized_at: string
  seized_place: string
  legal_basis: string
  document_no: string
  state: ItemState
  out_purpose: string
  out_holder: string
  expected_return_at: string | null
  review_due: string
  review_basis: string
  review_class: ReviewClass
  hold_reason: string
  disposal_state: string
  held_by_org: string
  created_at: string
  version: number
}

export interface CustodyEvent {
  seq: number
  kind: string
  at: string
  actor_id: number
  actor_name: string
  from_state: string
  to_state: string
  from_place: string
  to_place: string
  reason: string
  approved_by: string
  receiver: string
  signed: boolean
  signature_media_id: string
  photos: string[]
  batch: string
  hash: string
}

export interface ItemDetail extends PropertyItem {
  events: CustodyEvent[]
  chain_intact: boolean
  actions: string[]
}

export interface Place {
  id: number
  parent_id: number | null
  level: 'room' | 'shelf' | 'position'
  code: string
  name: string
  capacity: number
  items: number
}

export interface Store {
  id: number
  unit_id: number
  unit_name: string
  name: string
  kind: 'bureau' | 'station'
  places: Place[]
}

export interface Meta {
  categories: { code: string; name_zh: string; name_en: string; photos_required: boolean; basis: string }[]
  disposals: { code: string; name_zh: string; name_en: string; document: string; basis: string }[]
  measures: string[]
  purposes: string[]
}

export interface Movement {
  reason?: string
  approved_by?: string
  receiver?: string
  signature_media_id?: string
  photos?: string[]
}

export interface CheckOut extends Movement {
  purpose: string
  holder: string
  expected_return_at: string
}

export interface IntakeInput {
  case_id: number
  seizure_event_id: number
  measure?: string
  category: string
  description: string
  quantity: number
  quantity_unit: string
  value_yuan?: number
  owner_name?: string
  seized_by: string
  seized_at: string
  seized_place: string
  legal_basis: string
  document_no: string
  photos?: string[]
}

export interface Scanned {
  kind: 'item' | 'bag'
  actions: string[]
  item?: PropertyItem
  bag?: { id: number; code: string; case_id: number; label: string }
  items?: PropertyItem[]
}

export interface Dashboard {
  by_state: Record<string, number>
  by_age: Record<string, number>
  by_category: Record<string, number>
  value_held_yuan: number
  overdue: PropertyItem[]
  overdue_count: number
}

export interface EntryRate {
  rows: { unit_id: number; unit_name: string; month: string; seizures: number; with_items: number; rate: number }[]
  seizures: number
  with_items: number
  rate: number
  missing: { event_id: number; case_id: number; case_no: string; unit_name: string; at: string; item: string }[]
}

export interface Stocktake {
  expected: number
  found: number
  missing: PropertyItem[]
  unexpected: PropertyItem[]
  unknown: string[]
}

export const getMeta = () => http.get<Meta>('/property/meta')
export const listStores = () => http.get<{ stores: Store[] }>('/property/stores')
export const listItems = (q: Query) => http.get<{ items: PropertyItem[]; total: number }>('/property/items', q)
export const getItem = (id: number) => http.get<ItemDetail>(`/property/items/${id}`)
export const scan = (code: string) => http.get<Scanned>('/property/scan', { code })
export const caseSeizures = (caseId: number) =>
  http.get<{ case_id: number; case_no: string; case_type: string; seizures: { event_id: number; at: string; item: string; items: number }[] }>(
    `/property/cases/${caseId}/seizures`,
  )
export const intake = (body: IntakeInput) => http.post<PropertyItem>('/property/items', body)
export const checkIn = (id: number, placeId: number, m: Movement = {}) =>
  http.post<PropertyItem>(`/property/items/${id}/check-in`, { place_id: placeId, ...m })
export const move = (id: number, placeId: number, m: Movement = {}) =>
  http.post<PropertyItem>(`/property/items/${id}/move`, { place_id: placeId, ...m })
export const checkOut = (id: number, body: CheckOut) => http.post<PropertyItem>(`/property/items/${id}/check-out`, body)
export const requestDisposal = (id: number, body: { kind: string; reason: string; recipient?: string }) =>
  http.post<PropertyItem>(`/property/items/${id}/disposal`, body)
export const decideDisposal = (id: number, approve: boolean, note: string) =>
  http.post<PropertyItem>(`/property/items/${id}/disposal/decision`, { approve, note })
export const completeDisposal = (id: number, m: Movement = {}) =>
  http.post<PropertyItem>(`/property/items/${id}/disposal/complete`, m)
export const hold = (id: number, reason: string, reviewDue: string) =>
  http.post<PropertyItem>(`/property/items/${id}/hold`, { reason, review_due: reviewDue })
export const dashboard = () => http.get<Dashboard>('/property/dashboard')
export const entryRate = (q: Query = {}) => http.get<EntryRate>('/property/entry-rate', q)
export const stocktake = (placeId: number, codes: string[]) =>
  http.post<Stocktake>('/property/stocktake', { place_id: placeId, codes })

// A label sheet (PDF) for the codes; each print is counted and audited on the server.
export async function printLabels(codes: string[]): Promise<Blob> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/pdf' }
  const token = csrfToken()
  if (token) headers['X-CSRF-Token'] = token
  let res: Response
  try {
    res = await fetch(`${API_BASE}/property/labels`, { method: 'POST', headers, body: JSON.stringify({ codes }), credentials: 'same-origin' })
  } catch (e) {
    throw new ApiError(0, { code: 'network', message: String(e) })
  }
  if (!res.ok) throw await parseError(res)
  return res.blob()
}

// The URL of a paper (html | pdf); papers naming the owner need purpose and case number in the query.
export function paperUrl(path: string, format: 'html' | 'pdf', purpose?: { purpose: string; case_no: string }): string {
  const q = new URLSearchParams({ format, ...(purpose ?? {}) })
  return `${API_BASE}/property/${path}?${q.toString()}`
}

export interface TransferItem extends PropertyItem {
  stays_with_police: boolean
  outcome: '' | 'accepted' | 'discrepancy'
  outcome_note: string
}

export interface Transfer {
  id: number
  list_no: string
  case_id: number
  case_no: string
  receiver_org_id: number
  receiver_name: string
  receiver_kind: 'procuratorate' | 'court'
  state: 'sent' | 'confirmed'
  note: string
  created_at: string
  confirmed_at: string | null
  items: TransferItem[]
}

export const listTransfers = () => http.get<{ transfers: Transfer[] }>('/property/transfers')
export const listReceivers = () => http.get<{ receivers: { id: number; name: string; kind: string }[] }>('/property/receivers')
export const sendTransfer = (body: { case_id: number; receiver_org_id: number; item_ids: number[]; note?: string }) =>
  http.post<Transfer>('/property/transfers', body)
export const confirmTransferItem = (id: number, itemId: number, outcome: 'accepted' | 'discrepancy', note = '') =>
  http.post<Transfer>(`/property/transfers/${id}/items/${itemId}/confirm`, { outcome, note })
