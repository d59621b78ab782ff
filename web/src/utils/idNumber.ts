// 居民身份证号码 (GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit order (odd = male), one check
// character (ISO 7064 MOD 11-2). Old 15-digit numbers (2-digit year, no check character) convert to 18 by adding
// "19" and the check character. Used by the forms for instant feedback; the server checks again.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK = '10X98765432'

// The check character of the first 17 digits.
export function checkCharacter(first17: string): string {
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(first17[i]), 0)
  return CHECK[sum % 11]
}

function realDate(y: number, m: number, d: number): boolean {
  const birth = new Date(Date.UTC(y, m - 1, d))
  return y >= 1900 && birth.getUTCMonth() === m - 1 && birth.getUTCDate() === d && birth.getTime() <= Date.now()
}

// GB 11643 citizen ID: 17 digits, a check character, and a real birth date. Returns a field problem key
// (errors.field.<key>) or '' when it is fine.
export function residentIdProblem(raw: string): string {
  const id = raw.trim().toUpperCase()
  if (!/^\d{17}[\dX]$/.test(id)) return 'bad_format'
  if (!realDate(Number(id.slice(6, 10)), Number(id.slice(10, 12)), Number(id.slice(12, 14)))) return 'bad_birth_date'
  return checkCharacter(id) === id[17] ? '' : 'bad_check_character'
}

export interface IdReading {
  // '' while the number is still being typed (fewer than 15 characters, all digits so far)
  state: '' | 'ok' | 'converted' | 'bad_format' | 'bad_birth_date' | 'bad_check_character'
  number: string // the 18-character number when state is ok or converted, else the input as typed
  sex: '' | 'male' | 'female'
  birthDate: string // YYYY-MM-DD
  expectedCheck: string // for bad_check_character: the character the first 17 digits call for
}

// What a typed number says, for feedback while typing: 15 digits are converted to 18.
export function readResidentId(raw: string): IdReading {
  const typed = raw.replace(/\s/g, '').toUpperCase()
  const none: IdReading = { state: '', number: typed, sex: '', birthDate: '', expectedCheck: '' }
  if (/^\d{0,14}$/.test(typed) || /^\d{16,17}$/.test(typed)) return none
  let id = typed
  let converted = false
  if (/^\d{15}$/.test(typed)) {
    const first17 = `${typed.slice(0, 6)}19${typed.slice(6)}`
    id = first17 + checkCharacter(first17)
    converted = true
  }
  const problem = residentIdProblem(id)
  if (problem === 'bad_format' || problem === 'bad_birth_date') return { ...none, state: problem }
  if (problem === 'bad_check_character') return { ...none, state: problem, expectedCheck: checkCharacter(id) }
  return {
    state: converted ? 'converted' : 'ok',
    number: id,
    sex: Number(id[16]) % 2 === 1 ? 'male' : 'female',
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    expectedCheck: '',
  }
}
