import { describe, expect, it } from 'vitest'
import { alertArrival, countByColour, formatAge, nextStep, signSecondsLeft, sightingPath, sourceLabel } from './logic'

const target = (over: Record<string, string | null>) => ({
  unit_id: 3,
  sign_due_at: '2026-11-27T08:05:00Z',
  signed_at: null,
  escalated_at: null,
  feedback_at: null,
  ...over,
})

describe('alert board logic', () => {
  it('greets an arriving alert by its colour code, not by its words', () => {
    expect(alertArrival({ kind: 'alert', params: { colour: 'red' } })).toEqual({ colour: 'red', beep: true, type: 'error' })
    expect(alertArrival({ kind: 'alert_escalation', params: { colour: 'orange' } }))
      .toEqual({ colour: 'orange', beep: false, type: 'warning' })
    // The words may say 红色 (a title typed by a person); only the code counts.
    expect(alertArrival({ kind: 'alert', params: { colour: 'blue', title: '红色轿车' } })?.beep).toBe(false)
    expect(alertArrival({ kind: 'security', params: { colour: 'red' } })).toBeNull()
    expect(alertArrival({ kind: 'alert' })).toEqual({ colour: '', beep: false, type: 'warning' })
  })
  it('formats ages in both languages', () => {
    expect(formatAge(72, true)).toBe('1分12秒')
    expect(formatAge(72, false)).toBe('1m 12s')
    expect(formatAge(2 * 3600 + 5 * 60, true)).toBe('2时05分')
    expect(formatAge(86400 + 3 * 3600, false)).toBe('1d 3h')
    expect(formatAge(-5, true)).toBe('0分00秒')
  })

  it('tells the unit its next step', () => {
    expect(nextStep({ mine: null })).toBe('none')
    expect(nextStep({ mine: target({}) })).toBe('sign')
    expect(nextStep({ mine: target({ signed_at: '2026-11-27T08:01:00Z' }) })).toBe('feedback')
    expect(nextStep({ mine: target({ signed_at: 'x', feedback_at: 'y' }) })).toBe('done')
  })

  it('counts seconds left to sign, negative when overdue', () => {
    const due = Date.parse('2026-11-27T08:05:00Z')
    expect(signSecondsLeft({ mine: target({}) }, due - 60_000)).toBe(60)
    expect(signSecondsLeft({ mine: target({}) }, due + 30_000)).toBe(-30)
    expect(signSecondsLeft({ mine: target({ signed_at: 'x' }) }, due)).toBeNull()
  })

  it('counts open alerts by colour', () => {
    const c = countByColour([
      { colour: 'red', status: 'open' },
      { colour: 'red', status: 'closed' },
      { colour: 'blue', status: 'open' },
    ])
    expect(c).toEqual({ red: 1, orange: 0, blue: 1, green: 0 })
  })
})

describe('grouped alerts (issue 13)', () => {
  it('draws the sightings in time order, numbered with China time, leaving out those without a place', () => {
    const path = sightingPath([
      { seen_at: '2026-11-27T02:10:00Z', latitude: 30.6, longitude: 104.1 },
      { seen_at: '2026-11-27T02:01:00Z', latitude: 30.5, longitude: 104.0 },
      { seen_at: '2026-11-27T02:05:00Z', latitude: null, longitude: null },
    ], 'orange')
    expect(path.points).toEqual([
      { lat: 30.5, lng: 104.0, label: '1 10:01' },
      { lat: 30.6, lng: 104.1, label: '2 10:10' },
    ])
    expect(path.color).toBe('#f08a00')
  })

  it('words the source from the locales, an unknown one as other', () => {
    const words: Record<string, string> = { 'duty.source.checkpoint': '卡口布控' }
    const t = (k: string, p?: Record<string, unknown>) => words[k] ?? `${k}${p ? JSON.stringify(p) : ''}`
    const te = (k: string) => k in words
    expect(sourceLabel('checkpoint', t, te)).toBe('卡口布控')
    expect(sourceLabel('radar', t, te)).toBe('duty.source.other{"source":"radar"}')
    words['personwatch.alertSource'] = '人员布控'  // a module naming its own source in its locale file
    expect(sourceLabel('personwatch', t, te)).toBe('人员布控')
  })
})
