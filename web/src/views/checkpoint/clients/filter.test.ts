import { describe, expect, it } from 'vitest'
import type { ViidClient } from '@/api/viid'
import { clientState, filterClients, isViidId } from './filter'

const base: ViidClient = {
  id: '51990100002000000001',
  name: '市局视图库',
  enabled: true,
  unit_id: null,
  unit_name: '',
  registered: true,
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
  registered_at: null,
  last_seen: null,
  last_address: '',
  accepted: 0,
  rejected: 0,
}

describe('viid clients page helpers', () => {
  it('derives the state', () => {
    expect(clientState(base)).toBe('registered')
    expect(clientState({ ...base, registered: false })).toBe('idle')
    expect(clientState({ ...base, enabled: false })).toBe('disabled')
  })
  it('filters by text and state', () => {
    const list = [base, { ...base, id: '51990100002000000002', name: 'Vendor X', registered: false }]
    expect(filterClients(list, 'vendor', '').map((c) => c.id)).toEqual(['51990100002000000002'])
    expect(filterClients(list, '0001', '')).toHaveLength(1)
    expect(filterClients(list, '', 'registered')).toHaveLength(1)
    expect(filterClients(list, '', '')).toHaveLength(2)
  })
  it('checks 20-digit IDs', () => {
    expect(isViidId('51990100002000000001')).toBe(true)
    expect(isViidId('5199010000200000000')).toBe(false)
    expect(isViidId('5199010000200000000x')).toBe(false)
  })
})
