// Pure helpers of the watch-order page: the plate normalisation the server applies (so the form shows what
// will be stored), what the viewer may do with an order, and the CSV export rows.
import type { AlertColour } from '@/api/alerts'
import type { WatchOrder, WatchStatus } from '@/api/watch'
import { formatChinaTime } from '@/utils/time'

// GA 36-2018: upper case, full-width → half-width, spaces and '·' removed; in the serial part (after the
// province character and the office letter) O → 0 and I → 1, letters GA 36 never uses there.
export function normaliseWatchPlate(raw: string): string {
  const half = raw
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000\u00A0·•・･]/g, '')
    .toUpperCase()
  const chars = Array.from(half)
  return chars.map((c, i) => (i < 2 ? c : c === 'O' ? '0' : c === 'I' ? '1' : c)).join('')
}

// A quick shape check for the form (the server's GA 36 check is the authority and names the problem).
export function plateShapeOk(plate: string): boolean {
  return /^[\u4E00-\u9FFF][A-HJ-Z][A-HJ-NP-Z0-9]{4}[A-HJ-NP-Z0-9挂学警港澳]$/.test(plate) ||
    /^[\u4E00-\u9FFF][A-HJ-Z][DF][A-HJ-NP-Z0-9]\d{4}$/.test(plate) ||
    /^[\u4E00-\u9FFF][A-HJ-Z]\d{5}[DF]$/.test(plate)
}

export const STATUS_TAG: Record<WatchStatus, 'warning' | 'success' | 'danger' | 'info'> = {
  pending: 'warning',
  active: 'success',
  rejected: 'danger',
  withdrawn: 'info',
  expired: 'info',
}

export type ReasonAction = 'approve' | 'reject' | 'withdraw'

export interface Viewer {
  userId: number
  can: (permission: string) => boolean
}

// The actions the viewer may take on an order (the server checks again).
export function actionsFor(o: Pick<WatchOrder, 'status' | 'applicant_id'>, v: Viewer): {
  approve: boolean
  change: boolean
  withdraw: boolean
} {
  const open = o.status === 'pending' || o.status === 'active'
  const changer = v.can('watch.apply') || v.can('watch.approve')
  return {
    approve: o.status === 'pending' && v.can('watch.approve') && o.applicant_id !== v.userId,
    change: open && changer,
    withdraw: open && changer,
  }
}

// The default colour of a priority from the server's table (alerts data/colours.csv).
export function colourOf(priority: number, table: { priority: number; colour: AlertColour }[]): AlertColour {
  return table.find((p) => p.priority === priority)?.colour ?? 'green'
}

export function exportRows(orders: WatchOrder[]): (string | number)[][] {
  return orders.map((o) => [
    o.id, o.target, o.status, o.priority, o.colour, o.case_no, o.reason, o.unit_name, o.applicant_name,
    o.approver_name, formatChinaTime(o.valid_from), formatChinaTime(o.valid_to), o.units.map((u) => u.name).join('、'),
  ])
}
