// A person named on a house or unit form (the owner, the person in charge) by resident ID number and name: the
// API's identity object {id_kind, id_number, name}, found or registered by the server (ResolvePerson). Pure.
import { readResidentId } from '@/utils/idNumber'

export interface Identity {
  id_kind: 'resident_id'
  id_number: string
  name: string
}

// Both empty → none (the person is optional); otherwise the identity with the number as the server keeps it
// (a 15-digit number converted to 18). Whether it is valid is the form's rule (identityProblem).
export function identityOf(idNumber: string, name: string): Identity | null {
  if (!idNumber.trim() && !name.trim()) return null
  return { id_kind: 'resident_id', id_number: readResidentId(idNumber).number, name: name.trim() }
}

// What stops the identity being sent: '' (fine, or none given), 'id' (the number is not a valid resident ID) or
// 'name' (a number without a name).
export function identityProblem(idNumber: string, name: string): '' | 'id' | 'name' {
  if (!idNumber.trim() && !name.trim()) return ''
  const state = readResidentId(idNumber).state
  if (state !== 'ok' && state !== 'converted') return 'id'
  return name.trim() ? '' : 'name'
}
