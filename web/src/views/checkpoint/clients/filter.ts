// Pure helpers of the VIID clients page (unit-tested in filter.test.ts).
import type { ViidClient } from '@/api/viid'

export type ClientState = 'registered' | 'idle' | 'disabled'

export function clientState(c: ViidClient): ClientState {
  if (!c.enabled) return 'disabled'
  return c.registered ? 'registered' : 'idle'
}

export function filterClients(list: ViidClient[], text: string, state: ClientState | ''): ViidClient[] {
  const q = text.trim().toLowerCase()
  return list.filter(
    (c) => (!q || c.id.includes(q) || c.name.toLowerCase().includes(q)) && (!state || clientState(c) === state),
  )
}

// A GB/T 28181-style 20-digit ID.
export const isViidId = (id: string): boolean => /^\d{20}$/.test(id)
