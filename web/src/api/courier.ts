// The police's courier API (寄递实名, issue 17; docs/api/courier.md). Browse answers are masked; a person's
// parcels and a record's photos need a purpose and a case number (audited with them). Times are Unix seconds.
import { http, buildUrl, download, type Download, type Query } from './http'
import type { Paged } from './types'
import type { Purpose } from './users'

export interface CourierRecord {
  id: number
  company_id: number
  outlet_id: number
  outlet_name: string
  waybill_no: string
  source: 'counter' | 'bulk'
  sender_doc_type: string
  sender_name: string
  sender_id: string
  sender_phone: string
  id_verified: boolean
  receiver_name: string
  receiver_phone: string
  receiver_address: string
  category: string
  declared_content: string
  declared_value_cents: number
  inspected: boolean
  status: 'accepted' | 'refused' | 'held'
  refusal_reason: string
  accepted_at: number
  uploaded_at: number
}

export interface Outlet {
  id: number
  company_id: number
  company_name: string
  code: string
  name: string
  licence_no: string
  manager_name: string
  address: string
  township: string
  station_unit_id: number
}

export interface RecordFilters {
  outlet_id?: number | ''
  waybill_no?: string
  from?: string
  to?: string
}

export interface PersonFilters {
  sender_id?: string
  sender_name?: string
  phone?: string
}

export function listOutlets(): Promise<{ items: Outlet[] }> {
  return http.get<{ items: Outlet[] }>('/courier/outlets')
}

export function browseRecords(f: RecordFilters, page: number, pageSize: number): Promise<Paged<CourierRecord>> {
  return http.get<Paged<CourierRecord>>('/courier/records', { ...f, page, page_size: pageSize } as Query)
}

// A person's parcels, whole (full=true): the purpose and case number go with the read and into the audit log.
export function searchPerson(f: PersonFilters & RecordFilters, p: Purpose, page: number, pageSize: number): Promise<Paged<CourierRecord>> {
  return http.get<Paged<CourierRecord>>('/courier/records/search', {
    ...f,
    full: true,
    page,
    page_size: pageSize,
    purpose: p.purpose,
    case_no: p.case_no,
  } as Query)
}

export interface RecordPhoto {
  media_id: string
  kind: 'opened' | 'parcel' | 'card'
}

export function recordPhotos(id: number, p: Purpose): Promise<{ items: RecordPhoto[] }> {
  return http.get<{ items: RecordPhoto[] }>(`/courier/records/${id}/photos`, { purpose: p.purpose, case_no: p.case_no })
}

// For an <img src>: the purpose travels as query parameters (each read audited with it).
export function photoUrl(id: number, mediaId: string, p: Purpose): string {
  return buildUrl(`/courier/records/${id}/photos/${mediaId}`, { purpose: p.purpose, case_no: p.case_no })
}

export interface StaffMember {
  id: number
  role: 'clerk' | 'admin'
  name: string
  id_number: string
  phone: string
  status: 'registered' | 'unmatched' | 'left'
  has_account: boolean
}

export function outletStaff(outletId: number): Promise<Paged<StaffMember>> {
  return http.get<Paged<StaffMember>>(`/courier/outlets/${outletId}/staff`)
}

export interface Inspection {
  id: number
  outlet_id: number
  outlet_name: string
  inspector_name: string
  inspected_at: number
  findings: string
  notice_no: string
  rectify_by: number | null
  status: 'passed' | 'rectifying' | 'closed'
  closed_at: number | null
  closing_note: string
}

export function listInspections(q: { outlet_id?: number | ''; status?: string }): Promise<Paged<Inspection>> {
  return http.get<Paged<Inspection>>('/courier/inspections', q as Query)
}

// rectify_days 0: nothing to fix (passed); 1–90: a 责令整改通知书 with that many days to fix.
export function recordInspection(body: { outlet_id: number; findings: string; rectify_days: number }): Promise<Inspection> {
  return http.post<Inspection>('/courier/inspections', body)
}

export function closeInspection(id: number, note: string): Promise<Inspection> {
  return http.post<Inspection>(`/courier/inspections/${id}/close`, { note })
}

export function noticeUrl(id: number, format: 'html' | 'pdf'): string {
  return buildUrl(`/courier/inspections/${id}/notice`, { format })
}

// --- supervision: real-name rate, statistics, 碰撞比对 (issue 17) ---

export interface OutletFilter {
  from?: string
  to?: string
  company_id?: number | ''
  outlet_id?: number | ''
  township?: string
}

export interface RateRow {
  outlet_id: number
  outlet_name: string
  company_id: number
  company_name: string
  township: string
  day: string
  total: number
  verified: number
  rate: number
  late: number
  refused: number
  held: number
  missing: boolean
}

export interface DailyRate {
  day: string
  total: number
  verified: number
  rate: number
  late: number
  missing_outlets: number
}

export interface RatePage extends Paged<RateRow> {
  from: string
  to: string
  daily: DailyRate[]
}

export function supervisionRates(f: OutletFilter, page: number, pageSize: number): Promise<RatePage> {
  return http.get<RatePage>('/courier/supervision/rates', { ...f, page, page_size: pageSize } as Query)
}

// Every row of the filter as CSV for Excel; the export is audited by the server.
export function exportRates(f: OutletFilter, fallbackName: string): Promise<Download> {
  return download('/courier/supervision/rates/export', { ...f } as Query, fallbackName)
}

export type StatBy = 'company' | 'outlet' | 'township'

export interface StatRow {
  key: string
  name: string
  outlets: number
  records: number
  verified: number
  verified_share: number
  held: number
  refused: number
  late: number
  photos: number
}

export function supervisionStatistics(by: StatBy, f: OutletFilter): Promise<{ items: StatRow[]; total: number }> {
  return http.get<{ items: StatRow[]; total: number }>('/courier/supervision/statistics', { ...f, by } as Query)
}

export function exportStatistics(by: StatBy, f: OutletFilter, fallbackName: string): Promise<Download> {
  return download('/courier/supervision/statistics/export', { ...f, by } as Query, fallbackName)
}

export interface Company {
  id: number
  name: string
}

export type CollideSource = 'within' | 'list' | 'watchlist' | 'case'

export interface CollideRequest {
  from: string
  to: string
  source: CollideSource
  list?: string[]
  list_case_no?: string
  min_count?: number
}

export interface Collision {
  kind: 'one_sender_many_receivers' | 'many_senders_one_address' | 'listed'
  key: string
  count: number
  record_ids: number[]
}

// The purpose and case number go with the request (headers) and into the audit log.
export function collide(body: CollideRequest, p: Purpose): Promise<{ from: string; to: string; items: Collision[] }> {
  return http.post<{ from: string; to: string; items: Collision[] }>('/courier/collide', body, {
    query: { purpose: p.purpose, case_no: p.case_no },
  })
}

// A collision group's records (masked), read with the same purpose (audited).
export function recordsByIds(ids: number[], p: Purpose): Promise<Paged<CourierRecord>> {
  return http.get<Paged<CourierRecord>>('/courier/records/search', {
    record_ids: ids.slice(0, 50).join(','),
    page: 1,
    page_size: 50,
    purpose: p.purpose,
    case_no: p.case_no,
  } as Query)
}

// --- 从业人员备案 by the outlet's administrator ---

export interface StaffInput {
  role?: 'clerk' | 'admin'
  name?: string
  id_number?: string
  phone?: string
}

export function myStaff(): Promise<Paged<StaffMember> & { outlet: { id: number; name: string } }> {
  return http.get<Paged<StaffMember> & { outlet: { id: number; name: string } }>('/courier/my/staff')
}

export function addStaff(body: StaffInput): Promise<StaffMember> {
  return http.post<StaffMember>('/courier/my/staff', body)
}

export function editStaff(id: number, body: StaffInput): Promise<StaffMember> {
  return http.put<StaffMember>(`/courier/my/staff/${id}`, body)
}

export function deactivateStaff(id: number): Promise<StaffMember> {
  return http.post<StaffMember>(`/courier/my/staff/${id}/deactivate`)
}
