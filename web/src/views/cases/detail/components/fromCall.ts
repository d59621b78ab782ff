// A case made from a 110 call (dispatch/calls/call_case.hpp): its source is "110报警 <call_no>", and a caller who gave
// no name is its reporter under the name ANONYMOUS_CALLER (no number: that stays on the call). Pure helpers for the
// case page: the call number to link, and the reporter's name in the reader's language.
import type { Person } from '@/api/cases'

// dispatch/calls/call_case.hpp kAnonymousCaller.
export const ANONYMOUS_CALLER = '匿名报警人'
const CALL_SOURCE = /^110报警 ([A-Za-z0-9-]{1,32})$/

// The call number of a case from a call, or null.
export function callNoOf(source: string | null | undefined): string | null {
  const m = CALL_SOURCE.exec((source ?? '').trim())
  return m ? m[1] : null
}

// True for the anonymous reporter of a case from a call.
export function isAnonymousCaller(p: Pick<Person, 'role' | 'name'>): boolean {
  return p.role === 'reporter' && p.name === ANONYMOUS_CALLER
}
