// The offline answer for a wanted person (issue 15, ADR 0052/0053): the person watch list's offline list — the
// active wanted persons as keyed hashes, hex(HMAC-SM3(key, "resident_id|CHN|<18 characters>")) — kept sealed on
// the phone with its key (cache.ts), refreshed while online. A check by ID number with no network is looked up in
// it at once; a hit is shown as wanted and the check is still queued, so the server re-checks it online and alerts
// the desk. The phone never holds a wanted person's number, only hashes.
import sm3 from 'sm-crypto/src/sm3/index.js'
import { http } from '@/api/http'
import { readResidentId } from '@/utils/idNumber'
import { keep, kept } from './cache'

export interface OfflineList {
  version: string
  key: string // hex
  expires_at: number // Unix seconds
  hashes: string[]
}

export function offlineHash(keyHex: string, idNumber: string): string {
  return sm3(`resident_id|CHN|${idNumber}`, { key: keyHex })
}

export async function loadOfflineList(): Promise<void> {
  const current = await kept<OfflineList>('wanted-list')
  const list = await http.get<OfflineList>('/personwatch/offline-list')
  if (current?.value.version === list.version) return
  await keep('wanted-list', { version: list.version, key: list.key, expires_at: list.expires_at, hashes: list.hashes })
}

// true / false from the kept list; null when the phone has no list (or it expired) or the number is not a
// resident ID: the answer then waits for the server.
export async function wantedOffline(typed: string, now = Date.now()): Promise<boolean | null> {
  const reading = readResidentId(typed)
  if (reading.state !== 'ok' && reading.state !== 'converted') return null
  const copy = await kept<OfflineList>('wanted-list')
  if (!copy || copy.value.expires_at * 1000 < now) return null
  return copy.value.hashes.includes(offlineHash(copy.value.key, reading.number))
}
