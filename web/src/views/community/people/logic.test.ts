import { describe, expect, it } from 'vitest'
import { checkCharacter, checkResidentId, daysLeft } from './logic'

describe('checkResidentId', () => {
  it('accepts an 18-digit number, derives birth date and sex', () => {
    const id = '51990119700303005' + checkCharacter('51990119700303005')
    const r = checkResidentId(id.toLowerCase())
    expect(r.ok).toBe(true)
    expect(r.normalised).toBe('51990119700303005X')
    expect(r.birthDate).toBe('1970-03-03')
    expect(r.sex).toBe('male')
  })
  it('converts 15 digits to 18', () => {
    const r = checkResidentId('519901700303005')
    expect(r.ok).toBe(true)
    expect(r.converted).toBe(true)
    expect(r.normalised).toBe('51990119700303005X')
  })
  it('names the problem', () => {
    expect(checkResidentId('519901197003030050').problem).toBe('bad_check_character')
    expect(checkResidentId('51990119700303').problem).toBe('bad_length')
    expect(checkResidentId('519901197002300051').problem).toBe('bad_birth_date')
    expect(checkResidentId('519901701303005').problem).toBe('bad_15_digit')
    expect(checkResidentId('').problem).toBe('')
  })
})

describe('daysLeft', () => {
  it('counts days to the expiry', () => {
    expect(daysLeft('2026-12-31', '2026-12-01')).toBe(30)
    expect(daysLeft(null, '2026-12-01')).toBe(null)
  })
})
