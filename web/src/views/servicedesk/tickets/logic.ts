// Pure helpers of the service ticket pages (tested in logic.test.ts).
import type { Ticket, TicketState } from '@/api/servicedesk'

export const STATE_TAG: Record<TicketState, 'primary' | 'success' | 'info' | 'warning' | 'danger'> = {
  registered: 'warning',
  joined: 'info',
  assigned: 'primary',
  replied: 'primary',
  rectifying: 'danger',
  rectified: 'warning',
  awaiting_callback: 'warning',
  closed: 'success',
}

// Which fields an action's form asks for.
export function stepFields(action: string): { unit: boolean, into: boolean, result: boolean, days: boolean } {
  return {
    unit: action === 'assign',
    into: action === 'join',
    result: action === 'callback',
    days: action === 'extend',
  }
}

// The rows of the Excel export (masked, as shown).
export function exportRows(rows: Ticket[], name: (kind: 'channel' | 'category' | 'state', code: string) => string): (string | number)[][] {
  return rows.map((r) => [r.ticket_no, name('channel', r.channel), r.external_ref, name('category', r.category), r.title,
    r.complainant.anonymous ? '' : r.complainant.name, r.complainant.phone, r.unit_name, r.officer_police_no,
    name('state', r.state), r.due ?? '', r.received_at])
}
