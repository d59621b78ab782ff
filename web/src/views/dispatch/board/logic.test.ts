import { describe, expect, it } from 'vitest'
import { lateness, newlyLate } from './logic'

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
