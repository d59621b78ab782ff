// The period filter of the work lists: a China-time range from the date picker → the API's from/to (UTC ISO).
import { chinaToUtcIso } from '@/utils/time'

export type Period = [string, string] | null

export function periodQuery(p: Period): { from?: string; to?: string } {
  if (!p) return {}
  return { from: chinaToUtcIso(p[0]) || undefined, to: chinaToUtcIso(p[1]) || undefined }
}

// The picker's value for "now" in China time (a form's default time).
export function chinaNow(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ')
}
