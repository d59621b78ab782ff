import { describe, expect, it } from 'vitest'
import { heatStripData, heatStripHeight, newPlatesOption, topOption } from './charts'

const t = (k: string) => k
const hours = (f: (h: number) => number) => Array.from({ length: 24 }, (_, h) => f(h))

describe('pass statistics charts', () => {
  it('lays the heat strip out as hour × checkpoint with the busiest on top', () => {
    const { names, cells, max } = heatStripData([
      { id: 'a', name: '城关', hours: hours((h) => (h === 8 ? 50 : 1)), total: 73 },
      { id: 'b', name: '', hours: hours(() => 2), total: 48 },
    ])
    expect(names).toEqual(['b', '城关'])
    expect(cells).toHaveLength(48)
    expect(cells).toContainEqual([8, 1, 50])
    expect(cells).toContainEqual([0, 0, 2])
    expect(max).toBe(50)
  })

  it('keeps the colour scale positive when there are no passes', () => {
    expect(heatStripData([]).max).toBe(1)
    expect(heatStripHeight(0)).toBe('240px')
    expect(heatStripHeight(40)).toBe(`${40 * 18 + 110}px`)
  })

  it('draws the busiest checkpoint as the top bar', () => {
    const o = topOption([{ id: 'a', name: 'A', passes: 9 }, { id: 'b', name: 'B', passes: 3 }], t)
    expect(o.yAxis.data).toEqual(['B', 'A'])
    expect(o.series[0].data).toEqual([3, 9])
  })

  it('shows plates and new plates per day', () => {
    const o = newPlatesOption([{ day: '2026-11-20', plates: 10, new_plates: 4 }], t)
    expect(o.xAxis.data).toEqual(['11-20'])
    expect(o.series.map((s) => s.data)).toEqual([[10], [4]])
  })
})
