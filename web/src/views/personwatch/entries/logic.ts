// Pure helpers of the person watch list page: what the viewer may do with an entry, the status tags, and the rows
// of the list's export (masked, as the list shows them).
import type { EntryStatus, PersonEntry } from '@/api/personwatch'
import { formatChinaTime } from '@/utils/time'

// The same lifecycle as the vehicle watch orders (src/watchlist), so the same tags.
export { STATUS_TAG } from '@/views/checkpoint/watch/logic'

export type { ReasonAction } from '@/views/checkpoint/watch/logic'

export interface Viewer {
  userId: number
  can: (permission: string) => boolean
}

// The actions the viewer may take (the server checks again): nobody approves their own application.
export function actionsFor(e: Pick<PersonEntry, 'status' | 'applicant_id'>, v: Viewer): {
  approve: boolean
  withdraw: boolean
} {
  const open = e.status === 'pending' || e.status === 'active'
  return {
    approve: e.status === 'pending' && v.can('personwatch.approve') && e.applicant_id !== v.userId,
    withdraw: open && (v.can('personwatch.apply') || v.can('personwatch.approve')),
  }
}

export function exportRows(entries: PersonEntry[], kindName: (code: string) => string,
  statusName: (s: EntryStatus) => string): (string | number)[][] {
  return entries.map((e) => [
    e.id, kindName(e.kind), e.name, e.id_number, statusName(e.status), e.priority, e.case_no, e.reason, e.instruction,
    e.unit_name, e.applicant_name, e.approver_name, formatChinaTime(e.valid_from), formatChinaTime(e.valid_to),
    e.units.map((u) => u.name).join('、'),
  ])
}
