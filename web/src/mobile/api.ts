// The phone pages' calls to the community and media APIs, through the one HTTP wrapper (@/api/http: cookies,
// CSRF, Accept-Language, {code,message,fields} errors). Contracts: BRIEF14 "Contracts between helpers" (the match
// route takes {input}, as docs/api/community.md says); the work records (visits, tasks) follow community/work's
// schema (008_work.sql). Times are Unix seconds.
import { API_BASE, csrfToken, http, parseError, ApiError } from '@/api/http'
import type { NearAddress } from './offline/nearest'

export interface AddressCandidate {
  address_id: string
  full_name: string
  score: number
}

export interface AddressMatch {
  input: string
  address_id: string | null
  full_name: string
  score: number
  candidates: AddressCandidate[]
}

export function matchAddress(address: string): Promise<AddressMatch> {
  return http.post<AddressMatch>('/community/addresses/match', { input: address })
}

// The standard addresses nearest a point (houses and buildings within `radius` metres, nearest first).
export function nearAddresses(at: { longitude: number; latitude: number }, limit = 5, radius = 500): Promise<{ items: NearAddress[] }> {
  return http.get<{ items: NearAddress[] }>('/community/addresses/near', { lng: at.longitude, lat: at.latitude, limit, radius })
}

export type IdKind = 'resident_id' | 'passport' | 'hk_macao_permit' | 'taiwan_permit' | 'foreign_permanent'
export type Category = 'household' | 'floating' | 'overseas'

export interface PersonInput {
  id_kind: IdKind
  id_number: string
  nationality?: string
  name: string
  sex?: string
  birth_date?: string
  residence_address_id?: string
  category: Category
  phones: string[]
  photo_media_id?: string
}

export interface ResolveResult {
  person_id: number
  created: boolean
  version: number
}

export function registerPerson(p: PersonInput): Promise<ResolveResult> {
  return http.post<ResolveResult>('/community/people', p)
}

export interface PersonRow {
  id: number
  name: string
  id_number: string
  category: string
  residence_address_id?: string | null
}

export interface Page<T> {
  items: T[]
  total: number
}

export function listPeople(query: { address_id?: string; q?: string; page_size?: number }): Promise<Page<PersonRow>> {
  return http.get<Page<PersonRow>>('/community/people', query)
}

// A photo as the body of a POST (JPEG from the phone's compression), answered with JSON.
async function postImage<T>(path: string, photo: Blob): Promise<T> {
  const headers: Record<string, string> = { 'Content-Type': photo.type || 'image/jpeg', Accept: 'application/json' }
  const token = csrfToken()
  if (token) headers['X-CSRF-Token'] = token
  let res: Response
  try {
    res = await fetch(`${API_BASE}${path}`, { method: 'POST', headers, body: photo, credentials: 'same-origin' })
  } catch (e) {
    throw new ApiError(0, { code: 'network', message: String(e) })
  }
  if (!res.ok) throw await parseError(res)
  return (await res.json()) as T
}

// The photo as the phone compressed it (JPEG); the server checks it, strips metadata and seals it.
export async function uploadPhoto(photo: Blob): Promise<string> {
  return (await postImage<{ media_id: string }>('/media', photo)).media_id
}

// The ID card's number read from its photo (POST /field/id-scan, ADR 0064): only the number, whether it passes
// GB 11643's check, and how sure the reader was. The photo is not kept.
export interface IdScan {
  id_number: string
  valid: boolean
  confidence: number
}

export function scanIdCard(photo: Blob): Promise<IdScan> {
  return postImage<IdScan>('/field/id-scan', photo)
}

// visited_at left out = now (the server's clock).
export interface VisitInput {
  client_key: string
  address_id?: string
  person_ids: number[]
  kind: string
  findings: string
  follow_up: boolean
  follow_up_note?: string
}

export function recordVisit(v: VisitInput): Promise<{ id: number }> {
  return http.post<{ id: number }>('/community/visits', v)
}

// Times are ISO 8601 UTC strings (community/work/work_json.cpp TaskJson).
export interface Task {
  id: number
  title: string
  description: string
  grid_id: string
  address_id?: string
  address_name?: string
  due_at: string
  status: 'open' | 'done'
  overdue?: boolean
  assigned_by_name?: string
  report?: string
  completed_at?: string | null
}

export function myTasks(status: 'open' | 'done'): Promise<Page<Task>> {
  return http.get<Page<Task>>('/community/tasks', { mine: true, status, page_size: 50 })
}

export function getTask(id: number): Promise<Task> {
  return http.get<Task>(`/community/tasks/${id}`)
}

export interface TaskReport {
  client_key: string
  report: string
  media_ids: string[]
  longitude?: number
  latitude?: number
}

export function completeTask(id: number, r: TaskReport): Promise<Task> {
  return http.post<Task>(`/community/tasks/${id}/report`, r)
}

export interface GridMember {
  name: string
  role: string
}

interface Fraction {
  numerator: number
  denominator: number
  value: number | null
}

interface GridRateRow {
  code: string
  name: string
  community: string
  officer_id: number | null
  expected_population: number
  people: number
  rates: { collection: Fraction; located: Fraction; photo: Fraction }
}

export interface MyGrid {
  code: string
  name: string
  community: string
  members: GridMember[]
  people: number
  expected_population: number
  collection_rate: number | null // 采集率
  marking_rate: number | null // 标注率 (addresses with coordinates)
  photo_rate: number | null // 拍照率
}

// The grid whose community officer I am, from the grid figures of my unit (GET /community/grids/rates) and its
// team (GET /community/grids/:code); null when I lead no grid. (A grid member who is not its officer sees none
// yet: the rates name only the officer.)
export async function myGrid(userId: number, unitId: number): Promise<MyGrid | null> {
  const rates = await http.get<{ grids: GridRateRow[] }>('/community/grids/rates', { unit_id: unitId })
  const row = rates.grids.find((g) => g.officer_id === userId)
  if (!row) return null
  const detail = await http.get<{ team: GridMember[] }>(`/community/grids/${encodeURIComponent(row.code)}`)
  return {
    code: row.code,
    name: row.name,
    community: row.community,
    members: detail.team,
    people: row.people,
    expected_population: row.expected_population,
    collection_rate: row.rates.collection.value,
    marking_rate: row.rates.located.value,
    photo_rate: row.rates.photo.value,
  }
}

// An idempotency key for one submission: a resent request (a retry after a timeout) finds the first record.
// (getRandomValues, not randomUUID: the latter exists only on https, and a station may serve plain http.)
export function clientKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

// --- issue 15: the check, the vehicle check, verifying a person (ADR 0053) ---

// POST /field/checks answers this (the person masked).
export interface CheckAnswer {
  id: number
  outcome: 'wanted' | 'watched' | 'known' | 'nothing'
  checked_at: number
  person?: { id: number; name: string; id_number: string; category: string }
  hits: { kind: string; kind_name_zh: string; kind_name_en: string; name: string; case_no: string; instruction: string; alert_id: number }[]
}

// GET /community/people/:id (masked), with the version an edit must name.
export interface PersonBrief {
  id: number
  name: string
  id_number: string
  phones: string[]
  status: string
  residence_name?: string
  version: number
}

export function getPerson(id: number): Promise<PersonBrief> {
  return http.get<PersonBrief>(`/community/people/${id}`)
}

export interface WatchOrder {
  id: number
  target: string
  reason: string
  case_no: string
  colour: string
  status: string
  valid_to: string
  unit_name: string
}

export function checkPlate(plate: string): Promise<{ ok: boolean; normalised: string; problem?: string }> {
  return http.get('/checkpoint/watch-orders/check-plate', { plate })
}

export function watchOrdersFor(plate: string): Promise<Page<WatchOrder>> {
  return http.get<Page<WatchOrder>>('/checkpoint/watch-orders', { plate, status: 'active', page_size: 20 })
}
