import { describe, expect, it } from 'vitest'
import type { UnitSummary } from '@/api/supervision'
import { bucketOption, drillBucket, drillStage, listQuery, stageByUnitOption, stagesIn, unitAxis } from './charts'

function unit(id: number, name: string, by_stage: Record<string, number>, counts: Partial<UnitSummary['counts']> = {}): UnitSummary {
  const open = Object.values(by_stage).reduce((a, b) => a + b, 0)
  return { unit_id: id, unit_name: name, by_stage, counts: { open, due_soon: 0, overdue: 0, returned: 0, ...counts } }
}

const UNITS = [
  unit(11, '城关派出所', { filed: 3, accepted: 2 }, { due_soon: 2, returned: 1 }),
  unit(12, '东城派出所', { legal_review: 1 }, { overdue: 1 }),
  unit(13, '西河派出所', { filed: 7 }),
  unit(14, '南山派出所', {}),
]

describe('dashboard charts', () => {
  it('order units by open cases, leave out units without any, and stages by the procedure', () => {
    expect(unitAxis(UNITS)).toEqual({ ids: [13, 11, 12], names: ['西河派出所', '城关派出所', '东城派出所'] })
    expect(stagesIn(UNITS)).toEqual(['accepted', 'filed', 'legal_review'])
  })

  it('stack one series per stage over the units', () => {
    const o = stageByUnitOption(UNITS, (s) => `S:${s}`) as { series: { name: string; data: number[] }[] }
    expect(o.series.map((s) => s.name)).toEqual(['S:accepted', 'S:filed', 'S:legal_review'])
    expect(o.series[1].data).toEqual([7, 3, 0])
  })

  it('show due soon, overdue and returned per unit', () => {
    const o = bucketOption(UNITS, (b) => b) as { series: { name: string; data: number[] }[] }
    expect(o.series.map((s) => [s.name, s.data])).toEqual([
      ['due_soon', [0, 2, 0]],
      ['overdue', [0, 0, 1]],
      ['returned', [0, 1, 0]],
    ])
  })

  it('drill down from a clicked bar to the unit, stage and bucket', () => {
    // stage chart: series 1 = filed, row 1 = 城关派出所
    expect(drillStage(UNITS, 1, 1)).toEqual({ bucket: 'open', unit_id: 11, stage: 'filed' })
    // deadline chart: series 1 = overdue, row 2 = 东城派出所
    expect(drillBucket(UNITS, 1, 2)).toEqual({ bucket: 'overdue', unit_id: 12 })
  })

  it('open the same cases in the case list where it has the filters', () => {
    expect(listQuery({ bucket: 'open', unit_id: 11, stage: 'filed' })).toEqual({ unit_id: '11', state: 'filed' })
    expect(listQuery({ bucket: 'due_soon' })).toEqual({ deadline: 'due_3d' })
    expect(listQuery({ bucket: 'returned', unit_id: 11 })).toEqual({ unit_id: '11' })
  })
})
