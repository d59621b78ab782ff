// The audit search form → API filters. Times are picked as China wall-clock time and sent in UTC.
import type { AuditFilters, AuditResult } from '@/api/audit'
import { chinaToUtcIso } from '@/utils/time'

export interface AuditForm {
  from: string // 'YYYY-MM-DD HH:mm:ss', China time; '' for open
  to: string
  q: string
  user: string
  action: string
  object: string
  result: AuditResult | ''
}

export function emptyAuditForm(): AuditForm {
  return { from: '', to: '', q: '', user: '', action: '', object: '', result: '' }
}

export function toAuditFilters(f: AuditForm): AuditFilters {
  const out: AuditFilters = {}
  if (f.from) out.from = chinaToUtcIso(f.from) || undefined
  if (f.to) out.to = chinaToUtcIso(f.to) || undefined
  if (f.q.trim()) out.q = f.q.trim()
  if (f.user.trim()) out.user = f.user.trim()
  if (f.action.trim()) out.action = f.action.trim()
  if (f.object.trim()) out.object = f.object.trim()
  if (f.result) out.result = f.result
  return out
}
