// The one HTTP wrapper of the web UI. Every call to the server goes through `request`.
// - cookies ride along (credentials 'same-origin'); the session cookie is HttpOnly.
// - POST/PUT/PATCH/DELETE carry X-CSRF-Token from the session store (hook) or the jw_csrf cookie.
// - a non-2xx reply becomes an ApiError carrying the server's {code, message, request_id, fields}.

export const API_BASE = '/api/v1'

export interface ErrorBody {
  code: string
  message: string
  request_id?: string
  fields?: Record<string, string>
}

export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly requestId: string
  readonly fields: Record<string, string>

  constructor(status: number, body: ErrorBody, requestId = '') {
    super(body.message || body.code)
    this.name = 'ApiError'
    this.status = status
    this.code = body.code
    this.requestId = body.request_id || requestId
    this.fields = body.fields ?? {}
  }
}

export type QueryValue = string | number | boolean | null | undefined
export type Query = Record<string, QueryValue>

export interface RequestOptions {
  query?: Query
  body?: unknown
  signal?: AbortSignal
  // Errors that the caller handles itself (login, password change) skip the global auth hook.
  skipAuthHook?: boolean
  // Extra request headers (the public SMS-code login's X-Public-Token, api/publicauth.ts).
  headers?: Record<string, string>
}

export interface HttpHooks {
  csrfToken?: () => string | undefined
  // The UI's language, sent as Accept-Language: the server writes its words (error messages, notifications) in it.
  language?: () => string
  onAuthError?: (err: ApiError) => void
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
// Codes after which the UI must leave the page it is on.
const AUTH_CODES = new Set(['unauthenticated', 'password_change_required', 'totp_enrolment_required'])
// When the server is not reachable or answers without a JSON error body.
const STATUS_CODES: Record<number, string> = {
  400: 'invalid_argument',
  401: 'unauthenticated',
  403: 'permission_denied',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  423: 'account_locked',
  500: 'internal',
  502: 'unavailable',
  503: 'unavailable',
  504: 'unavailable',
}

let hooks: HttpHooks = {}
let lastRequestAt = Date.now()

export function setHttpHooks(h: HttpHooks): void {
  hooks = h
}

// When the server last saw a request of ours (what its idle timer counts from).
export function lastServerContact(): number {
  return lastRequestAt
}

export function readCookie(name: string): string | undefined {
  if (typeof document === 'undefined') return undefined
  for (const part of document.cookie.split(';')) {
    const eq = part.indexOf('=')
    if (eq < 0) continue
    if (part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim())
  }
  return undefined
}

export function csrfToken(): string | undefined {
  return hooks.csrfToken?.() || readCookie('jw_csrf')
}

export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined || v === null || v === '') continue
    params.append(k, String(v))
  }
  const qs = params.toString()
  return API_BASE + path + (qs ? `?${qs}` : '')
}

export async function parseError(res: Response): Promise<ApiError> {
  const requestId = res.headers.get('X-Request-Id') ?? ''
  const fallback: ErrorBody = { code: STATUS_CODES[res.status] ?? 'internal', message: res.statusText }
  let body: ErrorBody = fallback
  try {
    const text = await res.text()
    if (text) {
      const parsed: unknown = JSON.parse(text)
      if (parsed && typeof parsed === 'object' && typeof (parsed as ErrorBody).code === 'string') {
        body = parsed as ErrorBody
      }
    }
  } catch {
    body = fallback
  }
  return new ApiError(res.status, body, requestId)
}

async function send(method: string, path: string, opts: RequestOptions, accept: string): Promise<Response> {
  const headers: Record<string, string> = { ...opts.headers, Accept: accept }
  const language = hooks.language?.()
  if (language) headers['Accept-Language'] = language
  let payload: string | undefined
  if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json; charset=utf-8'
    payload = JSON.stringify(opts.body)
  }
  if (UNSAFE.has(method)) {
    const token = csrfToken()
    if (token) headers['X-CSRF-Token'] = token
  }
  let res: Response
  try {
    res = await fetch(buildUrl(path, opts.query), {
      method,
      headers,
      body: payload,
      credentials: 'same-origin',
      signal: opts.signal,
    })
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e
    throw new ApiError(0, { code: 'network', message: String(e) })
  }
  lastRequestAt = Date.now()
  if (!res.ok) {
    const err = await parseError(res)
    if (!opts.skipAuthHook && AUTH_CODES.has(err.code)) hooks.onAuthError?.(err)
    throw err
  }
  return res
}

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const res = await send(method, path, opts, 'application/json')
  if (res.status === 204) return undefined as T
  const text = await res.text()
  return (text ? JSON.parse(text) : undefined) as T
}

export interface Download {
  blob: Blob
  filename: string
}

// A file reply (CSV export): the body as a Blob and the name from Content-Disposition.
export async function download(path: string, query: Query, fallbackName: string): Promise<Download> {
  const res = await send('GET', path, { query }, '*/*')
  const cd = res.headers.get('Content-Disposition') ?? ''
  const m = /filename\*=UTF-8''([^;]+)|filename="?([^";]+)"?/i.exec(cd)
  const filename = m ? decodeURIComponent(m[1] ?? m[2]) : fallbackName
  return { blob: await res.blob(), filename }
}

export const http = {
  get: <T>(path: string, query?: Query, opts: Omit<RequestOptions, 'query' | 'body'> = {}) =>
    request<T>('GET', path, { ...opts, query }),
  post: <T>(path: string, body?: unknown, opts: Omit<RequestOptions, 'body'> = {}) =>
    request<T>('POST', path, { ...opts, body }),
  put: <T>(path: string, body?: unknown, opts: Omit<RequestOptions, 'body'> = {}) =>
    request<T>('PUT', path, { ...opts, body }),
  patch: <T>(path: string, body?: unknown, opts: Omit<RequestOptions, 'body'> = {}) =>
    request<T>('PATCH', path, { ...opts, body }),
  del: <T>(path: string, body?: unknown, opts: Omit<RequestOptions, 'body'> = {}) =>
    request<T>('DELETE', path, { ...opts, body }),
}
