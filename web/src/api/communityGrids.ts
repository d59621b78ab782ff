// Grids of the community module (community.grid.read / community.grid.write). Routes: docs/api/community_grids.md.
import { http } from './http'

export interface GeoPolygon {
  type: 'Polygon'
  coordinates: number[][][]
}

export interface Fraction {
  numerator: number
  denominator: number
  value: number | null
}

export interface GridFigures {
  expected_population: number
  people: number
  people_with_photo: number
  addresses: number
  addresses_located: number
  rates: { collection: Fraction; located: Fraction; photo: Fraction }
}

export interface Grid {
  code: string
  name: string
  community: string
  unit_id: number
  unit_name: string
  expected_population: number
  polygon: GeoPolygon
  updated_at: string
  version: number
  officer_id?: number | null
  officer_name?: string
  figures?: GridFigures
}

export type GridRole = 'community_officer' | 'auxiliary' | 'grid_member' | 'volunteer'
export const GRID_ROLES: GridRole[] = ['community_officer', 'auxiliary', 'grid_member', 'volunteer']

export interface GridMember {
  user_id: number | null
  name: string
  role: GridRole
  phone: string
}

export interface GridDetail extends Grid {
  team: GridMember[]
}

export interface Breakdown {
  key: string
  count: number
}

export interface GridSummary extends GridDetail {
  figures: GridFigures
  addresses_by_level: Breakdown[]
  people_by_category: Breakdown[]
  houses_by_use: Breakdown[]
  orgs_by_kind: Breakdown[]
  places: { kind: string; inside: number; unplaced: number; note: string }[]
}

export interface GridRateRow extends GridFigures {
  code: string
  name: string
  community: string
  unit_id: number
  unit_name: string
  officer_id: number | null
  officer_name: string
}

export interface OfficerRateRow extends GridFigures {
  user_id: number
  name: string
  grids: string[]
}

export interface GridRates {
  grids: GridRateRow[]
  officers: OfficerRateRow[]
  total: GridFigures
}

export interface GridSaved extends Grid {
  addresses: number
}

export interface GridCreate {
  code?: string
  name: string
  community?: string
  unit_id: number
  expected_population?: number
  polygon: GeoPolygon
}

export type GridPatch = Partial<Omit<GridCreate, 'code'>> & { version: number }

export const listGrids = () => http.get<{ items: Grid[]; total: number }>('/community/grids')
export const getGrid = (code: string) => http.get<GridDetail>(`/community/grids/${encodeURIComponent(code)}`)
export const gridSummary = (code: string) =>
  http.get<GridSummary>(`/community/grids/${encodeURIComponent(code)}/summary`)
export const gridRates = (unitId?: number) =>
  http.get<GridRates>('/community/grids/rates', unitId ? { unit_id: unitId } : {})
export const createGrid = (g: GridCreate) => http.post<GridSaved>('/community/grids', g)
export const updateGrid = (code: string, p: GridPatch) =>
  http.patch<GridSaved>(`/community/grids/${encodeURIComponent(code)}`, p)
export const setGridTeam = (code: string, version: number, team: Partial<GridMember>[]) =>
  http.put<{ code: string; version: number; team: GridMember[] }>(`/community/grids/${encodeURIComponent(code)}/team`, {
    version,
    team,
  })

// A rate as a percentage with one decimal, or '—' when there is no figure.
export function percent(f: Fraction): string {
  return f.value === null ? '—' : `${(f.value * 100).toFixed(1)}%`
}

// Colour of a rate for tables and the map: the bureau's usual bands (≥ 90 % good, ≥ 70 % fair, else poor).
export function rateColour(f: Fraction): string {
  if (f.value === null) return '#909399'
  if (f.value >= 0.9) return '#2e9e4f'
  if (f.value >= 0.7) return '#e6a23c'
  return '#d93026'
}
