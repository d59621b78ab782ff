// Four-colour alerts (alerts.read, alerts.sign, alerts.raise, alerts.board). Routes: docs/http_api.md § Alerts.
import { http } from './http'
import type { PageQuery, Paged } from './types'

export type AlertColour = 'red' | 'orange' | 'blue' | 'green'
export const ALERT_COLOURS: AlertColour[] = ['red', 'orange', 'blue', 'green']
export type AlertState = 'open' | 'closed' | 'unsigned' | 'escalated'
export const ALERT_STATES: AlertState[] = ['unsigned', 'open', 'escalated', 'closed']

export interface AlertTarget {
  unit_id: number
  unit_name?: string
  sign_due_at: string
  signed_at: string | null
  signed_by?: number | null
  escalated_at: string | null
  feedback_at: string | null
  outcome?: string
  officer?: string
  notes?: string
}

// One sighting of a grouped alert's subject (a watched plate passing a checkpoint).
export interface AlertSighting {
  id: number
  seen_at: string
  place: string
  place_id: string
  longitude: number | null
  latitude: number | null
  direction: number
  lane: number
  photo: string | null
}

export interface Alert {
  id: number
  source: string
  source_ref: string
  colour: AlertColour
  subject: string
  title: string
  case_no: string
  status: 'open' | 'closed'
  raised_at: string
  closed_at: string | null
  payload?: Record<string, unknown>
  links?: { label: string; href: string }[]
  targets?: AlertTarget[]
  sightings?: AlertSighting[]  // the detail's (grouped alerts; empty for others)
}

export interface AlertListItem extends Alert {
  age_s: number
  targets_total: number
  targets_signed: number
  targets_reported: number
  targets_escalated: number
  mine: AlertTarget | null
}

export interface AlertFilters {
  colour?: AlertColour | ''
  state?: AlertState | ''
  q?: string
  unit_id?: number
}

export interface ColourRule {
  colour: AlertColour
  name_zh: string
  name_en: string
  meaning_zh: string
  sign_within_s: number
  sms: boolean
  sound: boolean
  priority: number
}

export interface ColourStats {
  colour: AlertColour
  alerts: number
  targets: number
  signed: number
  signed_late: number
  escalated: number
  closed: number
  avg_sign_s: number
  avg_close_s: number
}

export interface UnitStats {
  unit_id: number
  unit_name: string
  targets: number
  signed: number
  signed_late: number
  escalated: number
  reported: number
  avg_sign_s: number
}

export interface AlertStats {
  from: string
  to: string
  by_colour: ColourStats[]
  by_unit: UnitStats[]
}

export interface RaiseRequest {
  colour: AlertColour
  subject: string
  title: string
  case_no?: string
  unit_ids: string[]
  notes?: string
}

export interface FeedbackRequest {
  unit_id?: number
  outcome: string
  officer: string
  notes?: string
}

export const listAlerts = (f: AlertFilters & PageQuery) => http.get<Paged<AlertListItem>>('/alerts', { ...f })
export const getAlert = (id: number) => http.get<Alert>(`/alerts/${id}`)
export const raiseAlert = (r: RaiseRequest) => http.post<Alert>('/alerts', r)
export const signAlert = (id: number, unitId?: number) =>
  http.post<Alert>(`/alerts/${id}/sign`, unitId ? { unit_id: unitId } : {})
export const feedbackAlert = (id: number, r: FeedbackRequest) => http.post<Alert>(`/alerts/${id}/feedback`, r)
export const alertStats = (from?: string, to?: string) => http.get<AlertStats>('/alerts/stats', { from, to })
export const alertPolicy = () => http.get<{ colours: ColourRule[] }>('/alerts/policy')
export const alertUnits = () =>
  http.get<{ items: { id: number; name: string; kind: string; parent_id: number | null }[] }>('/alerts/units')
