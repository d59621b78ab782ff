// The calculator opened from a case (`?case=<id>`): the case's facts fill the form (act and decision dates, the
// law text, the cause's first candidate article), the suspect is chosen from the case's people (the server takes
// the birth date from the ID number and gives the age), the calculation runs for the case, and the result is
// written back to it in one click (the server recomputes it before recording).
import { computed, reactive, ref, watch } from 'vue'
import {
  caseDiscretion,
  decideForCase,
  recordDecision,
  type CaseDecisionRequest,
  type CaseDiscretionPrefill,
  type CaseOffender,
  type CaseOverrides,
} from '@/api/caseDiscretion'
import type { Case } from '@/api/cases'
import type { Decision, DecisionRequest, LawText } from '@/api/discretion'
import type { DecideForm } from './form'

export function caseIdFromQuery(q: unknown): number | null {
  const n = Number(Array.isArray(q) ? q[0] : q)
  return Number.isInteger(n) && n > 0 ? n : null
}

// The form as the case fills it: dates, the law text of the case, the first candidate tier of the cause.
export function applyPrefill(form: DecideForm, p: CaseDiscretionPrefill): void {
  form.act_end_date = p.act_end_date
  form.decision_date = p.decision_date
  const law: LawText = p.law === '2012' ? '2012' : '2025'
  const first = p.candidates.find((c) => c.law === law) ?? p.candidates[0]
  const v = form.violations[0]
  v.law = first?.law ?? law
  if (first) {
    v.article = first.article
    v.paragraph = first.paragraph
    v.kind = first.kind
    v.seq = first.seq || 1
  }
}

// The request for the case: the birth date left to the server unless this person has no ID stating one.
export function caseRequest(req: DecisionRequest, offender: CaseOffender | undefined): CaseDecisionRequest {
  const out: CaseDecisionRequest = { ...req, offender: { ...req.offender } }
  if (!offender?.needs_birth_date || !out.offender.birth_date) delete out.offender.birth_date
  return out
}

// The offender's facts the case knows fill the form: first violation (when the master index knows the person) and
// the days of prior restriction of liberty recorded on the case.
export function applyOffenderFacts(form: DecideForm, o: CaseOffender | undefined): void {
  if (!o) return
  if (o.first_violation !== null) form.first_violation = o.first_violation
  form.prior_restraint_days = o.prior_restraint_days
}

// The facts the form departs from (each needs a reason).
export function departures(form: DecideForm, o: CaseOffender | undefined): (keyof CaseOverrides)[] {
  if (!o) return []
  const out: (keyof CaseOverrides)[] = []
  if (o.first_violation !== null && form.first_violation !== o.first_violation) out.push('first_violation')
  if (form.prior_restraint_days !== o.prior_restraint_days) out.push('prior_restraint_days')
  return out
}

export function useCaseContext() {
  const prefill = ref<CaseDiscretionPrefill | null>(null)
  const state = reactive({ personId: null as number | null, recording: false })
  // The request and decision last calculated: what is written back, whatever the form shows since.
  const last = ref<{
    request: CaseDecisionRequest
    decision: Decision
    personId: number
    overrides: CaseOverrides
  } | null>(null)
  const offender = computed(() => prefill.value?.offenders.find((o) => o.person_id === state.personId))
  // The reasons the officer gives for departing from the case's facts.
  const reasons = reactive<CaseOverrides>({})
  let boundForm: DecideForm | null = null
  watch(offender, (o) => {
    if (boundForm) applyOffenderFacts(boundForm, o)
  })

  function overridesFor(form: DecideForm): CaseOverrides {
    const out: CaseOverrides = {}
    for (const f of departures(form, offender.value)) out[f] = reasons[f] ?? ''
    return out
  }

  async function load(caseId: number, form: DecideForm): Promise<void> {
    const p = await caseDiscretion(caseId)
    prefill.value = p
    state.personId = p.offenders.length === 1 ? p.offenders[0].person_id : (p.offenders[0]?.person_id ?? null)
    applyPrefill(form, p)
    boundForm = form
    applyOffenderFacts(form, offender.value)
  }

  async function decide(req: DecisionRequest): Promise<Decision> {
    const p = prefill.value!
    const request = caseRequest(req, offender.value)
    const overrides = boundForm ? overridesFor(boundForm) : {}
    const decision = await decideForCase(p.case_id, state.personId ?? 0, request, overrides)
    last.value = { request, decision, personId: state.personId ?? 0, overrides }
    return decision
  }

  async function record(): Promise<Case> {
    const p = prefill.value!
    const l = last.value!
    state.recording = true
    try {
      const c = await recordDecision(p.case_id, p.version, l.personId, l.request, l.decision, l.overrides)
      p.version = c.version
      return c
    } finally {
      state.recording = false
    }
  }

  return { prefill, state, offender, last, reasons, load, decide, record }
}
