import { afterEach, describe, expect, it, vi } from 'vitest'
import { emptyFilters } from './filters'
import { fetchAllCases, fetchCasePage } from './caseSource'

function summary(id: number, days: number | null) {
  return {
    id,
    case_no: `C${id}`,
    next_deadline:
      days === null
        ? null
        : { key: 'k', rule_id: 'r', subject: '', name: 'n', basis: 'b', start: '2026-11-01', deadline: '2026-12-01', days_left: days, status: days < 0 ? 'overdue' : 'running' },
  }
}

function reply(body: unknown): Response {
  return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } })
}

afterEach(() => vi.unstubAllGlobals())

describe('case rows', () => {
  it('without a deadline status: one server page with the filters', async () => {
    const fetchMock = vi.fn(async () => reply({ items: [summary(1, 5)], total: 41 }))
    vi.stubGlobal('fetch', fetchMock)
    const r = await fetchCasePage({ ...emptyFilters(), state: 'filed', unit_id: 3 }, 3, 20)
    expect(r.total).toBe(41)
    const url = (fetchMock.mock.calls[0] as unknown as [string])[0]
    expect(url).toBe('/api/v1/cases?unit_id=3&state=filed&page=3&page_size=20')
  })

  it('with a deadline status: reads every open page, keeps the matching cases and pages them here', async () => {
    const first = Array.from({ length: 200 }, (_, i) => summary(i + 1, i % 2 ? 10 : 1))
    const second = [summary(201, 2), summary(202, null)]
    const fetchMock = vi.fn(async (url: string) =>
      reply(url.includes('page=1&') ? { items: first, total: 202 } : { items: second, total: 202 }),
    )
    vi.stubGlobal('fetch', fetchMock)
    const progress: number[] = []
    const all = await fetchAllCases({ ...emptyFilters(), deadline: 'due_3d' }, (done) => progress.push(done))
    expect(all.map((c) => c.id)).toContain(201)
    expect(all).toHaveLength(101)
    expect(progress).toEqual([200, 202])
    const urls = fetchMock.mock.calls.map((c) => (c as unknown as [string])[0])
    expect(urls).toEqual(['/api/v1/cases?open=1&page=1&page_size=200', '/api/v1/cases?open=1&page=2&page_size=200'])

    fetchMock.mockClear()
    const page2 = await fetchCasePage({ ...emptyFilters(), deadline: 'due_3d' }, 2, 50)
    expect(page2.total).toBe(101)
    expect(page2.items.map((c) => c.id)[0]).toBe(101)
  })
})
