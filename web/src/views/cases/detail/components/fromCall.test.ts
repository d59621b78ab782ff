import { describe, expect, it } from 'vitest'
import { ANONYMOUS_CALLER, callNoOf, isAnonymousCaller } from './fromCall'

describe('a case from a 110 call', () => {
  it('finds the call number in the source the dispatch module writes', () => {
    expect(callNoOf('110报警 J20261207000123')).toBe('J20261207000123')
    expect(callNoOf(' 110报警 J1 ')).toBe('J1')
    expect(callNoOf('群众报案')).toBeNull()
    expect(callNoOf('110报警')).toBeNull()
    expect(callNoOf('110报警 J1 补充')).toBeNull()
    expect(callNoOf(null)).toBeNull()
  })
  it('knows the anonymous reporter by role and name', () => {
    expect(isAnonymousCaller({ role: 'reporter', name: ANONYMOUS_CALLER })).toBe(true)
    expect(isAnonymousCaller({ role: 'witness', name: ANONYMOUS_CALLER })).toBe(false)
    expect(isAnonymousCaller({ role: 'reporter', name: '王芳' })).toBe(false)
  })
})
