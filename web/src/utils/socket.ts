// A WebSocket that reconnects with backoff until stopped. Messages are parsed as JSON; bad frames are dropped.
import { backoffDelay } from './backoff'

export interface SocketHandlers<M> {
  onMessage: (msg: M) => void
  onOpen?: () => void
  onClose?: () => void
}

export class ReconnectingSocket<M> {
  private ws: WebSocket | null = null
  private timer: ReturnType<typeof setTimeout> | null = null
  private attempt = 0
  private stopped = true

  constructor(
    private readonly url: string,
    private readonly handlers: SocketHandlers<M>,
  ) {}

  start(): void {
    if (!this.stopped) return
    this.stopped = false
    this.connect()
  }

  stop(): void {
    this.stopped = true
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    const ws = this.ws
    this.ws = null
    ws?.close()
  }

  private connect(): void {
    const ws = new WebSocket(this.url)
    this.ws = ws
    ws.onopen = () => {
      this.attempt = 0
      this.handlers.onOpen?.()
    }
    ws.onmessage = (ev: MessageEvent) => {
      if (typeof ev.data !== 'string') return
      try {
        this.handlers.onMessage(JSON.parse(ev.data) as M)
      } catch {
        // not JSON: ignore the frame
      }
    }
    ws.onclose = () => {
      if (this.ws !== ws) return
      this.ws = null
      this.handlers.onClose?.()
      if (this.stopped) return
      this.timer = setTimeout(() => this.connect(), backoffDelay(this.attempt++))
    }
  }
}
