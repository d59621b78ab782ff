// Unit restructuring (docs/api/units-restructure.md): the structure on a date, a unit's history, and the
// restructure plans — dry run, apply, list, undo (unit.read / unit.restructure).
import { http } from './http'
import type { Paged, PageQuery } from './types'
import type { UnitKind } from './units'

export interface UnitVersion {
  unit_id: number
  code: string
  name: string
  kind: UnitKind
  parent_id: number | null
  valid_from: string
  valid_to: string | null
  restructure_id: number | null
}

export interface UnitRef {
  id: number
  code: string
  name: string
  kind: UnitKind
}

// A unit made by the plan: {code, name, kind, parent?}.
export interface NewUnit {
  code: string
  name: string
  kind: UnitKind
  parent?: string
}

export type PlanOperation =
  | { op: 'merge'; units: string[]; into: string | NewUnit }
  | { op: 'split'; unit: string; into: (string | NewUnit)[]; default: string }
  | { op: 'rename'; unit: string; name: string; code?: string }
  | { op: 'move'; unit: string; parent: string }

export interface Plan {
  title: string
  effective_date: string
  reason: string
  operations: PlanOperation[]
  reassign?: { user: string; to: string }[]
}

export interface ModuleCount {
  module: string
  what: string
  count: number
}

export interface Summary {
  dry_run: boolean
  title: string
  effective_date: string
  reason: string
  units: {
    create: UnitRef[]
    dissolve: UnitRef[]
    rename: { id: number; code: string; name: string; new_code: string; new_name: string }[]
    move: { id: number; code: string; name: string; parent_id: number | null; new_parent_id: number | null }[]
  }
  moves: ModuleCount[]
  kept: ModuleCount[]
  total_moved: number
}

export interface Restructure extends Summary {
  id: number
  status: 'applied' | 'undone'
  created_by: number
  created_by_name: string
  created_at: string
  effective_at: string
  undo_until: string
  undoable: boolean
  undone_at: string | null
  undone_by: number | null
  undo_reason: string
  plan?: Plan
}

export interface UnitHistory {
  unit_id: number
  versions: UnitVersion[]
  predecessors: UnitRef[]
  successors: UnitRef[]
}

export function unitStructure(date?: string): Promise<{ date: string; units: UnitVersion[] }> {
  return http.get('/units/structure', date ? { date } : undefined)
}

export function unitHistory(id: number): Promise<UnitHistory> {
  return http.get(`/units/${id}/history`)
}

export function dryRunRestructure(plan: Plan): Promise<Summary> {
  return http.post('/units/restructure', { plan, dry_run: true })
}

export function applyRestructure(plan: Plan): Promise<Restructure> {
  return http.post('/units/restructure', { plan })
}

export function listRestructures(q: PageQuery): Promise<Paged<Restructure>> {
  return http.get('/units/restructures', { ...q })
}

export function getRestructure(id: number): Promise<Restructure> {
  return http.get(`/units/restructures/${id}`)
}

export function undoRestructure(id: number, reason: string): Promise<Restructure> {
  return http.post(`/units/restructures/${id}/undo`, { reason })
}
