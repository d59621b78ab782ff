// Pure helpers of the devices page: the edit form ↔ API shapes, import error lines in order, export rows.
import type { Device, DeviceInput, DeviceKind, Lane } from '@/api/checkpoint'
import type { Cell } from '@/utils/csv'

export interface DeviceForm {
  id: string
  kind: DeviceKind
  name: string
  longitude: string
  latitude: string
  place_code: string
  place: string
  tollgate_id: string
  category: string
  lane_count: number
  unit_id: number | null
}

export function emptyForm(): DeviceForm {
  return {
    id: '',
    kind: 'tollgate',
    name: '',
    longitude: '',
    latitude: '',
    place_code: '',
    place: '',
    tollgate_id: '',
    category: '',
    lane_count: 0,
    unit_id: null,
  }
}

export function formFromDevice(d: Device): DeviceForm {
  return {
    id: d.id,
    kind: d.kind,
    name: d.name,
    longitude: d.longitude === null ? '' : String(d.longitude),
    latitude: d.latitude === null ? '' : String(d.latitude),
    place_code: d.place_code,
    place: d.place,
    tollgate_id: d.tollgate_id,
    category: d.category,
    lane_count: d.lane_count,
    unit_id: d.unit_id,
  }
}

// Coordinates typed as text: empty → null (unknown), otherwise the number (the server names a bad one).
function coord(s: string): number | null {
  const t = s.trim()
  if (t === '') return null
  const n = Number(t)
  return Number.isFinite(n) ? n : (t as unknown as number)
}

export function inputFromForm(f: DeviceForm): DeviceInput {
  const tollgate = f.kind === 'tollgate'
  return {
    id: f.id.trim(),
    kind: f.kind,
    name: f.name.trim(),
    longitude: coord(f.longitude),
    latitude: coord(f.latitude),
    place_code: f.place_code.trim(),
    place: f.place.trim(),
    tollgate_id: tollgate ? '' : f.tollgate_id.trim(),
    category: tollgate ? f.category : '',
    lane_count: tollgate ? f.lane_count : 0,
    unit_id: f.unit_id,
  }
}

// The server's per-line import errors ("line 12" → "id: bad_length") in line order.
export function importErrors(fields: Record<string, string>): { line: number; problem: string }[] {
  return Object.entries(fields)
    .map(([k, v]) => ({ line: Number(/^line (\d+)$/.exec(k)?.[1] ?? Number.NaN), problem: v }))
    .filter((e) => Number.isFinite(e.line))
    .sort((a, b) => a.line - b.line)
}

// The import format, so an export can be edited and imported back.
export const IMPORT_HEADER = ['id', 'kind', 'name', 'longitude', 'latitude', 'place_code', 'tollgate_id', 'category']

export function exportRow(d: Device): Cell[] {
  return [d.id, d.kind, d.name, d.longitude, d.latitude, d.place_code, d.tollgate_id, d.category]
}

// A new lane after the others: the next free number, the previous lane's speed limit.
export function nextLane(lanes: Lane[]): Lane {
  const no = lanes.reduce((m, l) => Math.max(m, l.lane_no), 0) + 1
  return { lane_no: Math.min(no, 99), direction: '', max_speed: lanes.at(-1)?.max_speed ?? 0, ape_id: '' }
}
