import { describe, expect, it } from 'vitest'
import { chinaMonth, monthsOption } from './scores'

describe('enforcement file helpers', () => {
  it('take the month in China time', () => {
    // 2026-11-30 17:00 UTC is already 1 December in China
    expect(chinaMonth(Date.parse('2026-11-30T17:00:00Z'))).toBe('2026-12')
    expect(chinaMonth(Date.parse('2026-11-30T15:00:00Z'))).toBe('2026-11')
    expect(chinaMonth(Date.parse('2026-01-15T00:00:00Z'), 1)).toBe('2025-12')
  })

  it('chart the months in order', () => {
    const o = monthsOption(
      [
        { month: '2026-11', score: 95, deducted: 5, added: 0, items: 2 },
        { month: '2026-10', score: 101, deducted: 0, added: 1, items: 1 },
      ],
      'score',
      'deducted',
    ) as { xAxis: { data: string[] }; series: { data: number[] }[] }
    expect(o.xAxis.data).toEqual(['2026-10', '2026-11'])
    expect(o.series[0].data).toEqual([101, 95])
    expect(o.series[1].data).toEqual([0, 5])
  })
})
