// 110 dispatch (issue 18, ADR 0057; routes in docs/api/dispatch.md): intake, related calls, dispatch to a patrol unit,
// diversion to departments, the live board, callbacks, figures, and the department's work orders (dept_staff).
// Callers' numbers and names come masked everywhere except getCaller (the desk, audited).
import { http, type Query } from './http'

const B = '/dispatch'

export type CallState = 'received' | 'dispatched' | 'accepted' | 'arrived' | 'finished' | 'diverted' | 'review' | 'closed'
export const OPEN_STATES: CallState[] = ['received', 'dispatched', 'accepted', 'arrived', 'finished', 'diverted', 'review']
export type PatrolStatus = 'available' | 'en_route' | 'on_scene' | 'busy' | 'off_duty'

export interface Category {
  code: string
  parent: string
  name_zh: string
  name_en: string
  police: boolean
  priority: number
  dispatch_minutes: number
  arrival_minutes: number
  basis: string
}
export interface Department {
  code: string
  name: string
  org_id: number | null
  contact_name: string
  contact_phone: string
  limit_hours: number
  channel: string
  topics: string
}
export interface Options {
  categories: Category[]
  departments: Department[]
  units: { id: number; name: string; kind: string }[]
}

export interface Call {
  id: number
  call_no: string
  received_at: number
  age_s: number
  caller_phone: string
  caller_name: string
  caller_masked: boolean
  summary: string
  place_text: string
  address_id: number | null
  latitude: number | null
  longitude: number | null
  category: string
  category_zh: string
  category_en: string
  police: boolean
  priority: number
  source: string
  external_ref: string
  unit_id: number
  unit_name: string
  patrol_id: number | null
  patrol_name: string
  state: CallState
  outcome: string
  case_id: number | null
  dispatched_at: number | null
  accepted_at: number | null
  arrived_at: number | null
  finished_at: number | null
  closed_at: number | null
  escalated_at: number | null
  dispatch_due_at: number
  arrival_due_at: number
  overdue: boolean
  version: number
}
export interface CallEvent {
  id: number
  at: number
  user_id: number | null
  user_name: string
  action: string
  from_state: string
  to_state: string
  detail: string
}
export interface Patrol {
  id: number
  code: string
  name: string
  unit_id: number
  unit_name: string
  status: PatrolStatus
  status_at: number
  call_id: number | null
  latitude: number | null
  longitude: number | null
  position_at: number | null
}
export interface WorkOrder {
  id: number
  order_no: string
  call_id: number
  call_no: string
  summary: string
  place_text: string
  category: string
  department_code: string
  department_name: string
  state: 'sent' | 'accepted' | 'reported' | 'closed'
  due_at: number
  note: string
  accepted_at: number | null
  reported_at: number | null
  closed_at: number | null
  report: string
  version: number
  created_at: number
}
export interface Callback {
  id: number
  call_id: number
  call_no: string
  work_order_id: number | null
  unit_id: number
  created_at: number
  due_at: number
  state: 'pending' | 'done'
  result: '' | 'satisfied' | 'basic' | 'unsatisfied'
  comment: string
  done_at: number | null
  review: '' | 'open' | 'done'
  review_note: string
}
export interface CallDetail extends Call {
  events: CallEvent[]
  work_orders: WorkOrder[]
  callback: Callback | null
  related: Call[]
}
// The live board's lean reply (docs/api/dispatch.md "Board", ADR 0070): only what the board shows; category and
// unit names once, by code / id; no caller. Age and lateness are derived here from received_at, the due times and now.
export type BoardCall = Pick<Call, 'id' | 'call_no' | 'received_at' | 'state' | 'category' | 'police' | 'summary' |
  'place_text' | 'latitude' | 'longitude' | 'patrol_id' | 'dispatch_due_at' | 'arrival_due_at'>
export type BoardPatrol = Pick<Patrol, 'id' | 'code' | 'name' | 'unit_id' | 'status' | 'latitude' | 'longitude'>
export interface Board {
  now: number
  total: number
  counts: Record<string, number>
  calls: BoardCall[]
  patrols: BoardPatrol[]
  units: Record<string, string>
  categories: Record<string, { zh: string; en: string }>
}
export interface FigureRow {
  unit_id: number
  unit_name: string
  month: string
  calls: number
  diverted: number
  callbacks: number
  satisfied: number
  basic: number
  unsatisfied: number
}
export interface Figures {
  items: FigureRow[]
  total: { calls: number; diverted: number; callbacks: number; satisfied: number; basic: number; diverted_share: number; satisfaction: number }
}
export interface Paged<T> {
  items: T[]
  total: number
}
export interface IntakeBody {
  caller_phone: string
  caller_name?: string
  summary: string
  place_text: string
  category: string
  priority?: number
  unit_id?: number
}

export const dispatchOptions = () => http.get<Options>(`${B}/options`)
export const listCalls = (q: Query) => http.get<Paged<Call>>(`${B}/calls`, q)
export const takeCall = (body: IntakeBody) => http.post<Call & { related: Call[] }>(`${B}/calls`, body)
export const relatedCalls = (body: { caller_phone?: string; place_text?: string }, signal?: AbortSignal) =>
  http.post<{ items: Call[] }>(`${B}/related`, body, { signal })
export const getCall = (id: number) => http.get<CallDetail>(`${B}/calls/${id}`)
export const getCaller = (id: number) => http.get<{ id: number; caller_phone: string; caller_name: string }>(`${B}/calls/${id}/caller`)
export const dispatchCall = (id: number, body: { patrol_id?: number; unit_id?: number; version?: number }) =>
  http.post<Call>(`${B}/calls/${id}/dispatch`, body)
export const respondCall = (id: number, body: { action: 'accept' | 'arrive' | 'finish'; note?: string; version?: number }) =>
  http.post<Call>(`${B}/calls/${id}/respond`, body)
export const openCase = (id: number, body: { cause?: string } = {}) =>
  http.post<{ case_id?: number; id?: number; case_no?: string }>(`${B}/calls/${id}/case`, body)
export const divertCall = (id: number, body: { department_code: string; note?: string; version?: number }) =>
  http.post<Call & { work_order: WorkOrder }>(`${B}/calls/${id}/divert`, body)
export const getBoard = () => http.get<Board>(`${B}/board`)
export const listPatrols = () => http.get<{ items: Patrol[] }>(`${B}/patrols`)
export const setPatrolStatus = (id: number, status: PatrolStatus, where?: { latitude: number; longitude: number }) =>
  http.post<Patrol>(`${B}/patrols/${id}/status`, { status, ...where })
// The phone's unit: the patrol the officer leads and the call it is on (masked), or null.
export const getMyPatrol = () => http.get<{ patrol: Patrol; call: Call | null }>(`${B}/my-patrol`)
export const listDeptOrders = (q: Query = {}) => http.get<Paged<WorkOrder>>(`${B}/dept/orders`, q)
export const acceptDeptOrder = (id: number, version?: number) => http.post<WorkOrder>(`${B}/dept/orders/${id}/accept`, { version })
export const reportDeptOrder = (id: number, report: string, version?: number) =>
  http.post<WorkOrder>(`${B}/dept/orders/${id}/report`, { report, version })
export const listCallbacks = (q: Query = {}) => http.get<Paged<Callback>>(`${B}/callbacks`, q)
export const recordCallback = (id: number, body: { result: string; comment?: string }) => http.post<Callback>(`${B}/callbacks/${id}`, body)
export const concludeReview = (id: number, note: string) => http.post<Callback>(`${B}/callbacks/${id}/conclude`, { note })
export const getFigures = (q: Query = {}) => http.get<Figures>(`${B}/figures`, q)

// Seconds → "1h 05m" style, short, for ages on the board.
export function ageText(s: number): string {
  const m = Math.floor(s / 60)
  if (m < 60) return `${m}′`
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}′`
}
