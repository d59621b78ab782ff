// The police's courier API (寄递实名, issue 17; docs/api/courier.md). Browse answers are masked; a person's
// parcels and a record's photos need a purpose and a case number (audited with them). Times are Unix seconds.
import { http, buildUrl, type Query } from './http'
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
