// Case supervision (执法监督): legal review (the reviewer's queue, opinions, problems and the officer's answers,
// resubmission), the leaders' dashboard with drill-down, and enforcement scoring (an officer's electronic
// enforcement file, the monthly ranking and its export). Contract: docs/http_api.md "## Supervision"
// (handlers: src/modules/cases/{review,supervision,scoring}/*_handlers.cpp).
import { API_BASE, download, http, type Download } from './http'

export type ReviewOpinion = 'approve' | 'return'

export interface ReviewQueueItem {
  case_id: number
  case_no: string
  case_type: string
  cause: string
  unit_id: number
  unit_name: string
  officer_id: number
  officer_name: string
  submitted_at: string
  rounds: number
  version: number
}

export interface ProblemType {
  code: string
  name_zh: string
  name_en: string
  basis: string
  points: number
}

export interface Problem {
  id: number
  review_id: number
  case_id: number
  officer_id: number
  type: string
  type_name: string
  basis: string
  text: string
  raised_at: string
  answer: string | null
  answered_at: string | null
}

export interface Review {
  id: number
  round: number
  reviewer_id: number
  reviewer_name: string
  opinion: ReviewOpinion
  comment: string
  at: string
}

export interface CaseReview {
  case_id: number
  case_no: string
  state: string
  version: number
  reviews: Review[]
  problems: Problem[]
  open_problems: number
  steps: { step: string; actor_id: number; actor_name: string; at: string; detail: unknown }[]
}

export interface OpinionInput {
  opinion: ReviewOpinion
  comment: string
  problems: { type: string; text: string }[]
  expected_version: number
}

export interface OpinionReply {
  review: Review
  problems: Problem[]
  state: string
  version: number
}

export interface Counts {
  open: number
  due_soon: number
  overdue: number
  returned: number
}

export interface UnitSummary {
  unit_id: number
  unit_name: string
  counts: Counts
  by_stage: Record<string, number>
}

export type Bucket = 'open' | 'due_soon' | 'overdue' | 'returned'

export interface DashboardCase {
  id: number
  case_no: string
  case_type: string
  cause: string
  state: string
  unit_id: number
  unit_name: string
  officer_id: number
  officer_name: string
  accepted_at: string
  next_clock: string | null
  next_deadline: string | null
  days_left: number | null
  due_soon: boolean
  overdue: boolean
  returned: boolean
}

export interface Dashboard {
  totals: Counts
  by_stage: Record<string, number>
  units: UnitSummary[]
  due_soon_days: number
  // Only when a drill-down (unit, stage or bucket) was asked for.
  cases?: DashboardCase[]
}

export interface Drill {
  unit_id?: number
  stage?: string
  bucket?: Bucket
}

export interface ScoreItem {
  case_id: number
  case_no: string
  code: string
  name: string
  basis: string
  points: number
  at: string
  month: string
  detail: string
}

export interface MonthScore {
  month: string // YYYY-MM
  score: number
  deducted: number
  added: number
  items: number
}

export interface OfficerFile {
  officer: { id: number; name: string; police_no: string; unit_id: number; unit_name: string }
  base: number
  cases: { id: number; case_no: string; case_type: string; cause: string; state: string; accepted_at: string; closed_at: string | null }[]
  problems: { id: number; case_id: number; type: string; text: string; raised_at: string; answered_at: string | null }[]
  items: ScoreItem[]
  months: MonthScore[]
}

export interface RankedOfficer {
  officer_id: number
  name: string
  police_no: string
  unit_id: number
  unit_name: string
  score: number
  deducted: number
  added: number
  items: number
  rank: number
  unit_rank: number
}

export interface RankedUnit {
  unit_id: number
  unit_name: string
  officers: number
  average: number
  rank: number
}

export interface Ranking {
  month: string
  officers: RankedOfficer[]
  units: RankedUnit[]
}

export interface RankingQuery {
  month: string // YYYY-MM
  unit_id?: number
}

// Cases in legal_review within the reviewer's scope, oldest submission first (case.review).
export function reviewQueue(): Promise<{ items: ReviewQueueItem[]; total: number }> {
  return http.get<{ items: ReviewQueueItem[]; total: number }>('/review/queue')
}

export function problemTypes(): Promise<{ items: ProblemType[] }> {
  return http.get<{ items: ProblemType[] }>('/review/problem-types')
}

// Problems raised on the caller's cases, newest first; `open` keeps the unanswered ones.
export function myProblems(open: boolean): Promise<{ items: Problem[]; total: number }> {
  return http.get<{ items: Problem[]; total: number }>('/review/problems', { open: open ? 1 : undefined })
}

export function caseReview(caseId: number): Promise<CaseReview> {
  return http.get<CaseReview>(`/review/cases/${caseId}`)
}

// approve: no problems; return: at least one. 409 when the case left legal_review or changed (stale version).
export function submitOpinion(caseId: number, o: OpinionInput): Promise<OpinionReply> {
  return http.post<OpinionReply>(`/review/cases/${caseId}/opinion`, o)
}

// Sends the case (back) to review; 409 {problems: unanswered} while a returned problem is open.
export function submitForReview(caseId: number, expectedVersion: number): Promise<{ case_id: number; state: string; version: number }> {
  return http.post<{ case_id: number; state: string; version: number }>(`/review/cases/${caseId}/submit`, {
    expected_version: expectedVersion,
  })
}

// 409 {id: already_answered}.
export function answerProblem(id: number, answer: string): Promise<Problem> {
  return http.post<Problem>(`/review/problems/${id}/answer`, { answer })
}

// `date` (YYYY-MM-DD): count by the unit structure in force that day (after a restructure, old or new units).
export function getDashboard(drill: Drill = {}, date?: string): Promise<Dashboard> {
  return http.get<Dashboard>('/supervision/dashboard', { ...drill, date: date || undefined })
}

export function officerFile(officerId: number): Promise<OfficerFile> {
  return http.get<OfficerFile>(`/supervision/officers/${officerId}/file`)
}

export function getRanking(q: RankingQuery): Promise<Ranking> {
  return http.get<Ranking>('/supervision/ranking', { ...q })
}

// CSV (UTF-8 with BOM, opens in Excel); the export is audited.
export function exportRanking(q: RankingQuery, fallbackName: string): Promise<Download> {
  return download('/supervision/ranking/export.csv', { ...q }, fallbackName)
}

// The 延长办案期限审批表 of the case's latest extension request, to print (html) or keep (pdf); 404 without one.
export function extensionFormUrl(caseId: number, format: 'html' | 'pdf'): string {
  return `${API_BASE}/supervision/cases/${caseId}/extension-form?format=${format}`
}
