import { describe, expect, it } from 'vitest'
import { creditCodeCheckCharacter, normaliseCreditCode, readCreditCode } from './creditCode'

// The same codes as the server's test (src/modules/community/orgs/credit_code_test.cpp), so both sides agree.
describe('unified social credit code (GB 32100-2015 §4.2)', () => {
  it('accepts published codes', () => {
    for (const code of ['91350100M000100Y43', '91110000600037341L', '91440300708461136T', '911100001000044477'])
      expect(readCreditCode(code).state, code).toBe('ok')
  })

  it('computes the check character', () => {
    expect(creditCodeCheckCharacter('91350100M000100Y4')).toBe('3')
    expect(creditCodeCheckCharacter('91440300708461136')).toBe('T')
    expect(creditCodeCheckCharacter('9144030070846113')).toBe('')
    expect(creditCodeCheckCharacter('9144030070846113I')).toBe('')
  })

  it('names the problem as the server does', () => {
    expect(readCreditCode('91350100M000100Y44')).toMatchObject({ state: 'bad_check_character', expectedCheck: '3' })
    expect(readCreditCode('91350100M000010Y43').state).toBe('bad_check_character') // two swapped
    expect(readCreditCode('91350100M000100Y433').state).toBe('bad_length')
    expect(readCreditCode('91350100O000100Y43').state).toBe('bad_charset') // letter O
    expect(readCreditCode('913A0100M000100Y43').state).toBe('bad_region')
  })

  it('reads what is typed: spaces and lower case, empty, still typing', () => {
    expect(normaliseCreditCode('9135 0100 m000 100y 43')).toBe('91350100M000100Y43')
    expect(readCreditCode('9135 0100 m000 100y 43').state).toBe('ok')
    expect(readCreditCode('  ').state).toBe('empty')
    expect(readCreditCode('9135010').state).toBe('typing')
  })
})
