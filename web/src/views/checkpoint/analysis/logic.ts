// Pure helpers of the analysis page: the plate format check (mirrors CheckPlate of src/common/validators.cpp,
// GA 36), result rows per kind (table and CSV share them), and what the map draws.
import type { AnalysisKind, AnalysisParams, AnalysisResult, ResultCheckpoint } from '@/api/analysis'
import { ApiError } from '@/api/http'
import type { Cell } from '@/utils/csv'

const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼'
const SUFFIXES = '挂学警港澳'
const SERIAL = /^[0-9A-HJ-NP-Z]$/

// Upper case, full-width to half-width, spaces and middle dots removed (as the server normalises).
export function normalisePlate(raw: string): string {
  return raw
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000\u00A0·•・･]/g, '')
    .toUpperCase()
}

// '' when the plate is well-formed, else the server's problem key.
export function plateProblem(raw: string): string {
  const cps = [...normalisePlate(raw)]
  if (cps.length !== 7 && cps.length !== 8) return 'bad_length'
  if (!PROVINCES.includes(cps[0])) return 'bad_province'
  if (!/^[A-HJ-Z]$/.test(cps[1])) return 'bad_office_letter'
  for (let i = 2; i < cps.length; i++) {
    const suffix = i === cps.length - 1 && cps.length === 7 && SUFFIXES.includes(cps[i])
    if (!suffix && !SERIAL.test(cps[i])) return 'bad_characters'
  }
  if (cps.length === 7) return ''
  const digit = (c: string) => /^[0-9]$/.test(c)
  const ne = (c: string) => c === 'D' || c === 'F'
  const small = ne(cps[2]) && cps.slice(4).every(digit)
  const large = cps.slice(2, 7).every(digit) && ne(cps[7])
  return small || large ? '' : 'bad_new_energy_format'
}

// "YYYY-MM-DD HH:MM:SS" China time of a Date (whatever the browser's zone).
export function chinaTime(d: Date): string {
  const c = new Date(d.getTime() + 8 * 3600 * 1000)
  return c.toISOString().slice(0, 19).replace('T', ' ')
}

export interface Column {
  key: string
  label: string // i18n key under analysis.col.*
}

// Table columns and rows per kind; rows are flat records of cells.
export function resultColumns(kind: AnalysisKind): Column[] {
  const cols: Record<AnalysisKind, string[]> = {
    trajectory: ['seq', 'pass_time', 'checkpoint_id', 'checkpoint_name'],
    companion: ['plate', 'checkpoints', 'co_passes', 'score'],
    collision: ['plate', 'matched'],
    first_seen: ['plate', 'first_pass_time', 'checkpoint_id', 'checkpoint_name'],
    cloned: ['plate', 'a_time', 'a_checkpoint', 'b_time', 'b_checkpoint', 'distance_km', 'speed_kmh'],
    night: ['plate', 'nights', 'night_passes', 'day_passes'],
  }
  return cols[kind].map((key) => ({ key, label: `analysis.col.${key}` }))
}

export function resultRows(kind: AnalysisKind, r: AnalysisResult | undefined): Record<string, Cell>[] {
  if (!r) return []
  const name = (id: string) => r.checkpoints?.find((c) => c.id === id)?.name ?? id
  switch (kind) {
    case 'trajectory':
      return (r.passes ?? []).map((p, i) => ({
        seq: i + 1, pass_time: p.pass_time, checkpoint_id: p.checkpoint_id, checkpoint_name: name(p.checkpoint_id),
      }))
    case 'companion':
      // The score is a sum of log10 rarity weights (src/analytics/queries.hpp): two decimals say all there is.
      return (r.companions ?? []).map((c) => ({ ...c, score: round(c.score, 2) }))
    case 'cloned':
      return (r.suspects ?? []).map((s) => ({
        plate: s.plate, a_time: s.a.pass_time, a_checkpoint: name(s.a.checkpoint_id), b_time: s.b.pass_time,
        b_checkpoint: name(s.b.checkpoint_id), distance_km: round(s.distance_km, 1),
        speed_kmh: s.speed_kmh === null ? null : round(s.speed_kmh, 0),
      }))
    case 'first_seen':
      return (r.plates ?? []).map((p) => ({
        plate: p.plate, first_pass_time: p.first_pass_time, checkpoint_id: p.checkpoint_id,
        checkpoint_name: name(p.checkpoint_id ?? ''),
      }))
    default:
      return (r.plates ?? []).map((p) => ({ ...p }))
  }
}

export interface MapPath {
  points: { lat: number; lng: number; label?: string }[]
  color?: string
  name?: string
}

// Trajectory → one ordered path with the times as labels (passes at unknown places are skipped).
export function trajectoryPath(r: AnalysisResult | undefined, name: string): MapPath[] {
  if (!r?.passes) return []
  const at = new Map<string, ResultCheckpoint>((r.checkpoints ?? []).map((c) => [c.id, c]))
  const points = r.passes.flatMap((p) => {
    const c = at.get(p.checkpoint_id)
    if (!c || c.latitude === null || c.longitude === null) return []
    return [{ lat: c.latitude, lng: c.longitude, label: p.pass_time.slice(5, 16) }]
  })
  return points.length ? [{ points, color: '#d03050', name }] : []
}

// Checkpoints to highlight: those the result names (companion/collision: the conditions' checkpoints too).
export function highlightIds(r: AnalysisResult | undefined): string[] {
  return (r?.checkpoints ?? []).map((c) => c.id)
}

export function mapCheckpoints(r: AnalysisResult | undefined) {
  return (r?.checkpoints ?? []).flatMap((c) =>
    c.latitude === null || c.longitude === null ? [] : [{ id: c.id, name: c.name, latitude: c.latitude, longitude: c.longitude }],
  )
}

// A number rounded for reading (no 0.30000000000000004); non-numbers pass through.
export function round(v: number, digits: number): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) return v
  const f = 10 ** digits
  return Math.round(v * f) / f
}

// The time range a plate of a result is traced over (one click from a result row to its trajectory): the range
// the analysis searched — for a collision, from its earliest condition to its latest. Null when none is known.
export function traceRange(p: AnalysisParams | undefined): { from: string; to: string } | null {
  if (!p) return null
  if (p.from && p.to) return { from: p.from, to: p.to }
  const conds = (p.conditions ?? []).filter((c) => c.from && c.to)
  if (!conds.length) return null
  const from = conds.map((c) => c.from).sort()[0]
  const to = conds.map((c) => c.to).sort().at(-1) as string
  return { from, to }
}

export type Translate = (key: string, named?: Record<string, unknown>) => string
export type HasKey = (key: string) => boolean

// Field problems of an analysis reply in the page's words: analyst.problem.<field>.<problem>, then
// analyst.problem.<problem>; others are left to the shared errors.field words (useApiError). Never a raw code.
export function analysisFieldText(e: unknown, t: Translate, te: HasKey): Record<string, string> {
  if (!(e instanceof ApiError)) return {}
  const out: Record<string, string> = {}
  for (const [field, problem] of Object.entries(e.fields)) {
    const base = field.replace(/^conditions\[\d+\]\./, '')
    for (const key of [`analyst.problem.${base}.${problem}`, `analyst.problem.${problem}`]) {
      if (te(key)) {
        out[field] = t(key)
        break
      }
    }
  }
  return out
}

// Whether a day lies after today (the date pickers grey out future days: a search of the future finds nothing).
// By day, not by instant: the picker asks with the typed time too, and "today until 23:59" must reach the server,
// which refuses the part after now with words (a picker would drop it silently).
export function isFuture(d: Date, now = Date.now()): boolean {
  const endOfToday = new Date(now)
  endOfToday.setHours(23, 59, 59, 999)
  return d.getTime() > endOfToday.getTime()
}
