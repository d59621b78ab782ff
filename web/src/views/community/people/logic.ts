// Checks the person form runs while the officer types (the server checks again; these only help early):
// resident ID numbers (GB 11643-1999: 15 digits converted to 18, ISO 7064 MOD 11-2 check character, birth date
// and sex from the number), and the rows of the list's Excel export.
import type { Person } from '@/api/people'

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK = '10X98765432'

export function checkCharacter(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]
  return CHECK[sum % 11]
}

function realDate(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d))
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d
}

export interface IdCheck {
  ok: boolean
  // the stable problem key (the server's): bad_length, bad_characters, bad_birth_date, bad_check_character,
  // bad_15_digit; '' when ok or when nothing was typed
  problem: string
  normalised: string // 18 characters when ok (15-digit numbers converted)
  converted: boolean // it was a 15-digit number
  birthDate: string // YYYY-MM-DD
  sex: 'male' | 'female' | ''
}

export function checkResidentId(input: string): IdCheck {
  const s = input.replace(/[\s]/g, '').toUpperCase()
  const out: IdCheck = { ok: false, problem: '', normalised: s, converted: false, birthDate: '', sex: '' }
  if (!s) return out
  let id = s
  if (s.length === 15) {
    if (!/^\d{15}$/.test(s)) return { ...out, problem: 'bad_characters' }
    const y = 1900 + Number(s.slice(6, 8))
    if (!realDate(y, Number(s.slice(8, 10)), Number(s.slice(10, 12)))) return { ...out, problem: 'bad_15_digit' }
    const first17 = s.slice(0, 6) + '19' + s.slice(6)
    id = first17 + checkCharacter(first17)
    out.converted = true
  }
  if (id.length !== 18) return { ...out, problem: 'bad_length' }
  if (!/^\d{17}[\dX]$/.test(id)) return { ...out, problem: 'bad_characters' }
  const y = Number(id.slice(6, 10))
  const m = Number(id.slice(10, 12))
  const d = Number(id.slice(12, 14))
  if (!realDate(y, m, d) || y < 1800) return { ...out, problem: 'bad_birth_date' }
  if (checkCharacter(id.slice(0, 17)) !== id[17]) return { ...out, problem: 'bad_check_character' }
  return {
    ok: true,
    problem: '',
    normalised: id,
    converted: out.converted,
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    sex: Number(id[16]) % 2 === 1 ? 'male' : 'female',
  }
}

// Days from `today` (YYYY-MM-DD) to a permit's expiry; null without one.
export function daysLeft(expires: string | null, today: string): number | null {
  if (!expires) return null
  const a = Date.parse(`${expires}T00:00:00Z`)
  const b = Date.parse(`${today}T00:00:00Z`)
  return Math.round((a - b) / 86400000)
}

// The list's Excel export: the masked values as the list shows them.
export function exportRows(people: Person[], label: (kind: string, value: string) => string): (string | number)[][] {
  return people.map((p) => [
    p.id, p.name, label('idKind', p.id_kind), p.id_number, p.nationality, label('sex', p.sex), p.birth_date,
    label('category', p.category), p.residence_name || p.residence_address_id || '', p.phones.join(' '),
    p.permit_expires ?? '', label('status', p.status),
  ])
}
