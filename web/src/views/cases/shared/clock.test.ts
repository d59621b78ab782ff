import { describe, expect, it } from 'vitest'
import { clockLevel, clockPercent, daysLevel } from './clock'

describe('clock level (bar colour)', () => {
  it('is green with more than 3 days, orange with 3 or fewer, red when overdue', () => {
    expect(clockLevel({ days_left: 4, status: 'running' })).toBe('ok')
    expect(clockLevel({ days_left: 3, status: 'running' })).toBe('warn')
    expect(clockLevel({ days_left: 0, status: 'running' })).toBe('warn')
    expect(clockLevel({ days_left: -1, status: 'running' })).toBe('overdue')
    expect(clockLevel({ days_left: 2, status: 'overdue' })).toBe('overdue')
  })

  it('is grey when met or stopped, but a stopped clock already past its deadline stays red', () => {
    expect(clockLevel({ days_left: 10, status: 'met' })).toBe('done')
    expect(clockLevel({ days_left: 1, status: 'stopped' })).toBe('stopped')
    expect(clockLevel({ days_left: -2, status: 'stopped' })).toBe('overdue')
  })

  it('has no level without a deadline', () => {
    expect(daysLevel(null)).toBeNull()
    expect(daysLevel(5)).toBe('ok')
  })
})

describe('clock bar fill', () => {
  it('is the part of the period used', () => {
    // 30-day period, 15 days left → half used
    expect(clockPercent({ start: '2026-11-01', deadline: '2026-12-01', days_left: 15, status: 'running' })).toBe(50)
    expect(clockPercent({ start: '2026-11-01', deadline: '2026-12-01', days_left: 30, status: 'running' })).toBe(0)
  })

  it('is full when overdue or met, and never outside 0–100', () => {
    expect(clockPercent({ start: '2026-11-01', deadline: '2026-12-01', days_left: -3, status: 'overdue' })).toBe(100)
    expect(clockPercent({ start: '2026-11-01', deadline: '2026-12-01', days_left: 5, status: 'met' })).toBe(100)
    // extended by a stop: more days left than the start-to-deadline span would give
    expect(clockPercent({ start: '2026-11-01', deadline: '2026-11-11', days_left: 40, status: 'running' })).toBe(0)
  })
})
