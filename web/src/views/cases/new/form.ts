// The new-case form: its model, the checks made before sending (the server checks again and names fields
// the same way), and the request built from it.
import type { CaseSource, CaseType, IdType, LawText, NewCase, PersonInput, PersonRole } from '@/api/cases'
import { chinaToUtcIso } from '@/utils/time'
import { residentIdProblem } from '@/utils/idNumber'
import { phoneProblem } from '@/utils/phone'

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

// The citizen ID and phone checks live in utils/ (shared with the phone pages).
export { residentIdProblem, phoneProblem }

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

// Lengths the server accepts (case_json.cpp); a longer text is reported, never cut (issue 13). Characters are
// counted as code points, as the server does.
export const TEXT_LIMITS = { cause: 100, place: 200, facts: 4000, name: 40, address: 200 } as const
export const charCount = (v: string): number => [...v].length

// The incident cannot be later than now (the server allows a minute of clock skew, as here); a future time is
// refused with the field named, never replaced by now.
export function occurredProblem(v: string, now: number = Date.now()): '' | 'in_future' {
  if (!v) return ''
  const at = Date.parse(chinaToUtcIso(v))
  return Number.isFinite(at) && at > now + 60_000 ? 'in_future' : ''
}
