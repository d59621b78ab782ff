import { describe, expect, it } from 'vitest'
import { analysisFieldText, chinaTime, highlightIds, isFuture, normalisePlate, plateProblem, resultRows, round, traceRange,
  trajectoryPath } from './logic'
import type { AnalysisResult } from '@/api/analysis'
import { ApiError } from '@/api/http'

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

describe('results for reading (issue 13)', () => {
  it('rounds companion scores to two decimals and cloned distances to one', () => {
    const r = {
      companions: [{ plate: '川A2', checkpoints: 3, co_passes: 4, score: 2.7182818284 }],
      suspects: [{ plate: '川A3', a: { checkpoint_id: 'x', pass_time: 't1' }, b: { checkpoint_id: 'y', pass_time: 't2' },
        distance_km: 12.3456, speed_kmh: 287.64 }],
      checkpoints: [],
    } as AnalysisResult
    expect(resultRows('companion', r)[0].score).toBe(2.72)
    expect(resultRows('cloned', r)[0]).toMatchObject({ distance_km: 12.3, speed_kmh: 288 })
    expect(round(0.1 + 0.2, 2)).toBe(0.3)
  })
  it('traces a plate over the range the analysis searched; a collision over all its conditions', () => {
    expect(traceRange({ plate: 'x', from: '2026-11-01 00:00:00', to: '2026-11-02 00:00:00' }))
      .toEqual({ from: '2026-11-01 00:00:00', to: '2026-11-02 00:00:00' })
    expect(traceRange({ conditions: [
      { checkpoints: ['a'], from: '2026-11-03 08:00:00', to: '2026-11-03 09:00:00' },
      { checkpoints: ['b'], from: '2026-11-01 08:00:00', to: '2026-11-01 09:00:00' },
    ] })).toEqual({ from: '2026-11-01 08:00:00', to: '2026-11-03 09:00:00' })
    expect(traceRange({})).toBeNull()
  })
  it('words field problems with the field first, never the code', () => {
    const words: Record<string, string> = {
      'analyst.problem.unknown_case': '案件编号不存在',
      'analyst.problem.to.in_future': '结束时间不能晚于当前时间',
      'analyst.problem.in_future': '时间不能晚于当前时间',
    }
    const e = new ApiError(400, { code: 'invalid_argument', message: 'm', request_id: 'r',
      fields: { case_no: 'unknown_case', to: 'in_future', 'conditions[1].from': 'in_future', plate: 'bad_plate' } })
    expect(analysisFieldText(e, (k) => words[k], (k) => k in words)).toEqual({
      case_no: '案件编号不存在', to: '结束时间不能晚于当前时间', 'conditions[1].from': '时间不能晚于当前时间',
    })
    expect(isFuture(new Date(2000, 0, 1))).toBe(false)
    const noon = new Date(2026, 11, 7, 12, 0, 0).getTime()
    expect(isFuture(new Date(2026, 11, 7, 23, 59, 59), noon)).toBe(false)
    expect(isFuture(new Date(2026, 11, 8, 0, 0, 0), noon)).toBe(true)
  })
})
