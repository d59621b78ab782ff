// The new-case form: its model, the checks made before sending (the server checks again and names fields
// the same way), and the request built from it.
import type { CaseSource, CaseType, IdType, LawText, NewCase, PersonInput, PersonRole } from '@/api/cases'
import { chinaToUtcIso } from '@/utils/time'

export interface PersonForm {
  role: PersonRole
  name: string
  id_type: IdType
  id_number: string
  phone: string
  address: string
}

export interface CaseForm {
  case_type: CaseType
  law: LawText
  cause: string
  source: CaseSource
  occurred_at: string // China wall-clock 'YYYY-MM-DD HH:mm:ss' from the picker
  place: string
  lat: number | null
  lng: number | null
  facts: string
  people: PersonForm[]
}

export function emptyPerson(role: PersonRole = 'reporter'): PersonForm {
  return { role, name: '', id_type: 'resident_id', id_number: '', phone: '', address: '' }
}

export function emptyCaseForm(): CaseForm {
  return {
    case_type: 'administrative',
    law: '2025',
    cause: '',
    source: 'walk_in',
    occurred_at: '',
    place: '',
    lat: null,
    lng: null,
    facts: '',
    people: [emptyPerson('reporter')],
  }
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK = '10X98765432'

// GB 11643 citizen ID: 17 digits, a check character, and a real birth date. Returns a field problem key
// (errors.field.<key>) or '' when it is fine.
export function residentIdProblem(raw: string): string {
  const id = raw.trim().toUpperCase()
  if (!/^\d{17}[\dX]$/.test(id)) return 'bad_format'
  const y = Number(id.slice(6, 10))
  const m = Number(id.slice(10, 12))
  const d = Number(id.slice(12, 14))
  const birth = new Date(Date.UTC(y, m - 1, d))
  if (y < 1900 || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d || birth.getTime() > Date.now()) {
    return 'bad_birth_date'
  }
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(id[i]), 0)
  return CHECK[sum % 11] === id[17] ? '' : 'bad_check_character'
}

// A mainland mobile (11 digits from 1, the one SMS reaches) or a fixed line of digits and '-'; empty is allowed.
export function phoneProblem(raw: string): string {
  const p = raw.trim().replace(/\s/g, '')
  if (!p) return ''
  if (/^1\d{10}$/.test(p)) return ''
  return /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/.test(p) ? '' : 'bad_format'
}

export function idNumberProblem(p: Pick<PersonForm, 'id_type' | 'id_number'>): string {
  const v = p.id_number.trim()
  if (p.id_type === 'none' || !v) return ''
  if (p.id_type === 'resident_id') return residentIdProblem(v)
  return v.length > 40 ? 'too_long' : ''
}

// Empty optional fields are left out; with no ID the number is not sent at all.
function person(p: PersonForm): PersonInput {
  const out: PersonInput = { role: p.role, name: p.name.trim(), id_type: p.id_type }
  const id = p.id_number.trim().toUpperCase()
  if (p.id_type !== 'none' && id) out.id_number = id
  const phone = p.phone.trim().replace(/\s/g, '')
  if (phone) out.phone = phone
  const address = p.address.trim()
  if (address) out.address = address
  return out
}

export function buildCase(f: CaseForm, idempotencyKey: string): NewCase {
  const req: NewCase = {
    case_type: f.case_type,
    cause: f.cause.trim(),
    source: f.source,
    occurred_at: chinaToUtcIso(f.occurred_at),
    place: { address: f.place.trim() },
    facts: f.facts.trim(),
    people: f.people.map(person),
    idempotency_key: idempotencyKey,
  }
  if (f.case_type === 'administrative') req.law = f.law
  if (f.lat !== null && f.lng !== null) req.place = { ...req.place, lat: f.lat, lon: f.lng }
  return req
}

// The server's field key for a person's field, as in `people[1].id_number`.
export function personKey(i: number, field: keyof PersonForm): string {
  return `people[${i}].${field}`
}
