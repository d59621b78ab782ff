import { describe, expect, it } from 'vitest'
import { dueText } from './due'

const NOW = Date.UTC(2026, 11, 7, 2, 0, 0) // 2026-12-07 10:00 China time
const at = (hours: number) => new Date(NOW + hours * 3600_000).toISOString()

describe('due dates on the phone', () => {
  it('reads the due time in China time with the whole days left', () => {
    expect(dueText(at(36), NOW)).toEqual({ at: '2026-12-08 22:00', days: 1, overdue: false })
    expect(dueText(at(5), NOW)).toMatchObject({ days: 0, overdue: false })
  })

  it('counts overdue days, at least one once the time has passed', () => {
    expect(dueText(at(-1), NOW)).toMatchObject({ days: -1, overdue: true })
    expect(dueText(at(-49), NOW)).toMatchObject({ days: -2, overdue: true })
  })
})
