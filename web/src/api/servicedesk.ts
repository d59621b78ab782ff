// The service supervision centre (服务监督: servicedesk.read, .intake, .supervise, .reply, .callback, .record,
// .figures). Routes: docs/api/servicedesk.md. Lists and details are masked; the full complainant needs a purpose.
import { uploadPhoto, type UploadedPhoto } from './media'
import { http, type Query } from './http'
import type { PageQuery, Paged } from './types'

export type TicketState = 'registered' | 'joined' | 'assigned' | 'replied' | 'rectifying' | 'rectified'
  | 'awaiting_callback' | 'closed'
export const TICKET_STATES: TicketState[] = ['registered', 'joined', 'assigned', 'replied', 'rectifying', 'rectified',
  'awaiting_callback', 'closed']
export type CallbackResult = 'satisfied' | 'basically' | 'unsatisfied'

export interface Channel { code: string, name_zh: string, name_en: string, external_ref: boolean, public_form: boolean, basis: string, extension_days: number }
export interface Category { code: string, name_zh: string, name_en: string, needs_unit: boolean }
export interface Transition { action: string, from: string, to: string, permission: string, note_required: boolean, name_zh: string, name_en: string }
export interface DeskOptions {
  units: { id: number, name: string, kind: string }[]
  channels: Channel[]
  categories: Category[]
  workflow: Transition[]
  duplicate_window_days: number
}

export interface TicketClock { rule_id: string, name_zh: string, name_en: string, basis: string, start: string, due: string, end: string, state: string, days_left: number }
export interface TicketEvent { id: number, at: string, user_id: number | null, user_name: string, action: string, from_state: string, to_state: string, note: string }

export interface Ticket {
  id: number
  ticket_no: string
  channel: string
  external_ref: string
  complainant: { anonymous: boolean, name: string, phone: string, id_number: string }
  web_filer: boolean
  category: string
  title: string
  content: string
  unit_id: number | null
  unit_name: string
  officer_police_no: string
  received_at: string
  state: TicketState
  parent_id: number | null
  assigned_at: string | null
  replied_at: string | null
  closed_at: string | null
  reply: string
  rectification: string
  finding: string
  extended_days: number
  version: number
  clocks?: TicketClock[]
  due?: string | null
  overdue?: boolean
  // the detail only
  events?: TicketEvent[]
  callback?: { at: string, result: CallbackResult, comment: string } | null
  joined?: number[]
  media_ids?: string[]
  actions?: string[]
  // the intake's answer only
  query_code?: string
  joined_to?: number | null
}

export interface TicketFilters extends PageQuery {
  state?: string
  channel?: string
  category?: string
  unit_id?: number | ''
  ticket_no?: string
  month?: string
}

export interface IntakeForm {
  channel: string
  external_ref?: string
  name?: string
  phone?: string
  id_number?: string
  anonymous?: boolean
  category: string
  title: string
  content: string
  unit_id?: number | null
  officer_police_no?: string
  received_at?: string
  media_ids?: string[]
}

export interface StepForm {
  action: string
  version: number
  note?: string
  unit_id?: number
  officer_police_no?: string
  into?: number
  result?: CallbackResult
  days?: number
}

export interface UnitFigures {
  unit_id: number | null
  unit_name: string
  received: number
  joined: number
  closed: number
  open: number
  overdue: number
  rectifications: number
  satisfied: number
  basically: number
  unsatisfied: number
  satisfaction_rate: number | null
}
export interface Figures { month: string, items: UnitFigures[], total: Omit<UnitFigures, 'unit_id' | 'unit_name'> }

export function deskOptions(): Promise<DeskOptions> {
  return http.get<DeskOptions>('/servicedesk/options')
}
export function listTickets(f: TicketFilters): Promise<Paged<Ticket>> {
  return http.get<Paged<Ticket>>('/servicedesk/tickets', f as Query)
}
export function getTicket(id: number): Promise<Ticket> {
  return http.get<Ticket>(`/servicedesk/tickets/${id}`)
}
export function getTicketRecord(id: number, purpose: string): Promise<Ticket> {
  return http.get<Ticket>(`/servicedesk/tickets/${id}/record`, { purpose })
}
export function registerTicket(form: IntakeForm): Promise<Ticket> {
  return http.post<Ticket>('/servicedesk/tickets', form)
}
export function stepTicket(id: number, form: StepForm): Promise<Ticket> {
  return http.post<Ticket>(`/servicedesk/tickets/${id}/steps`, form)
}
export function serviceFigures(month?: string): Promise<Figures> {
  return http.get<Figures>('/servicedesk/figures', month ? { month } : {})
}

// The public's side (no session): the form takes a publicauth token (api/publicauth.ts).
export interface PublicProgress {
  ticket_no: string
  category: string
  stage: TicketState
  joined: boolean
  received_on: string
  last_update: string
  deadline: string | null
  basis: string | null
  called_back: boolean
  title?: string
}
export interface PublicOptions { units: { id: number, name: string }[], categories: Category[] }
export interface PublicForm { phone: string, name: string, category: string, title: string, content: string, unit_id?: number | null, officer_police_no?: string, media_ids?: string[] }
// At most this many photos on a public ticket (the server's kMaxPublicPhotos).
export const MAX_PUBLIC_PHOTOS = 3

export function publicServiceOptions(): Promise<PublicOptions> {
  return http.get<PublicOptions>('/public/service-options', {}, { skipAuthHook: true })
}
export function queryServiceProgress(ticketNo: string, code: string): Promise<PublicProgress> {
  return http.post<PublicProgress>('/public/service-progress', { ticket_no: ticketNo, query_code: code }, { skipAuthHook: true })
}
export function filePublicTicket(form: PublicForm, headers: Record<string, string>): Promise<{ ticket_no: string, query_code: string }> {
  return http.post('/public/service-tickets', form, { skipAuthHook: true, headers })
}
// A photo for the public form, uploaded with the form's token (rate-limited; attached when the ticket is filed).
export function uploadPublicPhoto(image: Blob, headers: Record<string, string>): Promise<UploadedPhoto> {
  return uploadPhoto(image, '/public/service-photos', headers)
}
export function ownPublicTickets(headers: Record<string, string>): Promise<{ items: PublicProgress[] }> {
  return http.get('/public/service-tickets', {}, { skipAuthHook: true, headers })
}
