// Organisations outside the police and their staff accounts (ADR 0051; docs/api/orgs.md).
// The registry is the system administrator's (org.read, org.write); an organisation's administrator manages its
// own staff under /my-org (org.staff.read, org.staff.write).
import { http } from './http'
import type { PageQuery, Paged, User, UserStatus } from './types'

export type OrgStatus = 'active' | 'suspended'

export interface OrgKind {
  kind: string
  roles: string[]
  admin_role: string | null
  parent_kind: string | null
}

export interface Organisation {
  id: number
  kind: string
  name: string
  code: string
  parent_id: number | null
  parent_name: string | null
  supervisor_unit_id: number
  supervisor_unit_name: string
  contact_name: string // masked
  contact_phone: string // masked
  status: OrgStatus
  staff: number
  created_at: string
  updated_at: string
  assignable_roles?: string[] // /my-org only
}

export interface OrgChange {
  at: string
  by: string
  change: 'created' | 'updated' | 'suspended' | 'activated'
  before: Record<string, unknown>
  after: Record<string, unknown>
}

export interface OrgQuery extends PageQuery {
  q?: string
  kind?: string
  status?: OrgStatus | ''
  parent_id?: number
}

export interface OrgFields {
  name: string
  supervisor_unit_id: number
  contact_name: string
  contact_phone: string
}

export interface NewStaff {
  username: string
  account_no?: string // six digits; left out: the next free one
  name: string
  phone: string
}

export interface CreateOrg extends OrgFields {
  kind: string
  code: string
  parent_id?: number
  admin?: NewStaff // the first account (its role: the kind's administrator role, else its staff role)
}

export interface StaffUser extends Omit<User, 'police_no' | 'unit_id' | 'unit_name'> {
  account_no: string
  org_id: number
  org_name: string
}

export interface CreatedStaff {
  user: StaffUser
  initial_password: string
}

export interface StaffQuery extends PageQuery {
  q?: string
  status?: UserStatus | ''
  org_id?: number
}

export function listOrgs(query: OrgQuery): Promise<Paged<Organisation> & { kinds: OrgKind[] }> {
  return http.get('/orgs', { ...query })
}

export function getOrg(id: number): Promise<{ organisation: Organisation; history: OrgChange[] }> {
  return http.get(`/orgs/${id}`)
}

export function createOrg(req: CreateOrg): Promise<{ organisation: Organisation; admin?: CreatedStaff }> {
  return http.post('/orgs', req)
}

export function updateOrg(id: number, req: OrgFields): Promise<Organisation> {
  return http.put(`/orgs/${id}`, req)
}

export function setOrgStatus(id: number, action: 'suspend' | 'activate'): Promise<Organisation> {
  return http.post(`/orgs/${id}/${action}`, {})
}

export function listOrgStaff(id: number, query: StaffQuery): Promise<Paged<StaffUser>> {
  return http.get(`/orgs/${id}/staff`, { ...query })
}

export function addOrgStaff(id: number, req: NewStaff & { role: string }): Promise<CreatedStaff> {
  return http.post(`/orgs/${id}/staff`, req)
}

export function myOrg(): Promise<{ org_id: number; organisations: Organisation[] }> {
  return http.get('/my-org')
}

export function listMyStaff(query: StaffQuery): Promise<Paged<StaffUser>> {
  return http.get('/my-org/staff', { ...query })
}

export function addMyStaff(req: NewStaff & { role: string; org_id: number }): Promise<CreatedStaff> {
  return http.post('/my-org/staff', req)
}

export function myStaffAction(id: number, action: 'disable' | 'enable'): Promise<StaffUser> {
  return http.post(`/my-org/staff/${id}/${action}`, {})
}

export function resetMyStaffPassword(id: number): Promise<{ initial_password: string }> {
  return http.post(`/my-org/staff/${id}/reset-password`, {})
}
