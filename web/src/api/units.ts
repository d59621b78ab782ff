// Units of the bureau (unit.read, unit.write).
import { http } from './http'

export type UnitKind = 'bureau' | 'station' | 'brigade' | 'office'
export const UNIT_KINDS: UnitKind[] = ['bureau', 'station', 'brigade', 'office']

export interface Unit {
  id: number
  code: string
  name: string
  kind: UnitKind
  parent_id: number | null
  region_code: string
  // Set when a restructure dissolved the unit (ISO time its dissolution takes effect); only listed on request.
  dissolved_at?: string | null
}

export interface CreateUnit {
  code: string
  name: string
  kind: UnitKind
  parent_id: number | null
}

export interface UpdateUnit {
  name: string
  kind: UnitKind
}

// A flat list ordered for a tree; nest it by parent_id (utils/tree.ts). Live units only, for choosing where new
// work goes; `includeDissolved` adds units dissolved by a restructure, for searching old records.
export function listUnits(opts: { includeDissolved?: boolean } = {}): Promise<{ items: Unit[] }> {
  return http.get<{ items: Unit[] }>('/units', opts.includeDissolved ? { include_dissolved: 1 } : undefined)
}

export function createUnit(req: CreateUnit): Promise<Unit> {
  return http.post<Unit>('/units', req)
}

export function updateUnit(id: number, req: UpdateUnit): Promise<Unit> {
  return http.put<Unit>(`/units/${id}`, req)
}
