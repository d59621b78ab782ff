// Pure helpers of the command-centre board: colour tags, ages, what a unit still has to do, and a beep.
import type { AlertColour, AlertListItem, AlertSighting, AlertTarget } from '@/api/alerts'
import type { Notification } from '@/api/notifications'
import { formatChinaTime, parseInstant } from '@/utils/time'

// Element Plus tag types closest to each alert colour (the board also paints a colour bar).
export const COLOUR_HEX: Record<AlertColour, string> = {
  red: '#d93026',
  orange: '#f08a00',
  blue: '#1f6fd1',
  green: '#1e9e55',
}

// How the board greets an alert notification arriving live: by its codes (kind, params.colour), never its words.
// null for notifications that are not about alerts.
export function alertArrival(n: Pick<Notification, 'kind' | 'params'>): { colour: string; beep: boolean; type: 'error' | 'warning' } | null {
  if (!n.kind.startsWith('alert')) return null
  const colour = n.params?.colour ?? ''
  const red = colour === 'red'
  return { colour, beep: red, type: red ? 'error' : 'warning' }
}

// Seconds → "3分12秒" / "2时05分" / "1天3时" (zh) or "3m 12s" / "2h 05m" / "1d 3h" (en).
export function formatAge(seconds: number, zh: boolean): string {
  const s = Math.max(0, Math.floor(seconds))
  const pad = (n: number) => String(n).padStart(2, '0')
  if (s < 3600) return zh ? `${Math.floor(s / 60)}分${pad(s % 60)}秒` : `${Math.floor(s / 60)}m ${pad(s % 60)}s`
  if (s < 86400) {
    const h = Math.floor(s / 3600)
    const m = Math.floor((s % 3600) / 60)
    return zh ? `${h}时${pad(m)}分` : `${h}h ${pad(m)}m`
  }
  const d = Math.floor(s / 86400)
  const h = Math.floor((s % 86400) / 3600)
  return zh ? `${d}天${h}时` : `${d}d ${h}h`
}

export type Step = 'sign' | 'feedback' | 'done' | 'none'

// What the viewer's unit still has to do for this alert.
export function nextStep(item: Pick<AlertListItem, 'mine'>): Step {
  const m: AlertTarget | null = item.mine
  if (!m) return 'none'
  if (!m.signed_at) return 'sign'
  if (!m.feedback_at) return 'feedback'
  return 'done'
}

// Seconds left to sign (negative when overdue), or null when signed / not a target.
export function signSecondsLeft(item: Pick<AlertListItem, 'mine'>, nowMs: number): number | null {
  const m = item.mine
  if (!m || m.signed_at) return null
  return Math.round((parseInstant(m.sign_due_at) - nowMs) / 1000)
}

// Open alerts per colour on the current page of the board.
export function countByColour(items: Pick<AlertListItem, 'colour' | 'status'>[]): Record<AlertColour, number> {
  const out: Record<AlertColour, number> = { red: 0, orange: 0, blue: 0, green: 0 }
  for (const a of items) if (a.status === 'open') out[a.colour] += 1
  return out
}

// A short two-tone alarm for red alerts (Web Audio; silent where audio is blocked).
export function beep(): void {
  try {
    const Ctx = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext
    if (!Ctx) return
    const ctx = new Ctx()
    const osc = ctx.createOscillator()
    const gain = ctx.createGain()
    osc.type = 'square'
    osc.frequency.setValueAtTime(880, ctx.currentTime)
    osc.frequency.setValueAtTime(660, ctx.currentTime + 0.25)
    gain.gain.setValueAtTime(0.08, ctx.currentTime)
    osc.connect(gain).connect(ctx.destination)
    osc.start()
    osc.stop(ctx.currentTime + 0.5)
    osc.onended = () => void ctx.close()
  } catch {
    // audio unavailable: the red row still flashes
  }
}

// The map path of a grouped alert's sightings, in time order, each point labelled "n HH:MM" (China time).
export function sightingPath(
  sightings: Pick<AlertSighting, 'latitude' | 'longitude' | 'seen_at'>[], colour: string,
): { points: { lat: number; lng: number; label: string }[]; color: string } {
  const sorted = [...sightings]
    .filter((s) => s.latitude !== null && s.longitude !== null)
    .sort((a, b) => parseInstant(a.seen_at) - parseInstant(b.seen_at))
  return {
    points: sorted.map((s, i) => ({ lat: s.latitude as number, lng: s.longitude as number,
      label: `${i + 1} ${formatChinaTime(s.seen_at).slice(11, 16)}` })),
    color: COLOUR_HEX[colour as AlertColour] ?? '#d93026',
  }
}

// The words for an alert's source code, from the locales (duty.source.*); an unknown source named as "other".
export function sourceLabel(source: string, t: (key: string, p?: Record<string, unknown>) => string,
  te: (key: string) => boolean): string {
  const key = `duty.source.${source}`
  if (te(key)) return t(key)
  // A module that raises alerts may name its source in its own locale file (<module>.alertSource).
  const own = `${source}.alertSource`
  return te(own) ? t(own) : t('duty.source.other', { source })
}
