// The audit search form → API filters. Times are picked as China wall-clock time and sent in UTC.
import type { AuditFilters, AuditResult } from '@/api/audit'
import { chinaToUtcIso } from '@/utils/time'

export interface AuditForm {
  range: [string, string] | null // 'YYYY-MM-DD HH:mm:ss', China time
  user: string
  action: string
  object: string
  result: AuditResult | ''
}

export function emptyAuditForm(): AuditForm {
  return { range: null, user: '', action: '', object: '', result: '' }
}

export function toAuditFilters(f: AuditForm): AuditFilters {
  const out: AuditFilters = {}
  if (f.range) {
    out.from = chinaToUtcIso(f.range[0]) || undefined
    out.to = chinaToUtcIso(f.range[1]) || undefined
  }
  if (f.user.trim()) out.user = f.user.trim()
  if (f.action.trim()) out.action = f.action.trim()
  if (f.object.trim()) out.object = f.object.trim()
  if (f.result) out.result = f.result
  return out
}
