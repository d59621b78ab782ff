// Vehicle analyses over the pass engine (analysis.run). Routes: docs/api/checkpoint-analysis.md.
// Every run states a purpose and a case number (sent as query parameters; the server records them in the
// audit log with the query). Short runs answer at once; long ones (or background: true) queue a task.
import { http } from './http'
import type { PageQuery, Paged } from './types'

export type AnalysisKind = 'trajectory' | 'companion' | 'collision' | 'first_seen' | 'cloned' | 'night'
export const ANALYSIS_KINDS: AnalysisKind[] = ['trajectory', 'companion', 'collision', 'first_seen', 'cloned', 'night']
export type TaskStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled'

export interface Purpose {
  purpose: string
  case_no: string
}

// Times are "YYYY-MM-DD HH:MM:SS" China time, [from, to).
export interface CollisionCondition {
  checkpoints: string[]
  from: string
  to: string
}
export interface AnalysisParams {
  plate?: string
  from?: string
  to?: string
  window_s?: number
  min_checkpoints?: number
  conditions?: CollisionCondition[]
  min_match?: number
  lookback_days?: number
  checkpoints?: string[]
  max_speed_kmh?: number
  night_start?: string
  night_end?: string
  min_nights?: number
  min_night_share?: number
}

export interface PassPoint {
  checkpoint_id: string
  pass_time: string
}
export interface ResultCheckpoint {
  id: string
  name: string
  longitude: number | null
  latitude: number | null
}
export interface AnalysisResult {
  passes?: PassPoint[]
  companions?: { plate: string; checkpoints: number; co_passes: number; score: number }[]
  plates?: {
    plate: string
    matched?: number
    first_pass_time?: string
    checkpoint_id?: string
    nights?: number
    night_passes?: number
    day_passes?: number
  }[]
  suspects?: { plate: string; a: PassPoint; b: PassPoint; distance_km: number; speed_kmh: number | null }[]
  count?: number
  checkpoints: ResultCheckpoint[]
}

export interface RunReply {
  task_id: number
  status: TaskStatus
  kind: AnalysisKind
  row_count?: number
  result?: AnalysisResult
}

export interface AnalysisTask {
  id: number
  kind: AnalysisKind
  params: AnalysisParams
  purpose: string
  case_no: string
  status: TaskStatus
  progress: number
  phase: string
  row_count: number
  created_at: string
  started_at: string | null
  finished_at: string | null
  error?: { code: string; message: string; fields?: Record<string, string> } | string
  result?: AnalysisResult
  saved_at?: string
  note?: string
}

const base = '/checkpoint/analyses'

export function runAnalysis(kind: AnalysisKind, params: AnalysisParams, purpose: Purpose, background = false) {
  return http.post<RunReply>(base, { kind, params, ...(background ? { background } : {}) }, {
    query: { purpose: purpose.purpose, case_no: purpose.case_no },
  })
}
export const listTasks = (q: PageQuery) => http.get<Paged<AnalysisTask>>(`${base}/tasks`, { ...q })
export const getTask = (id: number) => http.get<AnalysisTask>(`${base}/tasks/${id}`)
export const cancelTask = (id: number) => http.post<{ task_id: number; status: TaskStatus }>(`${base}/tasks/${id}/cancel`, {})
export const saveTaskToCase = (id: number, caseNo: string, note = '') =>
  http.post<{ task_id: number; case_no: string }>(`${base}/tasks/${id}/save`, { case_no: caseNo, note })
// The saved results of a case and an export are sensitive reads too: they state the purpose and case number, which
// the server checks like a run's (a case the user may see, or an approved exception).
export const listSavedForCase = (purpose: Purpose) =>
  http.get<Paged<AnalysisTask>>(base, { purpose: purpose.purpose, case_no: purpose.case_no })
// Results are exported in the browser; each export is reported first so that it is in the audit log.
export const reportExport = (id: number, rows: number, purpose: Purpose) =>
  http.post<void>(`${base}/tasks/${id}/exported`, { rows, format: 'csv' }, {
    query: { purpose: purpose.purpose, case_no: purpose.case_no },
  })

// Search exceptions (issue 13): a case number that is no case of mine, with a reason a leader approves.
export type ExceptionStatus = 'pending' | 'approved' | 'rejected'
export interface SearchException {
  id: number
  username: string
  case_no: string
  reason: string
  status: ExceptionStatus
  requested_at: string
  decider_name: string
  decided_at: string | null
  decision_note: string
  valid_until: string | null
}
export const requestException = (caseNo: string, reason: string) =>
  http.post<{ id: number; status: ExceptionStatus }>(`${base}/exceptions`, { case_no: caseNo, reason })
export const listExceptions = (q: PageQuery & { status?: string; mine?: string }) =>
  http.get<Paged<SearchException> & { can_decide: boolean }>(`${base}/exceptions`, { ...q })
export const decideException = (id: number, approve: boolean, note: string) =>
  http.post<SearchException>(`${base}/exceptions/${id}/${approve ? 'approve' : 'reject'}`, note ? { note } : {})
