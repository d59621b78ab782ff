import { describe, expect, it } from 'vitest'
import { percent } from './progress'

describe('import progress', () => {
  it('rounds and clamps', () => {
    expect(percent(0, 0)).toBe(0)
    expect(percent(1, 3)).toBe(33)
    expect(percent(10, 5)).toBe(100)
  })
})
