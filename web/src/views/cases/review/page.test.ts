import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus from 'element-plus'
import { createMemoryHistory, createRouter } from 'vue-router'
import { i18n } from '@/locales'
import { layoutRoutes, routes } from '@/router'
import { buildMenu } from '@/router/menu'
import Page from './index.vue'
import { buildOpinion, emptyOpinion } from './opinion'

const QUEUE = {
  items: [
    { case_id: 7, case_no: 'A5199012026110001', case_type: 'administrative', cause: '殴打他人', unit_id: 11, unit_name: '城关派出所',
      officer_id: 4, officer_name: '王志强', submitted_at: '2026-11-27T03:00:00Z', rounds: 0, version: 5 },
  ],
  total: 1,
}
const TYPES = { items: [{ code: 'problem_evidence', name_zh: '事实不清、证据不足', name_en: 'Facts unclear', basis: '程序规定第一百七十条', points: 2 }] }

function reply(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

function menuFor(perms: string[]): string[] {
  const menu = buildMenu(layoutRoutes, (p) => !p || [p].flat().some((x) => perms.includes(x)))
  return menu.find((m) => m.name === 'cases')?.children?.map((c) => c.name) ?? []
}

describe('case pages in the menu', () => {
  it('follow the permissions of each role', () => {
    const officer = ['case.read', 'case.create', 'case.write', 'case.act', 'case.person.read', 'supervision.read']
    expect(menuFor(officer)).toEqual(['cases-list', 'cases-new', 'cases-problems', 'cases-enforcement'])
    const reviewer = ['case.read', 'case.act', 'case.person.read', 'case.review', 'supervision.read', 'supervision.dashboard', 'supervision.scores']
    expect(menuFor(reviewer)).toEqual(['cases-list', 'cases-review', 'cases-problems', 'cases-dashboard', 'cases-enforcement'])
    expect(menuFor(['unit.read', 'user.read'])).toEqual([])
  })
})

describe('opinion request', () => {
  it('sends problems only with a return', () => {
    const f = { ...emptyOpinion('return'), comment: ' 请补正 ', problems: [{ type: 'problem_evidence', text: ' 缺笔录 ' }] }
    expect(buildOpinion(f, 5)).toEqual({ opinion: 'return', comment: '请补正', problems: [{ type: 'problem_evidence', text: '缺笔录' }], expected_version: 5 })
    expect(buildOpinion({ ...f, opinion: 'approve' }, 5).problems).toEqual([])
  })
})

describe('legal review queue', { timeout: 30_000 }, () => {
  it('returns a case with a typed problem and reloads the queue', async () => {
    const posts: { url: string; body: unknown }[] = []
    let queue = QUEUE
    vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => {
      if (init?.method === 'POST') {
        posts.push({ url, body: JSON.parse(init.body as string) })
        queue = { items: [], total: 0 }
        return reply(200, { review: {}, problems: [], state: 'penalty_proposed', version: 6 })
      }
      if (url === '/api/v1/review/problem-types') return reply(200, TYPES)
      return reply(200, queue)
    }))
    setActivePinia(createPinia())
    i18n.global.locale.value = 'zh-CN'
    const router = createRouter({ history: createMemoryHistory(), routes })
    await router.push('/cases/review')
    const w = mount(Page, { global: { plugins: [i18n, router, ElementPlus] }, attachTo: document.body })
    await flushPromises()
    expect(w.find('[data-testid="review-table"]').text()).toContain('A5199012026110001')
    await w.find('[data-testid="review-return"]').trigger('click')
    await flushPromises()
    // (the form's own required-field check is exercised in the browser test: Element Plus's form validation
    // resolves as valid under jsdom here)
    // choose the type through the select's options and write the text
    ;(document.querySelector('[data-testid="opinion-problem-type"]') as HTMLElement).click()
    await flushPromises()
    const option = [...document.querySelectorAll('.el-select-dropdown__item')].find((e) => e.textContent?.includes('证据不足')) as HTMLElement
    option.click()
    const text = document.querySelector('textarea[data-testid="opinion-problem-text"], [data-testid="opinion-problem-text"] textarea') as HTMLTextAreaElement
    text.value = '询问笔录缺少签名'
    text.dispatchEvent(new Event('input'))
    await flushPromises()
    ;(document.querySelector('[data-testid="opinion-submit"]') as HTMLButtonElement).click()
    await flushPromises()
    expect(posts).toEqual([
      {
        url: '/api/v1/review/cases/7/opinion',
        body: { opinion: 'return', comment: '', problems: [{ type: 'problem_evidence', text: '询问笔录缺少签名' }], expected_version: 5 },
      },
    ])
    expect(w.find('[data-testid="review-table"]').text()).not.toContain('A5199012026110001')
    w.unmount()
  })
})
