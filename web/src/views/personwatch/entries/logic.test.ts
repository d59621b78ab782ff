import { describe, expect, it } from 'vitest'
import type { PersonEntry } from '@/api/personwatch'
import { actionsFor, exportRows } from './logic'

const viewer = (userId: number, perms: string[]) => ({ userId, can: (p: string) => perms.includes(p) })

describe('person watch list actions', () => {
  it('lets a leader approve a pending entry of someone else only', () => {
    const e = { status: 'pending' as const, applicant_id: 7 }
    expect(actionsFor(e, viewer(8, ['personwatch.approve'])).approve).toBe(true)
    expect(actionsFor(e, viewer(7, ['personwatch.approve'])).approve).toBe(false)
    expect(actionsFor(e, viewer(8, ['personwatch.apply'])).approve).toBe(false)
    expect(actionsFor({ ...e, status: 'active' }, viewer(8, ['personwatch.approve'])).approve).toBe(false)
  })
  it('withdraws open entries only, for applicants and approvers', () => {
    expect(actionsFor({ status: 'active', applicant_id: 1 }, viewer(2, ['personwatch.apply'])).withdraw).toBe(true)
    expect(actionsFor({ status: 'expired', applicant_id: 1 }, viewer(2, ['personwatch.apply'])).withdraw).toBe(false)
    expect(actionsFor({ status: 'active', applicant_id: 1 }, viewer(2, ['personwatch.read'])).withdraw).toBe(false)
  })
  it('exports the masked values as listed', () => {
    const e = { id: 3, kind: 'wanted', name: '韦**', id_number: '519901********1234', status: 'active', priority: 1,
      case_no: 'X', reason: 'r', instruction: 'i', unit_name: 'u', applicant_name: 'a', approver_name: 'b',
      valid_from: '2026-12-01T00:00:00Z', valid_to: '2026-12-31T00:00:00Z', units: [{ id: 1, name: '指挥中心' }] }
    const rows = exportRows([e as PersonEntry], (k) => `k:${k}`, (s) => `s:${s}`)
    expect(rows[0].slice(0, 5)).toEqual([3, 'k:wanted', '韦**', '519901********1234', 's:active'])
    expect(rows[0][14]).toBe('指挥中心')
  })
})
