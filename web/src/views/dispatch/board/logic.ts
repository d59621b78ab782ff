// Pure helpers of the live board (ADR 0063): which calls are late now by their category's targets (the data of
// data/categories.csv, carried on each call as dispatch_due_at / arrival_due_at), which of them are new since the
// last look (the sound plays once per call), the marker colours of call states and unit statuses.
import type { Board, Call, PatrolStatus } from '@/api/dispatch'

export type Lateness = '' | 'dispatch' | 'arrival'

// Late for dispatch: still received after the dispatch target; late for arrival: dispatched or accepted (nobody on
// scene yet) after the arrival target. `now` in Unix seconds, on the server's clock.
export function lateness(c: Pick<Call, 'state' | 'dispatch_due_at' | 'arrival_due_at' | 'police'>, now: number): Lateness {
  if (c.state === 'received' && now > c.dispatch_due_at) return 'dispatch'
  if ((c.state === 'dispatched' || c.state === 'accepted') && now > c.arrival_due_at) return 'arrival'
  return ''
}

// The calls late for arrival that were not in `heard` (their ids): the sound plays for them; `heard` grows.
export function newlyLate(calls: Pick<Call, 'id' | 'state' | 'dispatch_due_at' | 'arrival_due_at' | 'police'>[],
  now: number, heard: Set<number>): number[] {
  const fresh: number[] = []
  for (const c of calls) {
    if (lateness(c, now) !== 'arrival' || heard.has(c.id)) continue
    heard.add(c.id)
    fresh.push(c.id)
  }
  return fresh
}

export const CALL_COLOURS: Record<string, string> = {
  received: '#d93026',
  dispatched: '#e8a33d',
  accepted: '#e8a33d',
  arrived: '#2f6fd6',
  finished: '#2e9d4f',
  diverted: '#7b3fb8',
  review: '#8c8c8c',
}
export const PATROL_COLOURS: Record<PatrolStatus, string> = {
  available: '#2e9d4f',
  en_route: '#e8a33d',
  on_scene: '#d93026',
  busy: '#e8a33d',
  off_duty: '#8c8c8c',
}

// The server's clock as seen here: the offset of its `now` from the browser's when the board arrived.
export function serverNow(offsetS: number, browserMs = Date.now()): number {
  return Math.floor(browserMs / 1000) + offsetS
}

// The board names each category and unit once (docs/api/dispatch.md "Board"): a call's category in the reader's
// language, the code itself when the board has no name for it.
export function categoryName(board: Pick<Board, 'categories'> | null, code: string, locale: string): string {
  const names = board?.categories[code]
  if (!names) return code
  return locale === 'en' ? names.en : names.zh
}

// The name of the patrol unit a call was dispatched to, from the board's patrols ('' when none or not shown).
export function patrolName(board: Pick<Board, 'patrols'> | null, patrolId: number | null): string {
  if (patrolId === null || !board) return ''
  return board.patrols.find((p) => p.id === patrolId)?.name ?? ''
}
