// Watch orders (布控) and their hits (watch.read, watch.apply, watch.approve). Routes: docs/api/checkpoint-watch.md.
import { http } from './http'
import type { PageQuery, Paged } from './types'
import type { AlertColour } from './alerts'

export type WatchStatus = 'pending' | 'active' | 'rejected' | 'withdrawn' | 'expired'
export const WATCH_STATUSES: WatchStatus[] = ['pending', 'active', 'rejected', 'withdrawn', 'expired']

// GA/T 1400 PlateColor codes offered on the form (0 = any colour).
export const PLATE_COLOURS = [0, 5, 6, 2, 1, 9] as const

export interface WatchUnit {
  id: number
  name: string
}

export interface WatchEvent {
  id: number
  at: string
  user_id: number | null
  user_name: string
  action: 'create' | 'approve' | 'reject' | 'change' | 'withdraw' | 'expire'
  reason: string
  detail: string
}

export interface WatchHit {
  id: number
  order_id: number
  plate: string
  plate_color: number
  checkpoint_id: string
  checkpoint_name: string
  pass_time: string
  direction: number
  lane: number
  speed: number
  alert_id: number | null
  recorded_at: string
  case_no: string
  colour: AlertColour
}

export interface WatchOrder {
  id: number
  target_kind: 'plate'
  target: string
  plate_color: number
  reason: string
  case_no: string
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
  status: WatchStatus
  version: number
  created_at: string
  updated_at: string
  units: WatchUnit[]
}

export interface WatchOrderDetail extends WatchOrder {
  events: WatchEvent[]
  hits: WatchHit[]
  hits_total: number
}

export interface WatchFilters {
  status?: WatchStatus | ''
  plate?: string
  unit_id?: number
  case_no?: string
}

export interface OrderRequest {
  target?: string
  plate_color?: number
  reason: string
  case_no: string
  valid_from: string
  valid_to: string
  priority: number
  colour?: AlertColour
  unit_ids: number[]
}

export interface ChangeRequest {
  reason: string
  valid_from?: string
  valid_to?: string
  priority?: number
  colour?: AlertColour
  reason_text?: string
  unit_ids?: number[]
  version?: number
}

export interface ImportProblem {
  line: number
  plate: string
  field: string
  problem: string
}

export interface ImportReport {
  rows: number
  created: { id: number; plate: string }[]
  invalid: ImportProblem[]
  duplicates: ImportProblem[]
}

export interface WatchOptions {
  units: { id: number; name: string; kind: string; parent_id: number | null }[]
  priorities: { priority: number; colour: AlertColour; name_zh: string; name_en: string }[]
}

const base = '/checkpoint/watch-orders'
export const listWatchOrders = (f: WatchFilters & PageQuery) => http.get<Paged<WatchOrder>>(base, { ...f })
export const getWatchOrder = (id: number) => http.get<WatchOrderDetail>(`${base}/${id}`)
export const createWatchOrder = (r: OrderRequest) => http.post<WatchOrder>(base, r)
export const changeWatchOrder = (id: number, r: ChangeRequest) => http.put<WatchOrder>(`${base}/${id}`, r)
export const approveWatchOrder = (id: number, version?: number) =>
  http.post<WatchOrder>(`${base}/${id}/approve`, { version })
export const rejectWatchOrder = (id: number, reason: string, version?: number) =>
  http.post<WatchOrder>(`${base}/${id}/reject`, { reason, version })
export const withdrawWatchOrder = (id: number, reason: string, version?: number) =>
  http.post<WatchOrder>(`${base}/${id}/withdraw`, { reason, version })
export const importWatchOrders = (r: Omit<OrderRequest, 'target' | 'plate_color'> & { text: string }) =>
  http.post<ImportReport>(`${base}/import`, r)
export const watchOptions = () => http.get<WatchOptions>(`${base}/options`)
export const listWatchHits = (f: { order_id?: number; plate?: string } & PageQuery) =>
  http.get<Paged<WatchHit>>('/checkpoint/watch-hits', { ...f })
