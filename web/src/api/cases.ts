// Case management (案件管理): the case list, one case with its events, clocks and people, the new-case form,
// lifecycle events with optimistic concurrency, documents, and the public progress query.
// Contract: docs/http_api.md "## Cases".
import { API_BASE, http } from './http'
import type { PageQuery, Paged } from './types'
import type { Purpose } from './users'

export type CaseType = 'administrative' | 'criminal'
export type LawText = '2012' | '2025'
export type CaseSource = 'call_110' | 'walk_in' | 'transfer' | 'found_by_police'
export type PersonRole = 'reporter' | 'victim' | 'suspect' | 'witness'
export type IdType = 'resident_id' | 'passport' | 'other' | 'none'
export type ClockStatus = 'running' | 'stopped' | 'met' | 'overdue'
// Deadline status of the list filter: the UI's own buckets over next_deadline (see views/cases/shared/clock.ts).
export type DeadlineFilter = '' | 'due_3d' | 'overdue' | 'ok'

export const CASE_TYPES: CaseType[] = ['administrative', 'criminal']
export const LAW_TEXTS: LawText[] = ['2025', '2012']
export const CASE_SOURCES: CaseSource[] = ['call_110', 'walk_in', 'transfer', 'found_by_police']
export const PERSON_ROLES: PersonRole[] = ['reporter', 'victim', 'suspect', 'witness']
export const ID_TYPES: IdType[] = ['resident_id', 'passport', 'other', 'none']
export const DEADLINE_FILTERS: Exclude<DeadlineFilter, ''>[] = ['due_3d', 'overdue', 'ok']

// States of both procedures, in procedure order (labels: cases.stage.<state>).
export const STATES = [
  'accepted',
  'filing_review',
  'filed',
  'not_filed',
  'investigation',
  'penalty_proposed',
  'legal_review',
  'decided',
  'executed',
  'transferred_for_prosecution',
  'withdrawn',
  'closed',
] as const

export interface CaseQuery extends PageQuery {
  q?: string
  case_type?: CaseType
  state?: string
  unit_id?: number
  officer_id?: number
  open?: 1
}

export interface OfficerRef {
  id: number
  name: string
  police_no: string
}

export interface ClockStop {
  from: string // YYYY-MM-DD
  to: string | null // null while still stopped
  kind: string // appraisal | hearing
  days: number
}

// The deadline engine's clock (same JSON as `jingwu deadlines compute`, src/modules/cases/case_clocks.cpp).
export interface Clock {
  key: string
  rule_id: string
  subject: string
  name: string // Chinese name; name_zh / name_en by language
  name_zh?: string
  name_en?: string
  basis: string
  counting_basis?: string
  start: string // YYYY-MM-DD
  deadline: string // YYYY-MM-DD, China date
  end?: string | null
  days_left: number
  status: ClockStatus
  length?: number
  unit?: 'days' | 'months'
  paused_days?: number
  stops?: ClockStop[]
  extensions?: { approved_on: string; length: number }[]
  extensions_max?: number
  next_extension?: { length: number; unit: string; approver: string; request_by: string } | null
  liberty_restricting?: boolean
  holiday_extended?: boolean
}

export interface CaseSummary {
  id: number
  case_no: string
  case_type: CaseType
  law: LawText | ''
  cause: string
  source: CaseSource
  state: string
  outcome: string
  unit_id: number
  unit_name: string
  lead_officer: OfficerRef
  occurred_at: string
  accepted_at: string
  last_event_at: string
  version: number
  next_deadline: Clock | null
}

export interface Person {
  id: number
  role: PersonRole
  name: string
  id_type: IdType
  id_number: string // masked
  phone: string // masked
  address: string // "" unless unmasked
  has_query_code?: boolean
  index_person_id?: number | null // the person of the master index (null: no resident ID number)
}

// The case's place in the master index: linked (address_id) or, unlinked, the candidates the matcher offers now.
export interface StandardPlace {
  address_id: string | null
  full_name: string
  score: number
  candidates: { address_id: string; full_name: string; score: number }[]
}

export interface CaseEvent {
  id: number
  seq: number
  kind: 'transition' | 'fact' | 'record'
  action: string
  from_state: string
  to_state: string
  at: string
  recorded_at: string
  actor: OfficerRef
  person_id: number | null
  reason: string
  attachments: { name: string; ref?: string }[]
}

export interface CaseAction {
  action: string
  to_state: string // "=" for facts
  requires: string[]
}

export interface QueryCode {
  id: number
  person_id: number
  created_at: string
  revoked_at: string | null
}

export interface Case extends CaseSummary {
  cause_code?: string
  place: { address: string; lon: number | null; lat: number | null; standard?: StandardPlace }
  facts: string
  assistants: OfficerRef[]
  filed_at: string | null
  closed_at: string | null
  created_at: string
  updated_at: string
  people: Person[]
  events: CaseEvent[]
  clocks: Clock[]
  allowed_actions: CaseAction[]
  query_codes: QueryCode[]
  penalty: CasePenalty | null
  // Set when the deadline engine refuses the stored events (the clocks are then missing).
  clocks_error?: string | null
}

export type PenaltyKind = 'warning' | 'fine' | 'detention' | 'fine_and_detention' | 'other'
export const PENALTY_KINDS: PenaltyKind[] = ['warning', 'fine', 'detention', 'fine_and_detention', 'other']

export interface ManualPenalty {
  kind: PenaltyKind
  amount_yuan?: number
  days?: number
  text: string
  // The article of the 治安管理处罚法 the decision cites (printed on the documents); older records may lack it.
  article?: number
  paragraph?: number
  item?: number
}

// Recorded by hand, or the reply of POST /discretion/decide.
export type CasePenalty =
  | { source: 'manual'; data: ManualPenalty }
  | { source: 'discretion'; data: Record<string, unknown> }

export interface PersonInput {
  role: PersonRole
  name: string
  id_type: IdType
  id_number?: string
  phone?: string
  address?: string
}

export interface NewCase {
  case_type: CaseType
  law?: LawText
  cause: string
  source: CaseSource
  occurred_at: string // ISO 8601 UTC
  place: { address: string; lon?: number; lat?: number }
  facts: string
  people?: PersonInput[]
  idempotency_key?: string
}

export interface EventInput {
  action: string
  expected_version: number
  // The same key for retries of one decision: the server records the event once (double clicks, lost replies).
  idempotency_key: string
  reason?: string
  person_id?: number
  days?: number
  data?: Record<string, string> // item (seizures), ground (detention_extended beyond 7 days)
}

export function listCases(q: CaseQuery): Promise<Paged<CaseSummary>> {
  return http.get<Paged<CaseSummary>>('/cases', { ...q })
}

export function getCase(id: number): Promise<Case> {
  return http.get<Case>(`/cases/${id}`)
}

export function createCase(req: NewCase): Promise<Case> {
  return http.post<Case>('/cases', req)
}

// 409 `conflict` when the case changed since `expected_version` (fields.expected_version = "stale") or the action
// no longer fits its state (fields.action = "not_allowed_in_state"): reload and let the user decide again.
export function recordEvent(id: number, e: EventInput): Promise<{ case: Case; event: CaseEvent }> {
  return http.post<{ case: Case; event: CaseEvent }>(`/cases/${id}/events`, e)
}

// The list is exported as CSV in the browser; each export is reported first so that it is in the audit log.
export function reportCasesExport(rows: number, filters: Record<string, string | number | null>): Promise<void> {
  return http.post<void>('/cases/exported', { rows, format: 'csv', filters })
}

// One person unmasked: a sensitive read, audited with its purpose and case number (case.person.read).
// Administrative cases in investigation, penalty_proposed or legal_review (docs/http_api.md § Cases).
export function recordPenalty(id: number, expectedVersion: number, penalty: ManualPenalty): Promise<Case> {
  return http.put<Case>(`/cases/${id}/penalty`, { expected_version: expectedVersion, source: 'manual', penalty })
}

export function getPersonFull(caseId: number, personId: number, p: Purpose): Promise<Person> {
  return http.get<Person>(`/cases/${caseId}/people/${personId}`, { purpose: p.purpose, case_no: p.case_no })
}

export type CaseDocument = 'acceptance_form' | 'filing_decision' | 'not_filed_notice'

// Documents that print people's whole ID number, phone and address (or name them): they are read like a
// person's full record — case.person.read and a stated purpose and case number, audited with the print.
export const PEOPLE_DOCUMENTS: readonly CaseDocument[] = ['acceptance_form', 'not_filed_notice']

// Print-ready documents open in a new tab (the session cookie rides along); the purpose rides in the query.
export function documentUrl(caseId: number, doc: CaseDocument, format: 'html' | 'pdf', p?: Purpose): string {
  const url = `${API_BASE}/cases/${caseId}/documents/${doc}.${format}`
  if (!p) return url
  return `${url}?purpose=${encodeURIComponent(p.purpose)}&case_no=${encodeURIComponent(p.case_no)}`
}

export interface Progress {
  case_no: string
  case_type: CaseType
  stage: string
  unit_name: string
  officer: { police_no: string; surname: string }
  last_update: string
  next_step: { action: string; deadline: string | null; basis: string } | null
}

// No login. Wrong number or code → 404 (the same for both); too many failures from one address → 429.
export function queryProgress(caseNo: string, queryCode: string): Promise<Progress> {
  return http.post<Progress>('/public/case-progress', { case_no: caseNo, query_code: queryCode }, { skipAuthHook: true })
}

export function newIdempotencyKey(): string {
  const c = globalThis.crypto
  if (c && typeof c.randomUUID === 'function') return c.randomUUID()
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`
}
