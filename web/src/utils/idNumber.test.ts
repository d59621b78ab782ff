import { describe, expect, it } from 'vitest'
import { checkCharacter, readResidentId, residentIdProblem } from './idNumber'

describe('resident ID numbers (GB 11643)', () => {
  it('computes the check character of the standard example', () => {
    // GB 11643-1999 appendix example 11010519491231002X
    expect(checkCharacter('11010519491231002')).toBe('X')
    expect(residentIdProblem('11010519491231002x')).toBe('')
  })

  it('names the problem of a wrong number', () => {
    expect(residentIdProblem('110105194912310021')).toBe('bad_check_character')
    expect(residentIdProblem('110105194902300021')).toBe('bad_birth_date')
    expect(residentIdProblem('1101051949')).toBe('bad_format')
  })

  it('reads sex and birth date, and waits while the number is being typed', () => {
    expect(readResidentId('11010519491231002X')).toMatchObject({ state: 'ok', sex: 'female', birthDate: '1949-12-31' })
    expect(readResidentId('5199011990').state).toBe('')
    expect(readResidentId('5199011990010100').state).toBe('')
    expect(readResidentId('51990119900101001A').state).toBe('bad_format')
  })

  it('converts a 15-digit number to 18 with its check character', () => {
    const r = readResidentId('110105491231002')
    expect(r.state).toBe('converted')
    expect(r.number).toBe('11010519491231002X')
    expect(r.sex).toBe('female')
  })

  it('says which check character the digits call for', () => {
    const r = readResidentId('110105194912310021')
    expect(r).toMatchObject({ state: 'bad_check_character', expectedCheck: 'X' })
  })
})
