import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus from 'element-plus'
import { createMemoryHistory, createRouter } from 'vue-router'
import { i18n } from '@/locales'
import { routes } from '@/router'
import Page from './index.vue'

const ROW = {
  id: 7, case_no: 'A5199012026110001', case_type: 'administrative', law: '2025', cause: '殴打他人', source: 'walk_in',
  state: 'filed', outcome: '', unit_id: 11, unit_name: '城关派出所', lead_officer: { id: 4, name: '王志强', police_no: '990004' },
  occurred_at: '2026-11-27T02:00:00Z', accepted_at: '2026-11-27T03:00:00Z', last_event_at: '2026-11-27T03:00:00Z', version: 2,
  next_deadline: { key: 'zhian_case_2025', rule_id: 'zhian_case_2025', subject: '', name: '治安案件办案期限', name_zh: '治安案件办案期限',
    name_en: 'Public-order case time limit', basis: 'b', start: '2026-11-27', deadline: '2026-12-27', days_left: -2, status: 'overdue' },
}

afterEach(() => vi.unstubAllGlobals())

describe('case list', { timeout: 30_000 }, () => {
  it('opens with the filters of a drill-down link and shows the nearest deadline in red when overdue', async () => {
    const fetchMock = vi.fn(async (url: string) =>
      new Response(JSON.stringify(url.startsWith('/api/v1/cases') ? { items: [ROW], total: 1 } : { items: [], total: 0 }), {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      }),
    )
    vi.stubGlobal('fetch', fetchMock)
    setActivePinia(createPinia())
    i18n.global.locale.value = 'zh-CN'
    const router = createRouter({ history: createMemoryHistory(), routes })
    await router.push('/cases/list?unit_id=11&state=filed')
    const w = mount(Page, { global: { plugins: [i18n, router, ElementPlus] } })
    await flushPromises()
    const urls = fetchMock.mock.calls.map((c) => (c as unknown as [string])[0])
    expect(urls).toContain('/api/v1/cases?unit_id=11&state=filed&page=1&page_size=20')
    const table = w.find('[data-testid="cases-table"]').text()
    expect(table).toContain('A5199012026110001')
    expect(table).toContain('待调查')  // administrative: filed reads 待调查 (ADR 0040)
    expect(table).toContain('超期 2 天')
    expect(w.find('.el-tag--danger').text()).toBe('超期 2 天')
  })

  it('reports an export to the server (audit log) before it saves the file', async () => {
    const order: string[] = []
    const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
      if (url === '/api/v1/cases/exported') {
        order.push(`report ${String(init?.body)}`)
        return new Response(null, { status: 204 })
      }
      return new Response(JSON.stringify(url.startsWith('/api/v1/cases') ? { items: [ROW], total: 1 } : { items: [], total: 0 }), {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      })
    })
    vi.stubGlobal('fetch', fetchMock)
    // jsdom has no object URLs and does not navigate: the file is "saved" when its URL is made.
    const saved = { create: URL.createObjectURL, revoke: URL.revokeObjectURL }
    URL.createObjectURL = vi.fn(() => {
      order.push('file')
      return 'blob:cases'
    })
    URL.revokeObjectURL = vi.fn()
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})
    setActivePinia(createPinia())
    i18n.global.locale.value = 'zh-CN'
    const router = createRouter({ history: createMemoryHistory(), routes })
    await router.push('/cases/list?state=filed')
    const w = mount(Page, { global: { plugins: [i18n, router, ElementPlus] } })
    await flushPromises()
    await w.find('[data-testid="case-export"]').trigger('click')
    await flushPromises()
    expect(order.length).toBe(2)
    expect(order[1]).toBe('file')
    const report = JSON.parse(order[0].slice('report '.length))
    expect(report.rows).toBe(1)
    expect(report.format).toBe('csv')
    expect(report.filters.state).toBe('filed')
    click.mockRestore()
    URL.createObjectURL = saved.create
    URL.revokeObjectURL = saved.revoke
  })
})
