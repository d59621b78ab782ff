// The person page (人员档案) of the master index: everything the platform holds on one person across modules,
// unmasked, for readers with community.person.dossier and only with a stated purpose and case number (both go into
// the audit record). Contract: docs/api/community.md "Person page"; ADR 0037.
import { http } from './http'
import type { Purpose } from './users'

export const DOSSIER_PERMISSION = 'community.person.dossier'

export interface DossierPerson {
  person_id: number
  id_kind: string
  id_number: string
  nationality: string
  name: string
  sex: string
  birth_date: string
  ethnicity: string
  hukou_address: string
  residence_address_id: string | null
  category: string
  phones: string[]
  photo_media_id: string | null
  permit_no: string
  permit_expires: string | null
  status: string
  unit_id: number
  created_at: string
  updated_at: string
  version: number
}

// One module's section: items (their fields are the section's own) and how many lie outside the reader's scope.
export interface DossierSection {
  name: string // residence | moves | houses | orgs | cases | … (a module registers more)
  order: number
  items: Record<string, unknown>[]
  hidden: number
}

export interface Dossier {
  person: DossierPerson
  sections: DossierSection[]
  generated_at: string
}

// 400 names `purpose` / `case_no` when they are missing, too short or not a case number; 404 outside the scope.
export function getDossier(personId: number, p: Purpose): Promise<Dossier> {
  return http.get<Dossier>(`/community/people/${personId}/dossier`, { purpose: p.purpose, case_no: p.case_no })
}
