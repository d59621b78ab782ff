import { describe, expect, it } from 'vitest'
import { colourChart, unitChart } from './charts'

const t = (k: string) => k

describe('alert statistics charts', () => {
  it('plots alerts per colour and the average signing time in minutes', () => {
    const o = colourChart(
      [
        { colour: 'red', alerts: 3, targets: 4, signed: 4, signed_late: 1, escalated: 1, closed: 2, avg_sign_s: 270, avg_close_s: 0 },
        { colour: 'green', alerts: 1, targets: 1, signed: 0, signed_late: 0, escalated: 0, closed: 0, avg_sign_s: 0, avg_close_s: 0 },
      ],
      t,
    )
    expect(o.xAxis.data).toEqual(['alerts.colour.red', 'alerts.colour.green'])
    expect(o.series[0].data.map((d) => (d as { value: number }).value)).toEqual([3, 1])
    expect(o.series[1].data).toEqual([4.5, 0])
  })

  it('splits each unit into signed on time, late and unsigned', () => {
    const o = unitChart([{ unit_id: 1, unit_name: '城关派出所', targets: 5, signed: 4, signed_late: 1, escalated: 1, reported: 3, avg_sign_s: 60 }], t)
    expect(o.yAxis.data).toEqual(['城关派出所'])
    expect(o.series.map((s) => s.data[0])).toEqual([3, 1, 1])
  })
})
