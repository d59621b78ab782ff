// Checkpoint registry, health, offline map and pass statistics (checkpoint.read, checkpoint.admin,
// checkpoint.stats). Routes: docs/api/checkpoint-devices.md.
import { http } from './http'
import type { PageQuery, Paged } from './types'

export type DeviceKind = 'tollgate' | 'ape'
export type DeviceStatus = 'online' | 'offline' | 'disabled'
export const DEVICE_KINDS: DeviceKind[] = ['tollgate', 'ape']
export const DEVICE_STATUSES: DeviceStatus[] = ['online', 'offline', 'disabled']
// TollgateCat of GA/T 1400: 10 national, 20 inter-province, 30 inter-city, 31 urban, 40 inter-county, 99 other.
export const TOLLGATE_CATEGORIES = ['10', '20', '30', '31', '40', '99']

export interface Lane {
  lane_no: number
  direction: string
  max_speed: number
  ape_id: string
}

export interface Device {
  id: string
  kind: DeviceKind
  name: string
  longitude: number | null
  latitude: number | null
  place_code: string
  place: string
  tollgate_id: string
  category: string
  lane_count: number
  unit_id: number | null
  unit_name?: string
  enabled: boolean
  last_seen: string | null
  status: DeviceStatus
  lanes?: Lane[]
}

export type DeviceInput = Omit<Device, 'status' | 'last_seen' | 'unit_name' | 'lanes' | 'enabled'> & {
  enabled?: boolean
  lanes?: Lane[]
}

export interface DeviceFilters {
  kind?: DeviceKind | ''
  status?: DeviceStatus | ''
  unit_id?: number | null
  q?: string
}

export interface ImportResult {
  imported: number
  created: number
  updated: number
}

// A checkpoint as the map draws it. `status` colours the marker (see map/status.ts).
export interface MapCheckpoint {
  id: string
  name: string
  longitude: number
  latitude: number
  status?: DeviceStatus
}

export interface MapDevice {
  id: string
  kind: DeviceKind
  name: string
  tollgate_id: string
  last_seen: string | null
  unit_name?: string
}

export interface MapState {
  checkpoints: (MapCheckpoint & { last_seen: string | null })[]
  offline: MapDevice[]
  offline_after_s: number
}

export interface MapSettings {
  tile_url: string
  tile_attribution: string
  offline_after_s: number
}

// The base map: a GeoJSON FeatureCollection; each feature's properties.kind is road | township | river | water
// | boundary (unknown kinds get a neutral style), properties.name an optional label.
export interface BaseMapFeature {
  type: 'Feature'
  geometry: { type: string; coordinates: unknown } | null
  properties?: { kind?: string; name?: string; [k: string]: unknown } | null
}
export interface BaseMapCollection {
  type: 'FeatureCollection'
  features: BaseMapFeature[]
}

export interface StatsRange {
  from: string // YYYY-MM-DD, China time
  to: string // inclusive
}

export interface HourlyRow {
  id: string
  name: string
  hours: number[] // 24 counts, hour of day in China time, summed over the range
  total: number
}
export interface HourlyStats {
  from: string
  to: string
  rows: HourlyRow[]
}

export interface TopRow {
  id: string
  name: string
  passes: number
}

export interface NewPlatesDay {
  day: string
  plates: number // distinct plates that passed that day
  new_plates: number // of them, not seen in the previous lookback_days days
}
export interface NewPlatesStats {
  lookback_days: number
  days: NewPlatesDay[]
}

const base = '/checkpoint'

export const checkpointApi = {
  list: (f: DeviceFilters & PageQuery) => http.get<Paged<Device>>(`${base}/devices`, { ...f }),
  get: (id: string) => http.get<Device>(`${base}/devices/${encodeURIComponent(id)}`),
  create: (d: DeviceInput) => http.post<Device>(`${base}/devices`, d),
  update: (id: string, d: DeviceInput) => http.put<Device>(`${base}/devices/${encodeURIComponent(id)}`, d),
  disable: (id: string, reason: string) =>
    http.post<Device>(`${base}/devices/${encodeURIComponent(id)}/disable`, { reason }),
  importCsv: (csv: string) => http.post<ImportResult>(`${base}/devices/import`, { csv }),
  map: () => http.get<MapState>(`${base}/map`),
  basemap: () => http.get<BaseMapCollection>(`${base}/basemap`),
  mapSettings: () => http.get<MapSettings>(`${base}/map-settings`),
  saveMapSettings: (s: MapSettings) => http.put<MapSettings>(`${base}/map-settings`, s),
  hourly: (r: StatsRange & { limit?: number }) => http.get<HourlyStats>(`${base}/stats/hourly`, { ...r }),
  top: (r: StatsRange & { limit?: number }) => http.get<{ rows: TopRow[] }>(`${base}/stats/top`, { ...r }),
  newPlates: (r: StatsRange & { lookback_days?: number }) =>
    http.get<NewPlatesStats>(`${base}/stats/new-plates`, { ...r }),
}
