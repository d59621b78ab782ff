import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus from 'element-plus'
import { i18n } from '@/locales'
import { buildMenu } from '@/router/menu'
import { layoutRoutes } from '@/router'
import { useSessionStore } from '@/store/modules/session'
import type { SessionInfo } from '@/api/session'
import Page from './index.vue'

const base = { sample: false, based_on: 1, created_by: 5, created_at: 0, submitted_by: 5, submitted_at: 0, reviewed_by: 0,
  reviewed_at: 0, review_note: '', circumstance_count: 1 }
const EDITIONS = {
  current_id: 1,
  items: [
    { ...base, id: 2, code: 'CG-2026', version: 1, title: '城关基准', status: 'review', content_hash: '', published_at: 0 },
    { ...base, id: 1, code: 'SAMPLE-1', version: 1, title: '【样本】', sample: true, status: 'published',
      content_hash: 'ab'.repeat(32), published_at: 1780000000 },
  ],
}
const CIRCUMSTANCE = { id: '2012-43-2-base-a', tier: { law: '2012', article: 43, paragraph: 2, kind: 'base' },
  description: '【样本】情节一般', base_detention: null, base_fine: null, pick: '', add_fine: null }

function reply(body: unknown): Response {
  return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } })
}

function render(permissions: string[], calls: [string, RequestInit][]) {
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit = {}) => {
    calls.push([url, init])
    if (/\/editions\/\d+\/circumstances/.test(url)) return reply({ items: [CIRCUMSTANCE], total: 1 })
    if (/\/editions\/\d+\/publish/.test(url)) return reply({ ...EDITIONS.items[0], status: 'published' })
    if (/\/editions\/(\d+)$/.test(url)) {
      const id = Number(/(\d+)$/.exec(url)![1])
      return reply({ ...EDITIONS.items.find((e) => e.id === id), factors: [] })
    }
    return reply(EDITIONS)
  }))
  const pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().$patch({ info: { permissions } as unknown as SessionInfo })
  i18n.global.locale.value = 'zh-CN'
  return mount(Page, { global: { plugins: [pinia, i18n, ElementPlus] } })
}

afterEach(() => vi.unstubAllGlobals())

describe('benchmark editions page', () => {
  it('is in the menu for whoever may read editions', () => {
    const menu = buildMenu(layoutRoutes, (p) => !p || [p].flat().some((x) => x === 'discretion.edition.read'))
    const group = menu.find((m) => m.name === 'discretion')!
    expect(group.children!.map((c) => c.name)).toEqual(['discretion-editions'])
  })

  it('lists editions with their status and shows the current one read-only', async () => {
    const calls: [string, RequestInit][] = []
    const w = render(['discretion.edition.read'], calls)
    await flushPromises()
    expect(w.find('[data-testid="edition-status-2"]').text()).toBe('待审核')
    expect(w.find('[data-testid="edition-status-1"]').text()).toBe('已发布')
    const detail = w.find('[data-testid="edition-detail"]')
    expect(detail.text()).toContain('SAMPLE-1 v1')
    expect(detail.text()).toContain('不能修改')
    expect(w.find('[data-testid="circumstances-table"]').text()).toContain('【样本】情节一般')
    expect(w.find('[data-testid="circumstance-add"]').exists()).toBe(false)
    expect(w.find('[data-testid="edition-publish-2"]').exists()).toBe(false)
  })

  it('lets a leader publish an edition under review', async () => {
    const calls: [string, RequestInit][] = []
    const w = render(['discretion.edition.read', 'discretion.edition.publish'], calls)
    await flushPromises()
    expect(w.find('[data-testid="edition-copy-1"]').exists()).toBe(false)
    await w.find('[data-testid="edition-publish-2"]').trigger('click')
    await flushPromises()
    // The confirmation box is teleported to the body.
    const ok = document.querySelector('.el-message-box__btns .el-button--primary') as HTMLElement
    ok.click()
    await flushPromises()
    expect(calls.some(([u, i]) => u === '/api/v1/discretion/editions/2/publish' && i.method === 'POST')).toBe(true)
  })

  it('lets the legal office copy an edition into a new draft', async () => {
    const w = render(['discretion.edition.read', 'discretion.edition.draft'], [])
    await flushPromises()
    expect(w.find('[data-testid="edition-copy-1"]').exists()).toBe(true)
    expect(w.find('[data-testid="edition-publish-2"]').exists()).toBe(false)
  })
})
