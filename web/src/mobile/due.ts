// How a task's due time reads on the phone: the China date and time, and how many days are left (or overdue).
import { formatChinaTime, parseInstant } from '@/utils/time'

export interface DueText {
  at: string // 'YYYY-MM-DD HH:mm'
  days: number // whole days left (0 = due within a day); when overdue, minus the whole days past it (at least 1)
  overdue: boolean
}

// `dueAt` as the server sends it: ISO 8601 (or Unix seconds).
export function dueText(dueAt: string | number, now = Date.now()): DueText {
  const ms = parseInstant(dueAt) - now
  return {
    at: formatChinaTime(dueAt).slice(0, 16),
    days: ms >= 0 ? Math.floor(ms / 86_400_000) : -Math.max(1, Math.floor(-ms / 86_400_000)),
    overdue: ms < 0,
  }
}
