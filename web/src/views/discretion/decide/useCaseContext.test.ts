import { describe, expect, it } from 'vitest'
import type { CaseDiscretionPrefill } from '@/api/caseDiscretion'
import type { Tier } from '@/api/discretion'
import { buildRequest, emptyForm } from './form'
import { applyOffenderFacts, applyPrefill, caseIdFromQuery, caseRequest, departures } from './useCaseContext'

const tier = (law: '2012' | '2025', article: number): Tier =>
  ({ law, article, paragraph: 1, kind: 'base', seq: 1, clause: '殴打他人的' }) as unknown as Tier

const prefill = (over: Partial<CaseDiscretionPrefill> = {}): CaseDiscretionPrefill => ({
  case_id: 7,
  case_no: '5199012026XZ00021',
  version: 3,
  case_type: 'administrative',
  state: 'investigation',
  law: '2025',
  cause: '殴打他人',
  act_end_date: '2026-12-05',
  decision_date: '2026-12-07',
  penalty_open: true,
  locked_reason: '',
  edition: { id: 1, code: 'SAMPLE-1', version: 1, content_hash: 'x', sample: true },
  offenders: [{ person_id: 11, name: '李*', id_type: 'resident_id', age_at_act: 36, needs_birth_date: false,
    first_violation: false, earlier_cases: [{ case_id: 3, case_no: '5199012026XZ00003', occurred_at: 1 }], prior_restraint_days: 2 }],
  candidates: [tier('2025', 51)],
  ...over,
})

describe('the calculator opened from a case', () => {
  it('reads the case id from the query, refusing anything else', () => {
    expect(caseIdFromQuery('7')).toBe(7)
    expect(caseIdFromQuery(['12'])).toBe(12)
    expect(caseIdFromQuery('abc')).toBeNull()
    expect(caseIdFromQuery('-1')).toBeNull()
    expect(caseIdFromQuery(undefined)).toBeNull()
  })

  it('fills the dates and the first candidate article of the case\'s law text', () => {
    const f = emptyForm()
    applyPrefill(f, prefill({ law: '2012', candidates: [tier('2025', 51), tier('2012', 43)] }))
    expect([f.act_end_date, f.decision_date]).toEqual(['2026-12-05', '2026-12-07'])
    expect([f.violations[0].law, f.violations[0].article, f.violations[0].paragraph, f.violations[0].kind]).toEqual(['2012', 43, 1, 'base'])
  })

  it('leaves the tier empty when the cause suggests none', () => {
    const f = emptyForm()
    applyPrefill(f, prefill({ candidates: [] }))
    expect(f.violations[0].article).toBeNull()
    expect(f.violations[0].law).toBe('2025')
  })

  it('leaves the birth date to the server unless the person has no ID stating one', () => {
    const f = emptyForm()
    f.birth_date = '1990-01-01'
    const req = buildRequest(f)
    expect(caseRequest(req, prefill().offenders[0]).offender.birth_date).toBeUndefined()
    const passport = { person_id: 12, name: '王*', id_type: 'passport', age_at_act: null, needs_birth_date: true,
      first_violation: null, earlier_cases: [], prior_restraint_days: 0 }
    expect(caseRequest(req, passport).offender.birth_date).toBe('1990-01-01')
    // The original request is not changed.
    expect(req.offender.birth_date).toBe('1990-01-01')
  })

  it('takes first violation and prior restriction from the case; a departure is named for its reason', () => {
    const f = emptyForm()
    f.first_violation = true
    const o = prefill().offenders[0]  // an earlier decided case: not a first violation; 2 days restricted
    applyOffenderFacts(f, o)
    expect([f.first_violation, f.prior_restraint_days]).toEqual([false, 2])
    expect(departures(f, o)).toEqual([])
    f.first_violation = true
    f.prior_restraint_days = 0
    expect(departures(f, o)).toEqual(['first_violation', 'prior_restraint_days'])
    // A person the master index does not know: the officer's tick stands, nothing to depart from.
    const unknown = { ...o, first_violation: null, prior_restraint_days: 0 }
    applyOffenderFacts(f, unknown)
    expect(f.first_violation).toBe(true)
    expect(departures(f, unknown)).toEqual([])
  })
})
