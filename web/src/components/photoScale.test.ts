import { describe, expect, it } from 'vitest'
import { fitSize, sendAsIs } from './photoScale'

describe('photoScale', () => {
  it('keeps a photo that fits and scales a phone photo to 1600 px on its long side', () => {
    expect(fitSize(1200, 900)).toEqual({ width: 1200, height: 900 })
    expect(fitSize(4000, 3000)).toEqual({ width: 1600, height: 1200 })
    expect(fitSize(3000, 4000)).toEqual({ width: 1200, height: 1600 })
    expect(fitSize(10000, 3)).toEqual({ width: 1600, height: 1 })
  })
  it('sends JPEG and PNG under the limit as they are, and nothing else', () => {
    expect(sendAsIs({ type: 'image/jpeg', size: 1000 }, 1 << 20)).toBe(true)
    expect(sendAsIs({ type: 'image/png', size: (1 << 20) + 1 }, 1 << 20)).toBe(false)
    expect(sendAsIs({ type: 'image/heic', size: 1000 }, 1 << 20)).toBe(false)
  })
})
