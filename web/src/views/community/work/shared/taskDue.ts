// How a task's due time reads in a list: overdue, due today (China calendar day), or neither.
import type { Task } from '@/api/communityWork'
import { chinaDay, parseInstant } from '@/utils/time'

export type DueState = 'overdue' | 'today' | ''

export function dueState(task: Task, now = Date.now()): DueState {
  if (task.status !== 'open') return ''
  if (task.overdue) return 'overdue'
  return chinaDay(parseInstant(task.due_at)) === chinaDay(now) ? 'today' : ''
}
