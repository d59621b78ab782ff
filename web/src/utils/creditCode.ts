// The unified social credit code (统一社会信用代码, GB 32100-2015) checked in the browser with the server's rule
// (src/modules/community/orgs/credit_code.hpp): 18 characters from 0-9 A-H J-N P-R T U W-Y (no I, O, S, V, Z),
// positions 3–8 the region (digits), and the check character C18 = 31 − (Σ Ci·Wi mod 31) over the first 17
// (31 → 0), Wi = 3^(i−1) mod 31 (GB 32100-2015 §4.2). Pure.

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

export type CreditCodeState = 'empty' | 'typing' | 'ok' | 'bad_length' | 'bad_charset' | 'bad_region' | 'bad_check_character'

export interface CreditCodeReading {
  state: CreditCodeState
  code: string // upper-cased, spaces dropped
  expectedCheck: string // the check character the first 17 call for ('' when they cannot)
}

// What a person types ("9135 0100 m000 100y 43") as the server stores it.
export function normaliseCreditCode(text: string): string {
  return text.replace(/[\s]/g, '').toUpperCase()
}

export function creditCodeCheckCharacter(first17: string): string {
  if (first17.length < 17) return ''
  let sum = 0
  for (let i = 0; i < 17; i++) {
    const v = CHARSET.indexOf(first17[i])
    if (v < 0) return ''
    sum += v * WEIGHTS[i]
  }
  const c = 31 - (sum % 31)
  return CHARSET[c === 31 ? 0 : c]
}

// The problem names are the server's (errors credit_code: bad_length …), so the phone and the server say the same.
export function readCreditCode(text: string): CreditCodeReading {
  const code = normaliseCreditCode(text)
  const expectedCheck = creditCodeCheckCharacter(code.slice(0, 17))
  const at = (state: CreditCodeState): CreditCodeReading => ({ state, code, expectedCheck })
  if (!code) return at('empty')
  if ([...code].some((ch) => !CHARSET.includes(ch))) return at('bad_charset')
  if (code.length > 18) return at('bad_length')
  if (!/^\d*$/.test(code.slice(2, 8))) return at('bad_region')
  if (code.length < 18) return at('typing')
  return at(expectedCheck === code[17] ? 'ok' : 'bad_check_character')
}
