// In-app notifications; live ones arrive over the WebSocket at /api/v1/ws.
import { API_BASE, http } from './http'
import type { Paged } from './types'

export interface Notification {
  id: number
  kind: string
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

export function wsUrl(loc: Pick<Location, 'protocol' | 'host'> = window.location): string {
  const scheme = loc.protocol === 'https:' ? 'wss:' : 'ws:'
  return `${scheme}//${loc.host}${API_BASE}/ws`
}
