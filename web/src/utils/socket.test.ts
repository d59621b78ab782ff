import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ReconnectingSocket } from './socket'

class FakeSocket {
  static all: FakeSocket[] = []
  onopen: (() => void) | null = null
  onmessage: ((ev: { data: unknown }) => void) | null = null
  onclose: (() => void) | null = null
  constructor(readonly url: string) {
    FakeSocket.all.push(this)
  }
  close(): void {
    this.onclose?.()
  }
}

beforeEach(() => {
  FakeSocket.all = []
  vi.useFakeTimers()
  vi.stubGlobal('WebSocket', FakeSocket)
})

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('ReconnectingSocket', () => {
  it('delivers JSON frames and drops bad ones', () => {
    const got: unknown[] = []
    const s = new ReconnectingSocket<{ type: string }>('ws://x/api/v1/ws', { onMessage: (m) => got.push(m) })
    s.start()
    const ws = FakeSocket.all[0]
    ws.onopen?.()
    ws.onmessage?.({ data: '{"type":"hello","user":"li"}' })
    ws.onmessage?.({ data: 'not json' })
    expect(got).toEqual([{ type: 'hello', user: 'li' }])
    s.stop()
  })

  it('reconnects with growing delays until stopped', () => {
    const s = new ReconnectingSocket('ws://x/api/v1/ws', { onMessage: () => undefined })
    s.start()
    FakeSocket.all[0].onclose?.()
    vi.advanceTimersByTime(900)
    expect(FakeSocket.all).toHaveLength(1)
    vi.advanceTimersByTime(400)
    expect(FakeSocket.all).toHaveLength(2)
    FakeSocket.all[1].onclose?.()
    vi.advanceTimersByTime(1500)
    expect(FakeSocket.all).toHaveLength(2)
    vi.advanceTimersByTime(1000)
    expect(FakeSocket.all).toHaveLength(3)
    // a successful open resets the delay
    FakeSocket.all[2].onopen?.()
    FakeSocket.all[2].onclose?.()
    vi.advanceTimersByTime(1300)
    expect(FakeSocket.all).toHaveLength(4)
    s.stop()
    vi.advanceTimersByTime(60000)
    expect(FakeSocket.all).toHaveLength(4)
  })
})
