// How a section of the person page is shown: its columns (the known sections' in a fixed order, any other
// section's from its items' keys, so a module that registers a section later needs no change here) and the text
// of one cell (times in China time, codes through their labels).
import type { DossierSection } from '@/api/dossier'
import { formatChinaTime } from '@/utils/time'

const KNOWN: Record<string, string[]> = {
  residence: ['full_name', 'address_id', 'grid_id'],
  moves: ['on_date', 'kind', 'full_name', 'reason'],
  houses: ['relation', 'full_name', 'use', 'from_date', 'to_date', 'reported_at'],
  orgs: ['role', 'name', 'kind', 'credit_code', 'full_name'],
  visits: ['visited_at', 'kind', 'full_name', 'officer', 'findings', 'follow_up'],
  mediations: ['occurred_at', 'dispute_type', 'status', 'outcome', 'full_name', 'parties', 'summary'],
  cases: ['case_no', 'role', 'cause', 'state', 'unit_name', 'accepted_at', 'name_in_case', 'id_number_in_case'],
}

// Fields whose values are codes with labels (dossier.<group>.<code>).
const CODED: Record<string, string> = { kind: 'code', relation: 'code', use: 'code', role: 'code', state: 'stage', status: 'code', outcome: 'code' }
const TIMES = new Set(['accepted_at', 'reported_at', 'recorded_at', 'at', 'created_at', 'visited_at', 'occurred_at'])

export function sectionColumns(s: DossierSection): string[] {
  const known = KNOWN[s.name]
  if (known) return known
  const keys: string[] = []
  for (const item of s.items) for (const k of Object.keys(item)) if (!keys.includes(k) && !k.endsWith('_id')) keys.push(k)
  return keys
}

export function cellText(col: string, value: unknown, label: (group: string, key: string) => string): string {
  if (value === null || value === undefined || value === '') return '—'
  if (TIMES.has(col) && typeof value === 'string') return formatChinaTime(value) || value
  if (CODED[col] && typeof value === 'string') return label(CODED[col], value)
  if (Array.isArray(value)) return value.join('、')
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}
