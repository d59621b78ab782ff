// The community officer's daily work (issue 14, ADR 0035): visits, patrols, mediations, tasks. Routes:
// docs/api/community_work.md. Every write takes an optional client_key (idempotency: the same key answers the
// first record). Names of people come masked.
import { http } from './http'
import type { PageQuery, Paged } from './types'

export const WORK_READ = 'community.work.read'
export const WORK_WRITE = 'community.work.write'
export const TASK_ASSIGN = 'community.task.assign'

export interface PersonRef {
  person_id: number | null
  name: string
}

export interface Visit {
  id: number
  officer_id: number
  officer_name: string
  unit_id: number
  grid_id: string
  people: PersonRef[]
  address_id: string
  address_name: string
  house_id: number | null
  org_id: number | null
  visited_at: string
  place: string
  kind: string
  findings: string
  follow_up: boolean
  follow_up_note: string
  created_at: string
}

export interface NewVisit {
  person_ids?: number[]
  address_id?: string
  house_id?: number
  org_id?: number
  visited_at?: string
  place?: string
  kind?: string
  findings: string
  follow_up?: boolean
  follow_up_note?: string
  client_key?: string
}

export interface Patrol {
  id: number
  officer_id: number
  officer_name: string
  unit_id: number
  grid_id: string
  started_at: string
  ended_at: string
  minutes: number
  route: string
  notes: string
  findings: string
  created_at: string
}

export interface NewPatrol {
  grid_id?: string
  started_at: string
  ended_at: string
  route?: string
  notes?: string
  findings?: string
  client_key?: string
}

export type MediationStatus = 'open' | 'mediating' | 'closed'
export const MEDIATION_STATUSES: MediationStatus[] = ['open', 'mediating', 'closed']
export type MediationOutcome = 'success' | 'failed' | 'transferred'
export const MEDIATION_OUTCOMES: MediationOutcome[] = ['success', 'failed', 'transferred']

export interface Mediation {
  id: number
  created_by: number
  created_by_name: string
  unit_id: number
  grid_id: string
  address_id: string
  address_name: string
  dispute_type: string
  parties: PersonRef[]
  occurred_at: string
  status: MediationStatus
  outcome: MediationOutcome | ''
  transferred_to: string
  repeat: boolean
  repeat_count: number
  repeat_of: number | null
  closed_at: string | null
  created_at: string
  updated_at: string
  version: number
  summary?: string
  agreement?: string
}

export interface NewMediation {
  dispute_type: string
  parties: { person_id?: number; name?: string }[]
  address_id?: string
  occurred_at?: string
  summary?: string
  client_key?: string
}

export interface MediationChange {
  status: 'mediating' | 'closed'
  outcome?: MediationOutcome
  agreement?: string
  transferred_to?: string
  version?: number
  client_key?: string
}

export interface DisputeType {
  code: string
  name_zh: string
  name_en: string
  basis: string
}

export type TaskStatus = 'open' | 'done'
export interface Task {
  id: number
  title: string
  description: string
  assigned_by: number
  assigned_by_name: string
  unit_id: number
  assignee_id: number | null
  assignee_name: string
  grid_id: string
  address_id: string
  due_at: string
  limit_working_days: number | null
  status: TaskStatus
  overdue: boolean
  report: string
  report_media_ids: string[]
  report_longitude: number | null
  report_latitude: number | null
  completed_by: number | null
  completed_at: string | null
  created_at: string
}

export interface NewTask {
  title: string
  description?: string
  assignee_id?: number
  grid_id?: string
  address_id?: string
  unit_id?: number
  due_at?: string
  limit_working_days?: number
  client_key?: string
}

export interface TaskReport {
  report: string
  media_ids?: string[]
  longitude?: number
  latitude?: number
  client_key?: string
}

export interface WorkQuery extends PageQuery {
  grid_id?: string
  address_id?: string
  officer_id?: number
  from?: string
  to?: string
}
export interface VisitQuery extends WorkQuery {
  follow_up?: boolean
}
export interface MediationQuery extends WorkQuery {
  status?: MediationStatus | ''
  dispute_type?: string
  repeat?: boolean
}
export interface TaskQuery extends PageQuery {
  mine?: boolean
  status?: 'open' | 'done' | 'overdue' | ''
  grid_id?: string
  assignee_id?: number
  from?: string
  to?: string
}
export type ExportKind = 'visits' | 'patrols' | 'mediations' | 'tasks'

// A fresh idempotency key for one form submission (kept while the dialog is open, so a retry resends it).
export function newClientKey(): string {
  const c = globalThis.crypto
  if (c && 'randomUUID' in c) return `web:${c.randomUUID()}`
  return `web:${Date.now().toString(36)}:${Math.random().toString(36).slice(2)}`
}

// Query booleans go as 1; false and empty values are left out.
function q(query: object): Record<string, string | number | undefined> {
  const out: Record<string, string | number | undefined> = {}
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '' || v === false) continue
    out[k] = v === true ? 1 : (v as string | number)
  }
  return out
}

export const listVisits = (query: VisitQuery) => http.get<Paged<Visit>>('/community/visits', q(query))
export const getVisit = (id: number) => http.get<Visit>(`/community/visits/${id}`)
export const createVisit = (body: NewVisit) => http.post<Visit>('/community/visits', body)
export const listPatrols = (query: WorkQuery) => http.get<Paged<Patrol>>('/community/patrols', q(query))
export const createPatrol = (body: NewPatrol) => http.post<Patrol>('/community/patrols', body)
export const listMediations = (query: MediationQuery) =>
  http.get<Paged<Mediation>>('/community/mediations', q(query))
export const getMediation = (id: number) => http.get<Mediation>(`/community/mediations/${id}`)
export const createMediation = (body: NewMediation) => http.post<Mediation>('/community/mediations', body)
export const changeMediation = (id: number, body: MediationChange) =>
  http.patch<Mediation>(`/community/mediations/${id}`, body)
export const listDisputeTypes = () => http.get<{ items: DisputeType[] }>('/community/dispute-types')
export const listTasks = (query: TaskQuery) => http.get<Paged<Task>>('/community/tasks', q(query))
export const getTask = (id: number) => http.get<Task>(`/community/tasks/${id}`)
export const assignTask = (body: NewTask) => http.post<Task>('/community/tasks', body)
export const reportTask = (id: number, body: TaskReport) => http.post<Task>(`/community/tasks/${id}/report`, body)
// Reported before a list page saves its CSV, so that every export is in the audit log.
export const reportExport = (kind: ExportKind, rows: number, filters: object) =>
  http.post<void>('/community/work/exported', { kind, rows, filters })

// Every row of a list, page after page (200 a page), for the CSV export; `progress` after each page.
export async function fetchAll<T>(
  fetchPage: (page: number, pageSize: number) => Promise<Paged<T>>,
  progress?: (done: number, total: number) => void,
): Promise<T[]> {
  const out: T[] = []
  for (let page = 1; ; page++) {
    const r = await fetchPage(page, 200)
    out.push(...r.items)
    progress?.(out.length, r.total)
    if (r.items.length < 200 || out.length >= r.total) return out
  }
}

export interface OfficerChoice {
  id: number
  name: string
  police_no: string
  unit_id: number
  unit_name: string
}
export const listOfficers = (query: string) =>
  http.get<{ items: OfficerChoice[] }>('/community/officers', query ? { q: query } : {})
