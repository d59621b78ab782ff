// The hash-chained audit log (audit.read, audit.export, audit.verify).
import { download, http, type Download } from './http'
import type { PageQuery, Paged } from './types'

export type AuditResult = 'ok' | 'denied' | 'failed' | 'invalid'
export const AUDIT_RESULTS: AuditResult[] = ['ok', 'denied', 'failed', 'invalid']

export interface AuditFilters {
  from?: string // ISO 8601 UTC
  to?: string
  q?: string // one box over what the page shows: action and detail words, people, object
  user?: string
  action?: string
  object?: string
  result?: AuditResult | ''
}

export interface AuditRecord {
  id: number
  at: string
  user: string
  unit: string
  unit_name: string | null
  client: string
  action: string
  object: string
  result: AuditResult
  purpose: string
  case_no: string
  request_id: string
  hash: string
  detail?: string
  // Words in the request's language (the server's catalogue, ADR 0045); the codes above stay for filters.
  user_name: string | null // the actor's real name and username
  action_name: string
  object_text: string
  result_name: string
  detail_text: string
  // A change records before and after (role changes from issue 13 on; older rows: null).
  change: AuditChange | null
}

export interface AuditChange {
  before: string[] | string
  after: string[] | string
}

export interface AuditVerify {
  ok: boolean
  records: number
  first_bad_id: number | null
  problem:
    | 'changed'
    | 'inserted'
    | 'deleted'
    | 'truncated'
    | 'downgraded'
    | 'anchor_missing'
    | 'anchor_changed'
    | 'anchor_replaced'
    | null
  detail: string | null // English, for the record; the page shows `problem` translated
  head_id: number
  head_hash: string | null
  anchored_id: number
  keyed_from: number
}

export function searchAudit(filters: AuditFilters & PageQuery): Promise<Paged<AuditRecord>> {
  return http.get<Paged<AuditRecord>>('/audit', { ...filters })
}

// CSV (UTF-8 with BOM); the export itself is audited by the server.
export function exportAudit(filters: AuditFilters, fallbackName: string): Promise<Download> {
  return download('/audit/export.csv', { ...filters }, fallbackName)
}

export function verifyAudit(): Promise<AuditVerify> {
  return http.get<AuditVerify>('/audit/verify')
}
