import { describe, expect, it } from 'vitest'
import { categoryName, lateness, newlyLate, patrolName } from './logic'

const call = (id: number, state: string, dispatchDue: number, arrivalDue: number) =>
  ({ id, state, dispatch_due_at: dispatchDue, arrival_due_at: arrivalDue, police: true }) as never

describe('board lateness', () => {
  it('is late for dispatch only while received, for arrival while nobody is on scene', () => {
    expect(lateness(call(1, 'received', 100, 200), 101)).toBe('dispatch')
    expect(lateness(call(1, 'received', 100, 200), 100)).toBe('')
    expect(lateness(call(1, 'dispatched', 100, 200), 201)).toBe('arrival')
    expect(lateness(call(1, 'accepted', 100, 200), 201)).toBe('arrival')
    expect(lateness(call(1, 'arrived', 100, 200), 500)).toBe('')
    expect(lateness(call(1, 'diverted', 100, 200), 500)).toBe('')
  })
  it('sounds once per call that became late for arrival', () => {
    const heard = new Set<number>()
    const calls = [call(1, 'dispatched', 0, 50), call(2, 'accepted', 0, 500), call(3, 'received', 0, 10)]
    expect(newlyLate(calls, 100, heard)).toEqual([1])
    expect(newlyLate(calls, 100, heard)).toEqual([])
    expect(newlyLate(calls, 600, heard)).toEqual([2])
  })
})

describe('board names', () => {
  const board = {
    categories: { '0201': { zh: '治安纠纷', en: 'Public order dispute' } },
    patrols: [{ id: 5, code: 'P5', name: '城关一组', unit_id: 2, status: 'available', latitude: null, longitude: null }],
  } as never
  it('names a category once per board, in the reader language, else by its code', () => {
    expect(categoryName(board, '0201', 'zh-CN')).toBe('治安纠纷')
    expect(categoryName(board, '0201', 'en')).toBe('Public order dispute')
    expect(categoryName(board, '9999', 'en')).toBe('9999')
    expect(categoryName(null, '0201', 'en')).toBe('0201')
  })
  it('names the patrol of a call from the board patrols', () => {
    expect(patrolName(board, 5)).toBe('城关一组')
    expect(patrolName(board, null)).toBe('')
    expect(patrolName(board, 6)).toBe('')
  })
})
