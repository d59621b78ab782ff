// The enforcement file's chart (score per month as bars, points deducted as a line) and the month helpers.
import type { EChartsCoreOption } from 'echarts/core'
import type { MonthScore } from '@/api/supervision'

export function monthsOption(months: MonthScore[], scoreName: string, deductedName: string): EChartsCoreOption {
  const sorted = [...months].sort((a, b) => a.month.localeCompare(b.month))
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: sorted.map((m) => m.month) },
    yAxis: [{ type: 'value' }, { type: 'value', minInterval: 1, splitLine: { show: false } }],
    series: [
      { name: scoreName, type: 'bar', barMaxWidth: 40, data: sorted.map((m) => m.score), itemStyle: { color: '#409eff' } },
      { name: deductedName, type: 'line', yAxisIndex: 1, data: sorted.map((m) => m.deducted), itemStyle: { color: '#f56c6c' } },
    ],
  }
}

// 'YYYY-MM' of the China month `back` months before `now`.
export function chinaMonth(now = Date.now(), back = 0): string {
  const d = new Date(now + 8 * 3600 * 1000)
  const m = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - back, 1))
  return `${m.getUTCFullYear()}-${String(m.getUTCMonth() + 1).padStart(2, '0')}`
}
