// Chart options of the pass statistics page, as pure functions of the API replies (tested in charts.test.ts).
import type { HourlyRow, NewPlatesDay, TopRow } from '@/api/checkpoint'

type Translate = (key: string) => string

export const HOURS = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0'))

// Heat strip data: [hour, row index, count] triples, rows in the order given (busiest first, drawn on top),
// and the largest count (for the colour scale; at least 1).
export function heatStripData(rows: HourlyRow[]): { names: string[]; cells: [number, number, number][]; max: number } {
  const n = rows.length
  const names = rows.map((r) => r.name || r.id).reverse()
  const cells: [number, number, number][] = []
  let max = 1
  rows.forEach((r, i) => {
    const y = n - 1 - i
    for (let h = 0; h < 24; h++) {
      const v = r.hours[h] ?? 0
      cells.push([h, y, v])
      if (v > max) max = v
    }
  })
  return { names, cells, max }
}

export function heatStripOption(rows: HourlyRow[], t: Translate) {
  const { names, cells, max } = heatStripData(rows)
  return {
    tooltip: { position: 'top' },
    grid: { left: 8, right: 8, top: 8, bottom: 64, containLabel: true },
    xAxis: { type: 'category', data: HOURS, name: t('checkpoint.stats.hour'), splitArea: { show: true } },
    yAxis: { type: 'category', data: names, splitArea: { show: true }, axisLabel: { width: 110, overflow: 'truncate' } },
    visualMap: {
      min: 0,
      max,
      calculable: true,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      inRange: { color: ['#f7fbff', '#6baed6', '#08306b'] },
    },
    series: [{ name: t('checkpoint.stats.passes'), type: 'heatmap', data: cells, emphasis: { itemStyle: { borderColor: '#333', borderWidth: 1 } } }],
  }
}

// Height in pixels that gives each checkpoint of the heat strip a readable row.
export function heatStripHeight(rows: number): string {
  return `${Math.max(240, rows * 18 + 110)}px`
}

export function topOption(rows: TopRow[], t: Translate) {
  const ordered = [...rows].reverse()
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: ordered.map((r) => r.name || r.id), axisLabel: { width: 110, overflow: 'truncate' } },
    series: [{ name: t('checkpoint.stats.passes'), type: 'bar', data: ordered.map((r) => r.passes), itemStyle: { color: '#2f6fd6' } }],
  }
}

export function newPlatesOption(days: NewPlatesDay[], t: Translate) {
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: [t('checkpoint.stats.plates'), t('checkpoint.stats.new')] },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: days.map((d) => d.day.slice(5)) },
    yAxis: { type: 'value' },
    series: [
      { name: t('checkpoint.stats.plates'), type: 'line', data: days.map((d) => d.plates), itemStyle: { color: '#8c8c8c' } },
      { name: t('checkpoint.stats.new'), type: 'line', data: days.map((d) => d.new_plates), itemStyle: { color: '#d93026' }, areaStyle: { opacity: 0.15 } },
    ],
  }
}
