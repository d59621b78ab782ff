// The action dialog's model and the event request built from it: only the fields the action requires are
// sent (an empty reason is left out), with the version the user saw and the dialog's idempotency key.
import type { CaseAction, EventInput } from '@/api/cases'
import type { ReviewOpinion } from '@/api/supervision'

// The reviewer's lifecycle actions are taken as a review opinion (with its problems), not as a bare event.
export const OPINION_ACTIONS: Record<string, ReviewOpinion> = { review_approved: 'approve', return_review: 'return' }

// Facts about a seized item name it (data.item: the subject of its seizure clock).
export const ITEM_ACTIONS = new Set(['seized', 'seizure_extension_approved', 'seizure_released'])
// An arrest-request period extended beyond 7 days needs its ground (刑事诉讼法第九十一条第二款).
export const GROUNDS = ['flight', 'serial', 'gang'] as const

export interface ActionForm {
  key: string
  reason: string
  person_id: number | null
  days: number | null
  item: string
  ground: string
}

export function emptyActionForm(): ActionForm {
  return { key: '', reason: '', person_id: null, days: null, item: '', ground: '' }
}

export function needsGround(action: string, days: number | null): boolean {
  return action === 'detention_extended' && days !== null && days > 7
}

// A fact is recorded without changing the state (to_state "=").
export function isFact(a: CaseAction): boolean {
  return a.to_state === '='
}

export function buildEvent(a: CaseAction, f: ActionForm, version: number): EventInput {
  const e: EventInput = { action: a.action, expected_version: version, idempotency_key: f.key }
  const reason = f.reason.trim()
  if (reason) e.reason = reason
  if (a.requires.includes('person') && f.person_id !== null) e.person_id = f.person_id
  if (a.requires.includes('days') && f.days !== null) e.days = f.days
  const data: Record<string, string> = {}
  if (ITEM_ACTIONS.has(a.action) && f.item.trim()) data.item = f.item.trim()
  if (needsGround(a.action, f.days) && f.ground) data.ground = f.ground
  if (Object.keys(data).length) e.data = data
  return e
}
