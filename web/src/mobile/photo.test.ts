import { describe, expect, it } from 'vitest'
import { fitScale } from './photo'

describe('photo size on the phone', () => {
  it('brings the long side down to 1280 px and never enlarges', () => {
    expect(fitScale(4000, 3000)).toBeCloseTo(0.32)
    expect(fitScale(3000, 4000)).toBeCloseTo(0.32)
    expect(fitScale(800, 600)).toBe(1)
  })
})
