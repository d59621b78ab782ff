import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError, buildUrl, download, http, setHttpHooks } from './http'

type FetchArgs = [string, RequestInit]

function reply(status: number, body: string, headers: Record<string, string> = {}): Response {
  return new Response(status === 204 ? null : body, { status, headers })
}

let fetchMock: ReturnType<typeof vi.fn>

beforeEach(() => {
  fetchMock = vi.fn()
  vi.stubGlobal('fetch', fetchMock)
  setHttpHooks({})
  document.cookie = 'jw_csrf=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/'
})

afterEach(() => {
  vi.unstubAllGlobals()
})

function lastCall(): { url: string; init: RequestInit; headers: Record<string, string> } {
  const [url, init] = fetchMock.mock.calls.at(-1) as FetchArgs
  return { url, init, headers: init.headers as Record<string, string> }
}

describe('http wrapper errors', () => {
  it('parses the error JSON into a typed ApiError', async () => {
    fetchMock.mockResolvedValue(
      reply(
        400,
        JSON.stringify({
          code: 'invalid_argument',
          message: 'bad input',
          request_id: 'r-1',
          fields: { new_password: 'weak_password' },
        }),
        { 'Content-Type': 'application/json' },
      ),
    )
    const err = (await http.put('/session/password', { old_password: 'a', new_password: 'b' }).catch((e) => e)) as ApiError
    expect(err).toBeInstanceOf(ApiError)
    expect(err.status).toBe(400)
    expect(err.code).toBe('invalid_argument')
    expect(err.message).toBe('bad input')
    expect(err.requestId).toBe('r-1')
    expect(err.fields).toEqual({ new_password: 'weak_password' })
  })

  it('falls back to the status and the X-Request-Id header when the body is not JSON', async () => {
    fetchMock.mockResolvedValue(reply(503, '<html>busy</html>', { 'X-Request-Id': 'hdr-9' }))
    const err = (await http.get('/units').catch((e) => e)) as ApiError
    expect(err.code).toBe('unavailable')
    expect(err.requestId).toBe('hdr-9')
    expect(err.fields).toEqual({})
  })

  it('keeps fields of a lock reply (423)', async () => {
    fetchMock.mockResolvedValue(
      reply(423, JSON.stringify({ code: 'account_locked', message: 'locked', fields: { locked_until: '2026-11-27T06:15:00Z' } })),
    )
    const err = (await http.post('/session', { username: 'a', password: 'b' }).catch((e) => e)) as ApiError
    expect(err.status).toBe(423)
    expect(err.fields.locked_until).toBe('2026-11-27T06:15:00Z')
  })

  it('turns a failed fetch into a network ApiError', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'))
    const err = (await http.get('/units').catch((e) => e)) as ApiError
    expect(err).toBeInstanceOf(ApiError)
    expect(err.status).toBe(0)
    expect(err.code).toBe('network')
  })

  it('calls the auth hook on unauthenticated, but not when the caller handles it', async () => {
    const onAuthError = vi.fn()
    setHttpHooks({ onAuthError })
    const body = JSON.stringify({ code: 'unauthenticated', message: 'no session' })
    fetchMock.mockImplementation(() => Promise.resolve(reply(401, body)))
    await http.get('/users').catch(() => undefined)
    expect(onAuthError).toHaveBeenCalledTimes(1)
    await http.post('/session', {}, { skipAuthHook: true }).catch(() => undefined)
    expect(onAuthError).toHaveBeenCalledTimes(1)
  })

  it('does not call the auth hook for other errors', async () => {
    const onAuthError = vi.fn()
    setHttpHooks({ onAuthError })
    fetchMock.mockResolvedValue(reply(403, JSON.stringify({ code: 'permission_denied', message: 'no' })))
    await http.get('/users').catch(() => undefined)
    expect(onAuthError).not.toHaveBeenCalled()
  })
})

describe('http wrapper requests', () => {
  it('sends the CSRF token from the session hook on state-changing methods only', async () => {
    setHttpHooks({ csrfToken: () => 'tok-123' })
    fetchMock.mockImplementation(() => Promise.resolve(reply(200, '{}')))
    for (const call of [() => http.post('/units', {}), () => http.put('/units/1', {}), () => http.patch('/x', {}), () => http.del('/session')]) {
      await call()
      expect(lastCall().headers['X-CSRF-Token']).toBe('tok-123')
    }
    await http.get('/units')
    expect(lastCall().headers['X-CSRF-Token']).toBeUndefined()
  })

  it("asks for the server's words in the UI's language", async () => {
    let locale = 'en'
    setHttpHooks({ language: () => locale })
    fetchMock.mockImplementation(() => Promise.resolve(reply(200, '{}')))
    await http.get('/notifications')
    expect(lastCall().headers['Accept-Language']).toBe('en')
    locale = 'zh-CN'
    await http.post('/alerts', {})
    expect(lastCall().headers['Accept-Language']).toBe('zh-CN')
    setHttpHooks({})
    await http.get('/notifications')
    expect(lastCall().headers['Accept-Language']).toBeUndefined()
  })

  it('falls back to the jw_csrf cookie', async () => {
    document.cookie = 'jw_csrf=from-cookie; path=/'
    fetchMock.mockResolvedValue(reply(204, ''))
    await http.post('/notifications/1/read', {})
    expect(lastCall().headers['X-CSRF-Token']).toBe('from-cookie')
  })

  it('sends cookies same-origin and JSON bodies', async () => {
    fetchMock.mockResolvedValue(reply(201, JSON.stringify({ id: 7 })))
    const r = await http.post<{ id: number }>('/units', { name: '城关派出所' })
    expect(r.id).toBe(7)
    const { url, init, headers } = lastCall()
    expect(url).toBe('/api/v1/units')
    expect(init.method).toBe('POST')
    expect(init.credentials).toBe('same-origin')
    expect(headers['Content-Type']).toContain('application/json')
    expect(JSON.parse(init.body as string)).toEqual({ name: '城关派出所' })
  })

  it('returns undefined for 204', async () => {
    fetchMock.mockResolvedValue(reply(204, ''))
    await expect(http.del('/session')).resolves.toBeUndefined()
  })

  it('builds query strings without empty values', () => {
    expect(buildUrl('/users', { q: '张 三', unit_id: 3, status: '', page: 1, x: undefined, y: null })).toBe(
      '/api/v1/users?q=%E5%BC%A0+%E4%B8%89&unit_id=3&page=1',
    )
    expect(buildUrl('/units')).toBe('/api/v1/units')
  })

  it('downloads a file with the name from Content-Disposition', async () => {
    fetchMock.mockResolvedValue(
      reply(200, '\uFEFFid,at\r\n', { 'Content-Disposition': 'attachment; filename="audit-20261127.csv"' }),
    )
    const d = await download('/audit/export.csv', { user: 'li', result: '' }, 'fallback.csv')
    expect(d.filename).toBe('audit-20261127.csv')
    expect(lastCall().url).toBe('/api/v1/audit/export.csv?user=li')
    fetchMock.mockResolvedValue(reply(200, 'x'))
    expect((await download('/audit/export.csv', {}, 'fallback.csv')).filename).toBe('fallback.csv')
  })
})
