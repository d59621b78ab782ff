// The leader dashboard's charts as plain ECharts options, and the way back from a clicked bar to the drill-down
// (unit, stage, bucket). Pure functions, so they are tested without a canvas.
import type { EChartsCoreOption } from 'echarts/core'
import { STATES } from '@/api/cases'
import type { Bucket, Drill, UnitSummary } from '@/api/supervision'
import { LEVEL_COLOR } from '../shared/clock'

export interface UnitAxis {
  ids: number[]
  names: string[]
}

// Units with any open case, busiest first (then by name).
export function unitAxis(units: UnitSummary[]): UnitAxis {
  const sorted = units
    .filter((u) => u.counts.open > 0 || u.counts.returned > 0)
    .sort((a, b) => b.counts.open - a.counts.open || a.unit_name.localeCompare(b.unit_name))
  return { ids: sorted.map((u) => u.unit_id), names: sorted.map((u) => u.unit_name) }
}

// States present in the data, in procedure order (unknown ones last).
export function stagesIn(units: UnitSummary[]): string[] {
  const present = new Set(units.flatMap((u) => Object.keys(u.by_stage).filter((s) => u.by_stage[s] > 0)))
  const known = (STATES as readonly string[]).filter((s) => present.has(s))
  return [...known, ...[...present].filter((s) => !known.includes(s)).sort()]
}

const GRID = { left: 8, right: 16, top: 36, bottom: 8, containLabel: true }

// Open cases by unit (rows) and stage (stacked segments). Horizontal bars keep long unit names readable on a phone.
export function stageByUnitOption(units: UnitSummary[], stageLabel: (s: string) => string): EChartsCoreOption {
  const axis = unitAxis(units)
  const byId = new Map(units.map((u) => [u.unit_id, u]))
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { type: 'scroll', top: 0 },
    grid: GRID,
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: axis.names, inverse: true },
    series: stagesIn(units).map((s) => ({
      name: stageLabel(s),
      type: 'bar',
      stack: 'open',
      barMaxWidth: 28,
      emphasis: { focus: 'series' },
      data: axis.ids.map((id) => byId.get(id)?.by_stage[s] ?? 0),
    })),
  }
}

// The three warning buckets of the deadline chart, in series order.
export const WARN_BUCKETS: Exclude<Bucket, 'open'>[] = ['due_soon', 'overdue', 'returned']
const BUCKET_COLOR: Record<Exclude<Bucket, 'open'>, string> = {
  due_soon: LEVEL_COLOR.warn,
  overdue: LEVEL_COLOR.overdue,
  returned: '#409eff',
}

export function bucketOption(units: UnitSummary[], bucketLabel: (b: Bucket) => string): EChartsCoreOption {
  const axis = unitAxis(units)
  const byId = new Map(units.map((u) => [u.unit_id, u]))
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: GRID,
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: axis.names, inverse: true },
    series: WARN_BUCKETS.map((b) => ({
      name: bucketLabel(b),
      type: 'bar',
      barMaxWidth: 16,
      itemStyle: { color: BUCKET_COLOR[b] },
      data: axis.ids.map((id) => byId.get(id)?.counts[b] ?? 0),
    })),
  }
}

// The drill-down for a clicked segment of the stage chart.
export function drillStage(units: UnitSummary[], seriesIndex: number, dataIndex: number): Drill {
  const d: Drill = { bucket: 'open' }
  const unit = unitAxis(units).ids[dataIndex]
  const stage = stagesIn(units)[seriesIndex]
  if (unit !== undefined) d.unit_id = unit
  if (stage !== undefined) d.stage = stage
  return d
}

// The drill-down for a clicked bar of the deadline chart.
export function drillBucket(units: UnitSummary[], seriesIndex: number, dataIndex: number): Drill {
  const d: Drill = { bucket: WARN_BUCKETS[seriesIndex] ?? 'open' }
  const unit = unitAxis(units).ids[dataIndex]
  if (unit !== undefined) d.unit_id = unit
  return d
}

// The same cases in the case list, where it has the filter: unit and stage, and the two deadline buckets (the
// list has no filter for returned cases: the dashboard does not offer the link for them).
export function listQuery(d: Drill): Record<string, string> {
  const q: Record<string, string> = {}
  if (d.unit_id !== undefined) q.unit_id = String(d.unit_id)
  if (d.stage) q.state = d.stage
  if (d.bucket === 'due_soon') q.deadline = 'due_3d'
  if (d.bucket === 'overdue') q.deadline = 'overdue'
  return q
}
