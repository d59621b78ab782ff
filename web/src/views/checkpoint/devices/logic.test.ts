import { describe, expect, it } from 'vitest'
import type { Device } from '@/api/checkpoint'
import { emptyForm, exportRow, formFromDevice, importErrors, inputFromForm, nextLane } from './logic'

const gate: Device = {
  id: '51990100001210000001',
  kind: 'tollgate',
  name: '城关卡口',
  longitude: 104.1,
  latitude: 30.6,
  place_code: '519901',
  place: '',
  tollgate_id: '',
  category: '40',
  lane_count: 4,
  unit_id: 3,
  enabled: true,
  last_seen: null,
  status: 'offline',
}

describe('devices page helpers', () => {
  it('round-trips a device through the form', () => {
    const input = inputFromForm(formFromDevice(gate))
    expect(input).toMatchObject({ id: gate.id, longitude: 104.1, latitude: 30.6, category: '40', lane_count: 4, unit_id: 3 })
  })

  it('sends unknown coordinates as null and drops tollgate-only fields for a device', () => {
    const f = { ...emptyForm(), kind: 'ape' as const, id: ' 51990100001190000001 ', category: '40', lane_count: 3 }
    const input = inputFromForm(f)
    expect(input.longitude).toBeNull()
    expect(input.id).toBe('51990100001190000001')
    expect(input.category).toBe('')
    expect(input.lane_count).toBe(0)
  })

  it('orders import errors by line number, not as text', () => {
    expect(importErrors({ 'line 10': 'id: bad_length', 'line 2': 'name: required', csv: 'x' })).toEqual([
      { line: 2, problem: 'name: required' },
      { line: 10, problem: 'id: bad_length' },
    ])
  })

  it('exports in the import format', () => {
    expect(exportRow(gate)).toEqual([gate.id, 'tollgate', '城关卡口', 104.1, 30.6, '519901', '', '40'])
  })
})

describe('lanes', () => {
  it('numbers a new lane after the highest and keeps the last speed limit', () => {
    expect(nextLane([])).toEqual({ lane_no: 1, direction: '', max_speed: 0, ape_id: '' })
    expect(nextLane([{ lane_no: 3, direction: '', max_speed: 60, ape_id: '' }, { lane_no: 1, direction: '', max_speed: 80, ape_id: '' }]))
      .toMatchObject({ lane_no: 4, max_speed: 80 })
  })
})
