// In-app notifications; live ones arrive over the WebSocket at /api/v1/ws.
import { API_BASE, http } from './http'
import type { Paged } from './types'

// `code` names the server's catalogue words (empty on older notifications) and `params` fill them; codes among
// the params (an alert's `colour`) are for the UI to act on. `title` and `body` are the words, already made by the
// server in the UI's language (a live push: in zh-CN).
export interface Notification {
  id: number
  kind: string
  code?: string
  params?: Record<string, string>
  title: string
  body: string
  created_at: string
  read_at: string | null
}

export type WsMessage =
  | { type: 'hello'; user: string }
  | { type: 'notification'; data: Notification }

export function listNotifications(unread: boolean, page = 1): Promise<Paged<Notification>> {
  return http.get<Paged<Notification>>('/notifications', { unread: unread ? 1 : undefined, page })
}

export function markNotificationRead(id: number): Promise<void> {
  return http.post<void>(`/notifications/${id}/read`, {})
}

// `lang`: the UI's language, in which the server words the live pushes (as it does the list, by Accept-Language).
export function wsUrl(loc: Pick<Location, 'protocol' | 'host'> = window.location, lang?: string): string {
  const scheme = loc.protocol === 'https:' ? 'wss:' : 'ws:'
  return `${scheme}//${loc.host}${API_BASE}/ws${lang ? `?lang=${encodeURIComponent(lang)}` : ''}`
}
