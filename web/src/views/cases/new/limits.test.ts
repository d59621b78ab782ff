import { describe, expect, it } from 'vitest'
import { charCount, occurredProblem, TEXT_LIMITS } from './form'

describe('the new-case form says what it will not take', () => {
  it('refuses an incident time in the future (a minute of clock skew allowed), never replacing it', () => {
    const now = Date.parse('2026-12-07T04:00:00Z') // 12:00 China time
    expect(occurredProblem('2026-12-07 11:59:00', now)).toBe('')
    expect(occurredProblem('2026-12-07 12:00:30', now)).toBe('')
    expect(occurredProblem('2026-12-07 12:05:00', now)).toBe('in_future')
    expect(occurredProblem('', now)).toBe('')
  })

  it('counts characters as the server does (code points)', () => {
    expect(charCount('殴打他人')).toBe(4)
    expect(charCount('𠀀a')).toBe(2)
    expect(TEXT_LIMITS.cause).toBe(100)
  })
})
