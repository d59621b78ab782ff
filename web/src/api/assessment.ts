// Community-police assessment (assessment.read, assessment.appeal, assessment.appeal.decide, assessment.rules.write)
// and its public results page. Routes: docs/api/assessment.md.
import { http } from './http'

export interface OfficerScore {
  officer_id: number
  name: string
  police_no: string
  unit_id: number
  unit_name: string
  score: number
  added: number
  deducted: number
  capped: number
  items: number
  by_code: Record<string, number>
  rank: number
  unit_rank: number
}
export interface StationScore { unit_id: number; unit_name: string; officers: number; total: number; average: number; rank: number }
export interface GridScore { grid_code: string; grid_name: string; officers: number; total: number; average: number; rank: number }
export interface Scores { month: string; edition_version: number; officers: OfficerScore[]; stations: StationScore[]; grids: GridScore[] }

export interface AssessmentItem {
  id: number
  code: string
  name_zh: string
  name_en: string
  basis: string
  points: number
  counted: number
  at: string
  event: string
  object: string
  audit_id: number | null
  voided: boolean
  appeal_status: '' | 'pending' | 'upheld' | 'rejected'
  appeal_id: number | null
}
export interface OfficerItems { officer_id: number; month: string; counted_total: number; items: AssessmentItem[] }

export interface Appeal {
  id: number
  item_id: number
  officer_id: number
  officer_name?: string
  police_no?: string
  reason: string
  status: 'pending' | 'upheld' | 'rejected'
  opinion: string
  created_at: string
  decided_at: string | null
  item: { code: string; month: string; event: string; object: string; at: string; audit_id: number | null }
}

export interface Rule {
  code: string
  kind: 'base' | 'add' | 'deduct'
  points: number
  cap: number
  events: string[]
  name_zh: string
  name_en: string
  basis: string
}
export interface Edition { version: number; effective_month: string; in_force: boolean; rules: Rule[] }

export interface PublicResults {
  month: string
  edition_version: number
  stations: { rank: number; unit_name: string; officers: number; average: number }[]
  grids: { rank: number; grid_code: string; grid_name: string; officers: number; average: number }[]
  officers: { rank: number; police_no: string; unit_name: string; score: number }[]
}

export const getScores = (month: string, unitId?: number) =>
  http.get<Scores>('/assessment/scores', { month, unit_id: unitId })
export const getOfficerItems = (officerId: number, month: string) =>
  http.get<OfficerItems>(`/assessment/officers/${officerId}/items`, { month })
export const appealItem = (itemId: number, reason: string) =>
  http.post<{ appeal_id: number; status: string }>(`/assessment/items/${itemId}/appeal`, { reason })
export const listAppeals = (status: string) => http.get<{ items: Appeal[] }>('/assessment/appeals', { status })
export const decideAppeal = (id: number, outcome: 'upheld' | 'rejected', opinion: string) =>
  http.post<Appeal>(`/assessment/appeals/${id}/decide`, { outcome, opinion })
export const listEditions = () => http.get<{ items: Edition[] }>('/assessment/editions')
export const createEdition = (effectiveMonth: string, rules: Rule[], note: string) =>
  http.post<{ version: number }>('/assessment/editions', { effective_month: effectiveMonth, rules, note })
export const runImport = () => http.post<{ items: number }>('/assessment/import', {})
export const getPublicResults = (month?: string) =>
  http.get<PublicResults>('/public/assessment/results', { month }, { skipAuthHook: true })
