// The penalty discretion engine (行政处罚自动裁量): POST /discretion/decide (discretion.decide).
// Same contract as `jingwu discretion decide` (src/modules/discretion/decision_json.cpp).
import { ApiError, buildUrl, csrfToken, http, parseError } from './http'
import type { Paged } from './types'

export type LawChoice = 'auto' | '2012' | '2025'
export type LawText = '2012' | '2025'
export type TierKind = 'light' | 'base' | 'heavy'
export type Pick = 'detention' | 'fine' | 'warning'
export type Mitigation = 'lighten' | 'reduce' | 'exempt'
export type MentalCapacity = 'full' | 'limited' | 'none'

export const LAW_CHOICES: LawChoice[] = ['auto', '2012', '2025']
export const LAW_TEXTS: LawText[] = ['2012', '2025']
export const TIER_KINDS: TierKind[] = ['light', 'base', 'heavy']
export const PICKS: Pick[] = ['detention', 'fine', 'warning']
export const MITIGATIONS: Mitigation[] = ['lighten', 'reduce', 'exempt']
export const MENTAL_CAPACITIES: MentalCapacity[] = ['full', 'limited', 'none']

export interface TierKey {
  law: LawText
  article: number
  paragraph: number
  kind: TierKind
  seq?: number // omitted when 1
}

export interface Offender {
  birth_date: string // YYYY-MM-DD
  first_violation: boolean
  pregnant: boolean
  nursing_infant: boolean
  mental_capacity: MentalCapacity
  blind_or_deaf_mute: boolean
}

// Facts of the act that aggravating paragraphs test (names and types: GET /discretion/aggravations `facts`);
// victim facts go into `victims`, without their "victim." prefix.
export type FactValue = number | boolean | string
export interface FactsInput {
  victims?: Record<string, FactValue>[]
  [name: string]: FactValue | Record<string, FactValue>[] | undefined
}

export interface ViolationRequest {
  tier?: TierKey
  circumstance?: string
  pick?: Pick
  add_fine?: boolean
  factors: string[]
  mitigation: Mitigation
  facts?: FactsInput
}

export interface DecisionRequest {
  law: LawChoice
  act_end_date: string
  decision_date: string
  discovered_date?: string
  offender: Offender
  prior_restraint_days: number
  violations: ViolationRequest[]
  edition_id?: number
}

export interface TraceStep {
  step: string
  input: string
  output: string
  basis: string
  law: string
  article: number
  paragraph: number
  detail: string
}

// An aggravating paragraph the facts met; the engine applied it (a higher range, or a 从重 factor).
export interface AppliedAggravation {
  code: string
  law: LawText
  article: number
  paragraph: number
  item: number
  basis: string
  name: string
  facts: string
  note: string
  effect: 'tier' | 'factor'
  tier?: TierKey
  factor?: string
}

export interface ViolationDecision {
  tier: TierKey
  requested_tier?: TierKey
  aggravations?: AppliedAggravation[]
  circumstance: string
  outcome: 'penalty' | 'not_punished' | 'no_longer_punished' | string
  detention_days: number
  fine_yuan: number
  warning: boolean
  detention_executed: boolean
  corrective_education: boolean
  trace: TraceStep[]
}

export interface EditionRef {
  id: number
  code: string
  version: number
  content_hash: string
  sample: boolean
}

export interface Decision {
  law_applied: string
  benchmark_edition: string
  edition: EditionRef
  violations: ViolationDecision[]
  combined: {
    detention_days: number
    capped_detention_days: number
    executed_detention_days: number
    fine_yuan: number
    warning: boolean
  }
  procedure: {
    decided_by: 'station' | 'bureau' | string
    on_the_spot_allowed: boolean
    hearing_right: boolean
    legal_review_required: boolean
  }
  trace: TraceStep[]
}

export function decide(req: DecisionRequest): Promise<Decision> {
  return http.post<Decision>('/discretion/decide', req)
}

// ---- aggravating paragraphs (GET /discretion/aggravations) ----

export interface FactDef {
  name: string // "offenders", "victim.age"
  type: 'int' | 'bool' | 'date'
  name_zh: string
  min?: number
  max?: number
}

export interface AggravationRule {
  law: LawText
  code: string
  from_article: number
  from_paragraph: number
  article: number
  paragraph: number
  item: number
  basis: string
  name: string
  condition: string
  facts: string[]
  note: string
  effect: 'tier' | 'factor'
  tier?: TierKey
  factor?: string
}

export function aggravations(law?: LawText): Promise<{ items: AggravationRule[]; facts: FactDef[] }> {
  return http.get('/discretion/aggravations', { law })
}

// ---- catalogue (GET /discretion/catalogue, /discretion/factors) ----

export interface Tier extends Required<TierKey> {
  combination: string
  detention_min: number
  detention_max: number
  fine_min: number
  fine_max: number
  gains_multiple_min: number
  gains_multiple_max: number
  warning: boolean
  other: string
  clause: string
  citation: string
}

export interface CatalogueQuery {
  law?: LawText | ''
  q?: string
  article?: number | null
  page?: number
  page_size?: number
}

export function catalogue(q: CatalogueQuery): Promise<Paged<Tier> & { page: number; page_size: number }> {
  return http.get('/discretion/catalogue', {
    law: q.law || undefined,
    q: q.q || undefined,
    article: q.article || undefined,
    page: q.page,
    page_size: q.page_size,
  })
}

export interface Factor {
  law: LawText
  code: string
  source: string
  article: number
  paragraph: number
  item: number
  mandatory: boolean
  percent: number
  name: string
  citation: string
}

export function factors(law?: LawText, editionId?: number): Promise<{ items: Factor[]; edition: EditionRef }> {
  return http.get('/discretion/factors', { law, edition_id: editionId })
}

// ---- benchmark editions (docs/http_api.md "Penalty discretion") ----

export type EditionStatus = 'draft' | 'review' | 'published'

export interface Edition {
  id: number
  code: string
  version: number
  title: string
  sample: boolean
  status: EditionStatus
  based_on: number | null
  content_hash: string
  created_by: number
  created_at: number
  submitted_by: number
  submitted_at: number
  reviewed_by: number
  reviewed_at: number
  published_at: number
  review_note: string
  circumstance_count: number
}

export interface Circumstance {
  id: string
  tier: TierKey
  description: string
  base_detention: number | null // null: the tier's default base point
  base_fine: number | null
  pick: Pick | ''
  add_fine: boolean | null
}

export type CircumstanceInput = Omit<Circumstance, 'id'>

export function listEditions(): Promise<{ items: Edition[]; current_id: number | null }> {
  return http.get('/discretion/editions')
}

export function getEdition(id: number): Promise<Edition & { factors: Factor[] }> {
  return http.get(`/discretion/editions/${id}`)
}

export function editionCircumstances(
  id: number,
  q: { q?: string; law?: LawText | ''; article?: number | null; page: number; page_size: number },
): Promise<Paged<Circumstance>> {
  return http.get(`/discretion/editions/${id}/circumstances`, {
    q: q.q || undefined,
    law: q.law || undefined,
    article: q.article || undefined,
    page: q.page,
    page_size: q.page_size,
  })
}

export function createDraft(body: { from: number; code?: string; title: string }): Promise<Edition> {
  return http.post('/discretion/editions', body)
}

export function updateDraft(id: number, body: { title?: string; sample?: boolean }): Promise<Edition> {
  return http.patch(`/discretion/editions/${id}`, body)
}

export function putCircumstance(id: number, cid: string, body: CircumstanceInput): Promise<Circumstance> {
  return http.put(`/discretion/editions/${id}/circumstances/${encodeURIComponent(cid)}`, body)
}

export function deleteCircumstance(id: number, cid: string): Promise<void> {
  return http.del(`/discretion/editions/${id}/circumstances/${encodeURIComponent(cid)}`)
}

export function putFactorPercent(id: number, law: LawText, code: string, percent: number): Promise<unknown> {
  return http.put(`/discretion/editions/${id}/factors/${law}/${encodeURIComponent(code)}`, { percent })
}

export function submitEdition(id: number): Promise<Edition> {
  return http.post(`/discretion/editions/${id}/submit`, {})
}

export function publishEdition(id: number): Promise<Edition> {
  return http.post(`/discretion/editions/${id}/publish`, {})
}

export function returnEdition(id: number, note: string): Promise<Edition> {
  return http.post(`/discretion/editions/${id}/return`, { note })
}

// ---- documents (POST /discretion/documents/:kind?format=html|pdf) ----

export type DocumentKind = 'approval_report' | 'decision'
export type DocumentFormat = 'html' | 'pdf'

export interface CaseFacts {
  case_no: string
  authority: string
  offender_name: string
  gender: string
  id_document: string
  address: string
  facts: string
  evidence: string[]
  officer_opinion: string
  reviewer_opinion: string
  reconsideration_body: string
  court: string
}

export interface DocumentRequest {
  request: DecisionRequest
  facts: CaseFacts
  number?: { scheme: string; seq: number }
}

// The document as a Blob (print HTML or PDF). A POST with a file reply: built on the wrapper's URL, CSRF and error
// helpers, since http.download only does GET.
export async function documentFile(kind: DocumentKind, format: DocumentFormat, body: DocumentRequest): Promise<Blob> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: '*/*' }
  const token = csrfToken()
  if (token) headers['X-CSRF-Token'] = token
  let res: Response
  try {
    res = await fetch(buildUrl(`/discretion/documents/${kind}`, { format }), {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
      credentials: 'same-origin',
    })
  } catch (e) {
    throw new ApiError(0, { code: 'network', message: String(e) })
  }
  if (!res.ok) throw await parseError(res)
  return res.blob()
}
