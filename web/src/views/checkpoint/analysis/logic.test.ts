import { describe, expect, it } from 'vitest'
import { chinaTime, highlightIds, normalisePlate, plateProblem, resultRows, trajectoryPath } from './logic'
import type { AnalysisResult } from '@/api/analysis'

describe('plate check (GA 36, as the server)', () => {
  it('accepts ordinary, suffixed and new-energy plates after normalising', () => {
    expect(plateProblem('川A12345')).toBe('')
    expect(plateProblem(' 川a·1234学 ')).toBe('')
    expect(plateProblem('川AD12345')).toBe('')
    expect(plateProblem('川A12345D')).toBe('')
    expect(normalisePlate('川Ａ１２３４５')).toBe('川A12345')
  })
  it('names the problem', () => {
    expect(plateProblem('川A1234')).toBe('bad_length')
    expect(plateProblem('X A12345')).toBe('bad_province')
    expect(plateProblem('川I12345')).toBe('bad_office_letter')
    expect(plateProblem('川A1234O')).toBe('bad_characters')
    expect(plateProblem('川A123456')).toBe('bad_new_energy_format')
  })
})

const result: AnalysisResult = {
  passes: [
    { checkpoint_id: 'a', pass_time: '2026-10-01 08:00:00' },
    { checkpoint_id: 'x', pass_time: '2026-10-01 08:05:00' },
    { checkpoint_id: 'b', pass_time: '2026-10-01 08:10:00' },
  ],
  checkpoints: [
    { id: 'a', name: '卡口一', longitude: 104.1, latitude: 30.6 },
    { id: 'b', name: '卡口二', longitude: 104.2, latitude: 30.7 },
    { id: 'x', name: '无坐标', longitude: null, latitude: null },
  ],
}

describe('results', () => {
  it('gives trajectory rows with names and a path in time order without unknown places', () => {
    const rows = resultRows('trajectory', result)
    expect(rows.map((r) => r.checkpoint_name)).toEqual(['卡口一', '无坐标', '卡口二'])
    const [path] = trajectoryPath(result, 'p')
    expect(path.points).toEqual([
      { lat: 30.6, lng: 104.1, label: '10-01 08:00' },
      { lat: 30.7, lng: 104.2, label: '10-01 08:10' },
    ])
    expect(highlightIds(result)).toEqual(['a', 'b', 'x'])
  })
  it('formats China time whatever the zone', () => {
    expect(chinaTime(new Date('2026-10-01T00:00:00Z'))).toBe('2026-10-01 08:00:00')
  })
})
