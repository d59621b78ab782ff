// Pure helpers of the map: marker colour by device status, base-map feature styles by kind, the bounds that
// enclose checkpoints and paths. No Leaflet here, so they are testable without a DOM.
import type { DeviceStatus } from '@/api/checkpoint'

export const STATUS_COLOURS: Record<DeviceStatus, string> = {
  online: '#2e9d4f',
  offline: '#d93026',
  disabled: '#8c8c8c',
}
// Status unknown (a page that passes checkpoints without status): neutral blue.
export const UNKNOWN_COLOUR = '#2f6fd6'

export function statusColour(status?: string | null): string {
  if (status && Object.hasOwn(STATUS_COLOURS, status)) return STATUS_COLOURS[status as DeviceStatus]
  return UNKNOWN_COLOUR
}

export interface FeatureStyle {
  color: string
  weight: number
  fillColor?: string
  fillOpacity?: number
  opacity?: number
  dashArray?: string
}

// Base-map feature styles by properties.kind (roads, townships, river …) and properties.level (a road's class:
// national, provincial, county, township …); unknown kinds are grey.
export function featureStyle(kind?: string, level?: string): FeatureStyle {
  switch (kind) {
    case 'road':
      if (level === 'national' || level === 'major' || level === 'trunk') return { color: '#e8a33d', weight: 5, opacity: 0.9 }
      if (level === 'provincial') return { color: '#f0c75e', weight: 4, opacity: 0.9 }
      return { color: '#b9a98f', weight: 2, opacity: 0.9 }
    case 'township':
      return { color: '#9b8fc9', weight: 1, fillColor: '#efeaf9', fillOpacity: 0.35, dashArray: '4 3' }
    case 'river':
      return { color: '#5aa3e0', weight: 3, opacity: 0.9 }
    case 'water':
      return { color: '#5aa3e0', weight: 1, fillColor: '#a9d2f3', fillOpacity: 0.7 }
    case 'boundary':
      return { color: '#6b6b6b', weight: 2, fillOpacity: 0, dashArray: '8 4' }
    default:
      return { color: '#9e9e9e', weight: 1, fillOpacity: 0.1 }
  }
}

export interface LatLng {
  lat: number
  lng: number
}

// [[south, west], [north, east]] of every valid point, or null when there is none.
export function boundsOf(points: LatLng[]): [[number, number], [number, number]] | null {
  let s = Infinity
  let w = Infinity
  let n = -Infinity
  let e = -Infinity
  for (const p of points) {
    if (!Number.isFinite(p.lat) || !Number.isFinite(p.lng)) continue
    if (Math.abs(p.lat) > 90 || Math.abs(p.lng) > 180) continue
    s = Math.min(s, p.lat)
    n = Math.max(n, p.lat)
    w = Math.min(w, p.lng)
    e = Math.max(e, p.lng)
  }
  if (s === Infinity) return null
  return [
    [s, w],
    [n, e],
  ]
}

// How many checkpoints are in each status (unknown statuses are not counted).
export function countByStatus(items: { status?: string | null }[]): Record<DeviceStatus, number> {
  const out: Record<DeviceStatus, number> = { online: 0, offline: 0, disabled: 0 }
  for (const it of items) if (it.status && Object.hasOwn(out, it.status)) out[it.status as DeviceStatus]++
  return out
}

// The colour a cluster of markers takes: offline if any member is offline (the duty desk must not miss one
// hidden in a cluster), else online if any is online, else the common status (or unknown).
export function clusterStatus(statuses: (string | undefined)[]): string | undefined {
  if (statuses.includes('offline')) return 'offline'
  if (statuses.includes('online')) return 'online'
  if (statuses.length > 0 && statuses.every((s) => s === 'disabled')) return 'disabled'
  return undefined
}
