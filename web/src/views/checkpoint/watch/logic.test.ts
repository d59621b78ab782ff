import { describe, expect, it } from 'vitest'
import { actionsFor, colourOf, exportRows, normaliseWatchPlate, plateShapeOk } from './logic'
import type { WatchOrder } from '@/api/watch'

describe('normaliseWatchPlate', () => {
  it('trims, upper-cases and maps O/I in the serial part only', () => {
    expect(normaliseWatchPlate(' 川a 1234o ')).toBe('川A12340')
    expect(normaliseWatchPlate('川ＡＩ２３４Ｏ')).toBe('川A12340')
    expect(normaliseWatchPlate('京ADO8000')).toBe('京AD08000')
    expect(normaliseWatchPlate('川O12345')).toBe('川O12345')
  })
  it('checks the GA 36 shapes', () => {
    expect(plateShapeOk('川A12345')).toBe(true)
    expect(plateShapeOk('京AD08000')).toBe(true)
    expect(plateShapeOk('沪A12116D')).toBe(true)
    expect(plateShapeOk('川A1234')).toBe(false)
    expect(plateShapeOk('川A1234O')).toBe(false)
  })
})

describe('actionsFor', () => {
  const can = (perms: string[]) => (p: string) => perms.includes(p)
  it('lets an approver approve a pending order of someone else only', () => {
    expect(actionsFor({ status: 'pending', applicant_id: 2 }, { userId: 1, can: can(['watch.approve']) }).approve).toBe(true)
    expect(actionsFor({ status: 'pending', applicant_id: 1 }, { userId: 1, can: can(['watch.approve']) }).approve).toBe(false)
    expect(actionsFor({ status: 'active', applicant_id: 2 }, { userId: 1, can: can(['watch.approve']) }).approve).toBe(false)
  })
  it('offers withdrawal of open orders to applicants and approvers', () => {
    expect(actionsFor({ status: 'active', applicant_id: 1 }, { userId: 1, can: can(['watch.apply']) }).withdraw).toBe(true)
    expect(actionsFor({ status: 'expired', applicant_id: 1 }, { userId: 1, can: can(['watch.apply']) }).withdraw).toBe(false)
    expect(actionsFor({ status: 'active', applicant_id: 1 }, { userId: 1, can: can(['watch.read']) }).withdraw).toBe(false)
  })
})

describe('colourOf and exportRows', () => {
  it('maps priorities through the server table', () => {
    const table = [{ priority: 1, colour: 'red' as const }, { priority: 2, colour: 'orange' as const }]
    expect(colourOf(2, table)).toBe('orange')
    expect(colourOf(9, table)).toBe('green')
  })
  it('writes one row per order in China time', () => {
    const o = {
      id: 7, target: '川A12345', status: 'active', priority: 1, colour: 'red', case_no: 'A1', reason: 'r',
      unit_name: '城关派出所', applicant_name: '张三', approver_name: '李四', valid_from: '2026-01-01T00:00:00Z',
      valid_to: '2026-01-02T00:00:00Z', units: [{ id: 1, name: '城关派出所' }, { id: 2, name: '指挥中心' }],
    } as unknown as WatchOrder
    const [row] = exportRows([o])
    expect(row[10]).toBe('2026-01-01 08:00:00')
    expect(row[12]).toBe('城关派出所、指挥中心')
  })
})
