import { describe, expect, it } from 'vitest'
import { normaliseScan } from './scanText'

describe('normaliseScan', () => {
  it('drops blanks and the control characters scanners append', () => {
    expect(normaliseScan('  JWPABC\r\n')).toBe('JWPABC')
    expect(normaliseScan('SF1234567890\t')).toBe('SF1234567890')
    expect(normaliseScan('\u001dJWP1')).toBe('JWP1')
  })
  it('gives null for nothing', () => {
    expect(normaliseScan('   ')).toBeNull()
    expect(normaliseScan('')).toBeNull()
  })
})
