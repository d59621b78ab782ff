import { describe, expect, it } from 'vitest'
import type { Clock } from '@/api/cases'
import { emptyFilters, filtersFromQuery, filtersToApi, filtersToQuery, matchesDeadline } from './filters'

function clock(days_left: number, status: Clock['status'] = 'running'): { next_deadline: Clock } {
  return {
    next_deadline: {
      key: 'k', rule_id: 'r', subject: '', name: 'n', basis: 'b', start: '2026-11-01', deadline: '2026-12-01', days_left, status,
    },
  }
}

describe('case list filters', () => {
  it('go to the address bar and come back the same (a drill-down link is a query string)', () => {
    const f = { ...emptyFilters(), q: ' 盗窃 ', unit_id: 12, state: 'filed', case_type: 'criminal' as const, deadline: 'overdue' as const }
    const q = filtersToQuery(f)
    expect(q).toEqual({ q: '盗窃', unit_id: '12', state: 'filed', case_type: 'criminal', deadline: 'overdue' })
    expect(filtersFromQuery(q as Record<string, string>)).toEqual({ ...f, q: '盗窃' })
  })

  it('ignore values from the address bar that are not choices', () => {
    const f = filtersFromQuery({ unit_id: 'x', case_type: 'civil', deadline: 'soon', officer_id: ['7', '8'] })
    expect(f).toEqual({ ...emptyFilters(), officer_id: 7 })
  })

  it('send only what is set, and ask for open cases when a deadline status is chosen', () => {
    expect(filtersToApi(emptyFilters())).toEqual({
      q: undefined, unit_id: undefined, state: undefined, case_type: undefined, officer_id: undefined, open: undefined,
    })
    expect(filtersToApi({ ...emptyFilters(), deadline: 'due_3d' }).open).toBe(1)
  })

  it('pick cases by their nearest deadline', () => {
    expect(matchesDeadline(clock(2), 'due_3d')).toBe(true)
    expect(matchesDeadline(clock(3), 'due_3d')).toBe(true)
    expect(matchesDeadline(clock(4), 'due_3d')).toBe(false)
    expect(matchesDeadline(clock(4), 'ok')).toBe(true)
    expect(matchesDeadline(clock(-1, 'overdue'), 'overdue')).toBe(true)
    expect(matchesDeadline(clock(-1, 'overdue'), 'due_3d')).toBe(false)
    expect(matchesDeadline({ next_deadline: null }, 'ok')).toBe(false)
    expect(matchesDeadline({ next_deadline: null }, '')).toBe(true)
  })
})
