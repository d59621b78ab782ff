// ECharts options for the alert statistics (pure: data in, option out, so they can be tested).
import type { AlertColour, ColourStats, UnitStats } from '@/api/alerts'
import { COLOUR_HEX } from '../board/logic'

type Label = (key: string) => string

export function colourChart(stats: ColourStats[], t: Label) {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: [t('alerts.stats.alerts'), t('alerts.stats.avgSignMin')] },
    grid: { left: 48, right: 56, top: 56, bottom: 32 },
    xAxis: { type: 'category', data: stats.map((s) => t(`alerts.colour.${s.colour}`)) },
    yAxis: [
      { type: 'value', name: t('alerts.stats.alerts'), minInterval: 1 },
      { type: 'value', name: t('alerts.stats.minutes') },
    ],
    series: [
      {
        name: t('alerts.stats.alerts'),
        type: 'bar',
        data: stats.map((s) => ({ value: s.alerts, itemStyle: { color: COLOUR_HEX[s.colour as AlertColour] } })),
      },
      {
        name: t('alerts.stats.avgSignMin'),
        type: 'line',
        yAxisIndex: 1,
        data: stats.map((s) => Math.round((s.avg_sign_s / 60) * 10) / 10),
      },
    ],
  }
}

export function unitChart(units: UnitStats[], t: Label) {
  const top = units.slice(0, 12)
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, data: [t('alerts.stats.onTime'), t('alerts.stats.late'), t('alerts.stats.unsigned')] },
    grid: { left: 100, right: 24, top: 40, bottom: 32 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: top.map((u) => u.unit_name), inverse: true },
    series: [
      { name: t('alerts.stats.onTime'), type: 'bar', stack: 'n', data: top.map((u) => u.signed - u.signed_late), itemStyle: { color: '#1e9e55' } },
      { name: t('alerts.stats.late'), type: 'bar', stack: 'n', data: top.map((u) => u.signed_late), itemStyle: { color: '#f08a00' } },
      { name: t('alerts.stats.unsigned'), type: 'bar', stack: 'n', data: top.map((u) => u.targets - u.signed), itemStyle: { color: '#d93026' } },
    ],
  }
}
