// How a statutory clock looks: its level (green more than 3 days left, orange 3 days or fewer, red overdue,
// grey when met or stopped) and how full its bar is.
import type { Clock } from '@/api/cases'

export type ClockLevel = 'ok' | 'warn' | 'overdue' | 'done' | 'stopped'

export const WARN_DAYS = 3

export const LEVEL_COLOR: Record<ClockLevel, string> = {
  ok: '#67c23a',
  warn: '#e6a23c',
  overdue: '#f56c6c',
  done: '#909399',
  stopped: '#909399',
}

export const LEVEL_TAG: Record<ClockLevel, 'success' | 'warning' | 'danger' | 'info'> = {
  ok: 'success',
  warn: 'warning',
  overdue: 'danger',
  done: 'info',
  stopped: 'info',
}

export function clockLevel(c: Pick<Clock, 'days_left' | 'status'>): ClockLevel {
  if (c.status === 'met') return 'done'
  if (c.status === 'overdue' || c.days_left < 0) return 'overdue'
  if (c.status === 'stopped') return 'stopped'
  return c.days_left <= WARN_DAYS ? 'warn' : 'ok'
}

// Level of a nearest deadline in the list (no clock: none).
export function daysLevel(daysLeft: number | null | undefined): ClockLevel | null {
  if (daysLeft === null || daysLeft === undefined) return null
  return clockLevel({ days_left: daysLeft, status: 'running' })
}

const DAY_MS = 86_400_000

// 'YYYY-MM-DD' or an ISO instant → China calendar day number.
function chinaDay(s: string): number {
  const d = /^\d{4}-\d{2}-\d{2}$/.test(s) ? Date.parse(`${s}T00:00:00+08:00`) : Date.parse(s)
  return Math.floor((d + 8 * 3600 * 1000) / DAY_MS)
}

// Part of the period used, 0–100: how much of the bar is filled. Overdue and met clocks are full.
export function clockPercent(c: Pick<Clock, 'start' | 'deadline' | 'days_left' | 'status'>): number {
  if (c.status === 'met' || c.status === 'overdue' || c.days_left < 0) return 100
  const total = chinaDay(c.deadline) - chinaDay(c.start)
  if (!Number.isFinite(total) || total <= 0) return 100
  const used = total - c.days_left
  return Math.max(0, Math.min(100, Math.round((used / total) * 100)))
}
