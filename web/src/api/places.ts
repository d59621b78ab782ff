// Houses (实有房屋) and units (实有单位) of the community master index. Routes: docs/api/community-places.md.
import { http } from './http'
import type { PageQuery, Paged } from './types'

export type HouseUse = 'own' | 'rented' | 'commercial' | 'vacant'
export const HOUSE_USES: HouseUse[] = ['own', 'rented', 'commercial', 'vacant']
export type OrgKind = 'enterprise' | 'school' | 'hospital' | 'special_trade' | 'key_unit' | 'other'
export const ORG_KINDS: OrgKind[] = ['enterprise', 'school', 'hospital', 'special_trade', 'key_unit', 'other']

export interface House {
  id: number
  address_id: string
  address_name: string
  owner_person_id: number | null
  owner_name: string
  use: HouseUse
  area_m2: number | null
  photo_media_id: string | null
  notes: string
  checked_at: string | null
  tenants_current: number
  tenants_unreported: number
  unit_id: number
  created_at: string
  updated_at: string
  version: number
}

export interface Tenant {
  id: number
  person_id: number
  name: string
  from_date: string
  to_date: string | null
  reported_at: string | null
  current: boolean
  unreported: boolean
}

export interface HouseCheck {
  id: number
  result: 'ok' | 'problems'
  notes: string
  checked_by: number
  at: string
}

export interface HouseDetail extends House {
  tenants: Tenant[]
  checks: HouseCheck[]
}

export interface HouseFilters {
  q?: string
  address_id?: string
  use?: HouseUse | ''
  grid_id?: string
  unreported?: boolean
}

export interface HouseRequest {
  address_id?: string
  owner_person_id?: number | null
  use?: HouseUse
  area_m2?: number | null
  photo_media_id?: string
  notes?: string
  version?: number
}

export interface TenantRequest {
  tenant_id?: number
  person_id?: number
  from_date?: string
  to_date?: string
  reported?: boolean
}

export interface Org {
  id: number
  name: string
  credit_code: string
  address_id: string
  address_name: string
  kind: OrgKind
  legal_rep_person_id: number | null
  legal_rep_name: string
  security_contact_person_id: number | null
  security_contact_name: string
  phone: string
  photo_media_id: string | null
  unit_id: number
  created_at: string
  updated_at: string
  version: number
}

export interface OrgFilters {
  q?: string
  kind?: OrgKind | ''
  address_id?: string
  grid_id?: string
}

export interface OrgRequest {
  name?: string
  credit_code?: string
  address_id?: string
  kind?: OrgKind
  phone?: string
  legal_rep_person_id?: number | null
  security_contact_person_id?: number | null
  photo_media_id?: string
  version?: number
}

export interface AddressMatch {
  input: string
  address_id: string | null
  full_name: string | null
  score: number
  candidates: { address_id: string; full_name: string; score: number }[]
}

const houses = '/community/houses'
export const listHouses = (f: HouseFilters & PageQuery) =>
  http.get<Paged<House>>(houses, { ...f, unreported: f.unreported ? 1 : undefined })
export const getHouse = (id: number) => http.get<HouseDetail>(`${houses}/${id}`)
export const createHouse = (r: HouseRequest) => http.post<House>(houses, r)
export const updateHouse = (id: number, r: HouseRequest) => http.patch<House>(`${houses}/${id}`, r)
export const recordTenant = (id: number, r: TenantRequest) => http.post<Tenant>(`${houses}/${id}/tenants`, r)
export const recordCheck = (id: number, r: { result: 'ok' | 'problems'; notes?: string }) =>
  http.post<HouseCheck>(`${houses}/${id}/checks`, r)

const orgs = '/community/orgs'
export const listOrgs = (f: OrgFilters & PageQuery) => http.get<Paged<Org>>(orgs, { ...f })
export const getOrg = (id: number) => http.get<Org>(`${orgs}/${id}`)
export const createOrg = (r: OrgRequest) => http.post<Org>(orgs, r)
export const updateOrg = (id: number, r: OrgRequest) => http.patch<Org>(`${orgs}/${id}`, r)

export const matchAddress = (input: string) => http.post<AddressMatch>('/community/addresses/match', { input })
