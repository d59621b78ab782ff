// The to-do centre (GET /api/v1/todo), 督办 / 催办 of a case, and the inbox's collapsed repeats (issue 13).
// Contract: docs/http_api.md, "To-do centre" and "督办 / 催办".
import { http } from './http'
import type { Notification } from './notifications'

export interface TodoEntry {
  id: number
  title: string // data (a case number and cause), not prose
  detail: string
  since: string | null
  due: string | null
  link: string
}

export interface TodoLine {
  kind: string // "<module>.<what>": its words are todo.kinds.<kind>
  count: number
  link: string
  entries?: TodoEntry[]
}

export interface Todo {
  items: TodoLine[]
  total: number
}

export function getTodo(detail = false, kind?: string): Promise<Todo> {
  return http.get<Todo>('/todo', { detail: detail ? 1 : undefined, kind, limit: detail ? 50 : undefined })
}

export interface Urging {
  id: number
  case_id: number
  parent_id: number | null
  kind: 'urge' | 'remind'
  message: string
  due_date: string | null
  issued_by: string
  issued_at: string
  recipients: number
  answer: string | null
  answered_by: string | null
  answered_at: string | null
}

export const listUrgings = (caseId: number) => http.get<{ items: Urging[]; total: number }>(`/cases/${caseId}/urgings`)
export const urgeCase = (caseId: number, message: string, dueDate: string) =>
  http.post<Urging>(`/cases/${caseId}/urgings`, { message, due_date: dueDate })
export const remindUrging = (caseId: number, id: number, message: string) =>
  http.post<Urging>(`/cases/${caseId}/urgings/${id}/remind`, { message })
export const answerUrging = (caseId: number, id: number, answer: string) =>
  http.post<Urging>(`/cases/${caseId}/urgings/${id}/answer`, { answer })

// A line of the collapsed inbox: the newest of its repeats, how many there are and how many unread.
export interface NotificationLine extends Notification {
  repeats: number
  unread: number
}

export function listCollapsed(unread: boolean, page = 1): Promise<{ items: NotificationLine[]; total: number }> {
  return http.get('/notifications', { unread: unread ? 1 : undefined, collapse: 1, page })
}
export const notificationRepeats = (id: number) =>
  http.get<{ items: Notification[]; total: number }>(`/notifications/${id}/repeats`)
export const markLineRead = (id: number) => http.post<{ marked: number }>(`/notifications/${id}/read-all`, {})
