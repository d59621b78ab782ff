// Unread notifications for the header bell and the home page, kept live by the WebSocket. Repeats (same kind and
// title, e.g. sixteen "预警超时未签收" for one plate) are one line with their count (issue 13).
import { defineStore } from 'pinia'
import { ref } from 'vue'
import * as api from '@/api/notifications'
import type { Notification, WsMessage } from '@/api/notifications'
import { listCollapsed, markLineRead, type NotificationLine } from '@/api/todo'
import { ReconnectingSocket } from '@/utils/socket'
import { i18n } from '@/locales'

// Kinds that only tell open pages to reload (the 110 board's push, ADR 0063): stored read on the server, never a
// line in the bell; the listeners (the board) get them.
const SIGNAL_KINDS = new Set(['dispatch_board'])

// A signal tells a page to reload (the 110 board); it is not a message for the bell or a toast.
export function isSignal(n: Notification): boolean {
  return SIGNAL_KINDS.has(n.kind)
}

function lineKey(n: Notification): string {
  return `${n.kind}|${n.code ?? ''}|${n.title}`
}

export const useNotificationStore = defineStore('notifications', () => {
  const unread = ref<NotificationLine[]>([])
  const unreadTotal = ref(0)
  const connected = ref(false)
  const listeners = new Set<(n: Notification) => void>()
  let socket: ReconnectingSocket<WsMessage> | null = null

  async function load(): Promise<void> {
    try {
      const [lines, flat] = await Promise.all([listCollapsed(true, 1), api.listNotifications(true, 1)])
      unread.value = lines.items
      unreadTotal.value = flat.total
    } catch {
      // no notifications for this account (e.g. an administrator without notify.read)
      unread.value = []
      unreadTotal.value = 0
    }
  }

  function receive(msg: WsMessage): void {
    if (msg.type !== 'notification' || !msg.data) return
    const n = msg.data
    if (SIGNAL_KINDS.has(n.kind)) {
      for (const l of listeners) l(n)
      return
    }
    if (unread.value.some((x) => x.id === n.id)) return
    const key = lineKey(n)
    const same = unread.value.find((x) => lineKey(x) === key)
    const line: NotificationLine = { ...n, repeats: (same?.repeats ?? 0) + 1, unread: (same?.unread ?? 0) + 1 }
    unread.value = [line, ...unread.value.filter((x) => x !== same)].slice(0, 50)
    unreadTotal.value += 1
    for (const l of listeners) l(n)
  }

  // Marks a line read: all of its repeats.
  async function markRead(id: number): Promise<void> {
    const line = unread.value.find((x) => x.id === id)
    let marked = 1
    if (line && line.repeats > 1) marked = (await markLineRead(id)).marked
    else await api.markNotificationRead(id)
    unread.value = unread.value.filter((x) => x.id !== id)
    if (line) unreadTotal.value = Math.max(0, unreadTotal.value - marked)
  }

  function onArrival(l: (n: Notification) => void): () => void {
    listeners.add(l)
    return () => listeners.delete(l)
  }

  function start(): void {
    if (socket) return
    socket = new ReconnectingSocket<WsMessage>(api.wsUrl(window.location, i18n.global.locale.value), {
      onMessage: receive,
      // Whatever arrived while disconnected is picked up from the list.
      onOpen: () => {
        connected.value = true
        void load()
      },
      onClose: () => {
        connected.value = false
      },
    })
    socket.start()
  }

  function stop(): void {
    socket?.stop()
    socket = null
    connected.value = false
    unread.value = []
    unreadTotal.value = 0
  }

  return { unread, unreadTotal, connected, load, receive, markRead, onArrival, start, stop }
})
