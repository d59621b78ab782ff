// The case list's filters and the address bar: the dashboard drills down by linking to the list with
// filters in the query string, and the list keeps them there so a reload or a shared link shows the same rows.
import type { LocationQuery, LocationQueryRaw } from 'vue-router'
import type { CaseQuery, CaseSummary, CaseType, DeadlineFilter } from '@/api/cases'
import { CASE_TYPES, DEADLINE_FILTERS } from '@/api/cases'
import { WARN_DAYS } from './clock'

export interface CaseFilters {
  q: string
  unit_id: number | null
  state: string
  case_type: CaseType | ''
  officer_id: number | null
  deadline: DeadlineFilter
}

export function emptyFilters(): CaseFilters {
  return { q: '', unit_id: null, state: '', case_type: '', officer_id: null, deadline: '' }
}

function one(v: LocationQuery[string]): string {
  return (Array.isArray(v) ? v[0] : v) ?? ''
}

function id(v: LocationQuery[string]): number | null {
  const s = one(v)
  return /^\d+$/.test(s) ? Number(s) : null
}

export function filtersFromQuery(q: LocationQuery): CaseFilters {
  const type = one(q.case_type)
  const deadline = one(q.deadline)
  return {
    q: one(q.q),
    unit_id: id(q.unit_id),
    state: one(q.state),
    case_type: (CASE_TYPES as string[]).includes(type) ? (type as CaseType) : '',
    officer_id: id(q.officer_id),
    deadline: (DEADLINE_FILTERS as string[]).includes(deadline) ? (deadline as DeadlineFilter) : '',
  }
}

// Only the filters that are set, for the address bar.
export function filtersToQuery(f: CaseFilters): LocationQueryRaw {
  const out: LocationQueryRaw = {}
  if (f.q.trim()) out.q = f.q.trim()
  if (f.unit_id !== null) out.unit_id = String(f.unit_id)
  if (f.state) out.state = f.state
  if (f.case_type) out.case_type = f.case_type
  if (f.officer_id !== null) out.officer_id = String(f.officer_id)
  if (f.deadline) out.deadline = f.deadline
  return out
}

// The API query: unset filters are left out. The deadline status is not a server filter: it implies open
// cases, and the rows are then picked by matchesDeadline.
export function filtersToApi(f: CaseFilters): Omit<CaseQuery, 'page' | 'page_size'> {
  return {
    q: f.q.trim() || undefined,
    unit_id: f.unit_id ?? undefined,
    state: f.state || undefined,
    case_type: f.case_type || undefined,
    officer_id: f.officer_id ?? undefined,
    open: f.deadline ? 1 : undefined,
  }
}

// due_3d: the nearest running clock ends within 3 days; overdue: it has passed; ok: more than 3 days left.
export function matchesDeadline(c: Pick<CaseSummary, 'next_deadline'>, d: DeadlineFilter): boolean {
  if (!d) return true
  const clock = c.next_deadline
  if (!clock) return false
  const overdue = clock.status === 'overdue' || clock.days_left < 0
  if (d === 'overdue') return overdue
  if (overdue || clock.status === 'met') return false
  return d === 'due_3d' ? clock.days_left <= WARN_DAYS : clock.days_left > WARN_DAYS
}
