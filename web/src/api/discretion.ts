// The penalty discretion engine (行政处罚自动裁量): POST /discretion/decide (discretion.decide).
// Same contract as `jingwu discretion decide` (src/modules/discretion/decision_json.cpp).
import { http } from './http'

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

export interface ViolationRequest {
  tier: TierKey
  pick?: Pick
  add_fine?: boolean
  factors: string[]
  mitigation: Mitigation
}

export interface DecisionRequest {
  law: LawChoice
  act_end_date: string
  decision_date: string
  discovered_date?: string
  offender: Offender
  prior_restraint_days: number
  violations: ViolationRequest[]
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

export interface ViolationDecision {
  tier: TierKey
  circumstance: string
  outcome: 'penalty' | 'not_punished' | 'no_longer_punished' | string
  detention_days: number
  fine_yuan: number
  warning: boolean
  detention_executed: boolean
  corrective_education: boolean
  trace: TraceStep[]
}

export interface Decision {
  law_applied: string
  benchmark_edition: string
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
