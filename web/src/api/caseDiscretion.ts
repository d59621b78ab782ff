// The discretion calculator opened from a case (issue 13): what the case already knows (dates, the suspects with
// their age at the act, the cause's candidate articles), the decision calculated on the current edition, and
// recording it on the case. The server takes the birth date from the suspect's ID number and recomputes the
// decision before recording it (docs/http_api.md § Cases, "Discretion from a case").
import { http } from './http'
import type { Case } from './cases'
import type { Decision, DecisionRequest, EditionRef, LawText, Tier } from './discretion'

export interface CaseOffender {
  person_id: number
  name: string // masked
  id_type: string
  age_at_act: number | null
  needs_birth_date: boolean
  // From the case and the master index: null when the person is not in the index (the officer says).
  first_violation: boolean | null
  earlier_cases: { case_id: number; case_no: string; occurred_at: number }[]
  prior_restraint_days: number
}

// Where the officer departs from the case's facts, the reason (audited, stored with the penalty).
export type CaseOverrides = Partial<Record<'first_violation' | 'prior_restraint_days', string>>

export interface CaseDiscretionPrefill {
  case_id: number
  case_no: string
  version: number
  case_type: string
  state: string
  law: LawText | ''
  cause: string
  act_end_date: string
  decision_date: string
  penalty_open: boolean
  locked_reason: string // penalty_locked_review | penalty_locked_decided | penalty_not_yet | …
  edition: EditionRef
  offenders: CaseOffender[]
  candidates: Tier[]
}

// The request as the calculator builds it; the offender's birth date may be left out when the ID states it.
export type CaseDecisionRequest = Omit<DecisionRequest, 'offender'> & {
  offender: Omit<DecisionRequest['offender'], 'birth_date'> & { birth_date?: string }
}

export function caseDiscretion(caseId: number): Promise<CaseDiscretionPrefill> {
  return http.get<CaseDiscretionPrefill>(`/cases/${caseId}/discretion`)
}

export function decideForCase(
  caseId: number,
  personId: number,
  request: CaseDecisionRequest,
  overrides: CaseOverrides = {},
): Promise<Decision> {
  return http.post<Decision>(`/cases/${caseId}/discretion/decide`, { person_id: personId, request, overrides })
}

export function recordDecision(
  caseId: number,
  expectedVersion: number,
  personId: number,
  request: CaseDecisionRequest,
  decision: Decision,
  overrides: CaseOverrides = {},
): Promise<Case> {
  return http.put<Case>(`/cases/${caseId}/penalty/discretion`, {
    expected_version: expectedVersion,
    person_id: personId,
    request,
    decision,
    overrides,
  })
}
