import { describe, expect, it } from 'vitest'
import { exportRows, stepFields } from './logic'
import type { Ticket } from '@/api/servicedesk'

describe('service ticket helpers', () => {
  it('asks each action for its own fields', () => {
    expect(stepFields('assign')).toEqual({ unit: true, into: false, result: false, days: false })
    expect(stepFields('callback').result).toBe(true)
    expect(stepFields('extend').days).toBe(true)
    expect(stepFields('reply')).toEqual({ unit: false, into: false, result: false, days: false })
  })
  it('exports the masked complainant as shown, none for the anonymous', () => {
    const t = { ticket_no: 'FW202603020001', channel: 'web', external_ref: '', category: 'attitude', title: '态度差',
      complainant: { anonymous: false, name: '张*', phone: '138****8000', id_number: '' }, unit_name: '城关派出所',
      officer_police_no: '', state: 'closed', due: null, received_at: '2026-03-02T02:00:00Z' } as unknown as Ticket
    const rows = exportRows([t, { ...t, complainant: { ...t.complainant, anonymous: true } }], (_k, c) => c.toUpperCase())
    expect(rows[0]).toContain('张*')
    expect(rows[0]).toContain('138****8000')
    expect(rows[1][5]).toBe('')
  })
})
