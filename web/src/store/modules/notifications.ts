// Unread notifications for the header bell and the home page, kept live by the WebSocket.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import * as api from '@/api/notifications'
import type { Notification, WsMessage } from '@/api/notifications'
import { ReconnectingSocket } from '@/utils/socket'
import { i18n } from '@/locales'

export const useNotificationStore = defineStore('notifications', () => {
  const unread = ref<Notification[]>([])
  const unreadTotal = ref(0)
  const connected = ref(false)
  const listeners = new Set<(n: Notification) => void>()
  let socket: ReconnectingSocket<WsMessage> | null = null

  async function load(): Promise<void> {
    try {
      const page = await api.listNotifications(true, 1)
      unread.value = page.items
      unreadTotal.value = page.total
    } catch {
      // no notifications for this account (e.g. an administrator without notify.read)
      unread.value = []
      unreadTotal.value = 0
    }
  }

  function receive(msg: WsMessage): void {
    if (msg.type !== 'notification' || !msg.data) return
    const n = msg.data
    if (unread.value.some((x) => x.id === n.id)) return
    unread.value = [n, ...unread.value].slice(0, 50)
    unreadTotal.value += 1
    for (const l of listeners) l(n)
  }

  async function markRead(id: number): Promise<void> {
    await api.markNotificationRead(id)
    const before = unread.value.length
    unread.value = unread.value.filter((x) => x.id !== id)
    if (unread.value.length < before) unreadTotal.value = Math.max(0, unreadTotal.value - 1)
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
