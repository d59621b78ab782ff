import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus from 'element-plus'
import { createMemoryHistory, createRouter } from 'vue-router'
import { i18n } from '@/locales'
import { routes } from '@/router'
import type { Case } from '@/api/cases'
import Page from './index.vue'

function theCase(version: number, over: Partial<Case> = {}): Case {
  return {
    id: 7,
    case_no: 'A5199012026110001',
    case_type: 'administrative',
    law: '2025',
    cause: '殴打他人',
    source: 'walk_in',
    state: 'accepted',
    outcome: '',
    unit_id: 11,
    unit_name: '城关派出所',
    lead_officer: { id: 4, name: '王志强', police_no: '990004' },
    occurred_at: '2026-11-27T02:00:00Z',
    accepted_at: '2026-11-27T03:00:00Z',
    last_event_at: '2026-11-27T03:00:00Z',
    version,
    next_deadline: null,
    place: { address: '人民路 1 号', lon: null, lat: null },
    facts: '事实',
    assistants: [],
    filed_at: null,
    closed_at: null,
    created_at: '2026-11-27T03:00:00Z',
    updated_at: '2026-11-27T03:00:00Z',
    penalty: null,
    people: [{ id: 1, role: 'victim', name: '张*', id_type: 'resident_id', id_number: '519901********1233', phone: '138****1234', address: '' }],
    events: [
      { id: 1, seq: 1, kind: 'transition', action: 'accept', from_state: '', to_state: 'accepted', at: '2026-11-27T03:00:00Z',
        recorded_at: '2026-11-27T03:00:00Z', actor: { id: 4, name: '王志强', police_no: '990004' }, person_id: null, reason: '', attachments: [] },
    ],
    clocks: [
      { key: 'zhian_case_2025', rule_id: 'zhian_case_2025', subject: '', name: '治安案件办案期限', name_zh: '治安案件办案期限',
        name_en: 'Public-order case time limit (2025 law)', basis: '《治安管理处罚法》（2025年修订）第一百一十八条',
        start: '2026-11-27', deadline: '2026-12-27', days_left: 2, status: 'running' },
    ],
    allowed_actions: [
      { action: 'file', to_state: 'filed', requires: [] },
      { action: 'note', to_state: '=', requires: ['reason'] },
    ],
    query_codes: [],
    ...over,
  }
}

const NO_REVIEW = { case_id: 7, case_no: 'A5199012026110001', state: 'accepted', version: 1, reviews: [], problems: [], open_problems: 0, steps: [] }

// GET /cases/7 answers `c`, GET /review/cases/7 the review record, anything else an empty list.
function reads(url: string, c: () => Case, review: unknown = NO_REVIEW): Response {
  if (url.startsWith('/api/v1/cases/7/urgings')) return reply(200, { items: [], total: 0 }) // 督办 card (issue 13)
  if (url.startsWith('/api/v1/cases/7')) return reply(200, c())
  if (url.startsWith('/api/v1/review/cases/7')) return reply(200, review)
  return reply(200, { items: [], total: 0 })
}

function reply(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

async function render() {
  const pinia = createPinia()
  setActivePinia(pinia)
  i18n.global.locale.value = 'zh-CN'
  const router = createRouter({ history: createMemoryHistory(), routes })
  await router.push('/cases/7')
  const w = mount(Page, { global: { plugins: [pinia, i18n, router, ElementPlus] }, attachTo: document.body })
  await flushPromises()
  return w
}

afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

// Mounting Element Plus is slow on a busy two-core machine: allow for it.
describe('case page', { timeout: 30_000 }, () => {
  it('shows the clock coloured by days left with its legal basis, the timeline and the masked people', async () => {
    vi.stubGlobal('fetch', vi.fn(async (url: string) => reads(url, () => theCase(1))))
    const w = await render()
    const clock = w.find('[data-testid="case-clock"]')
    expect(clock.attributes('data-level')).toBe('warn')
    expect(clock.text()).toContain('治安案件办案期限')
    expect(clock.text()).toContain('剩余 2 天')
    expect(w.find('[data-testid="case-clock-basis"]').text()).toContain('第一百一十八条')
    expect(w.find('[data-testid="case-timeline"]').text()).toContain('受案')
    expect(w.find('[data-testid="case-people"]').text()).toContain('519901********1233')
    expect(w.find('[data-testid="case-action-file"]').exists()).toBe(true)
    w.unmount()
  })

  it('sends the action with the version seen, and keeps the idempotency key when the same decision is retried', async () => {
    const posts: { url: string; body: Record<string, unknown> }[] = []
    let failNext = true
    vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => {
      if (init?.method === 'POST') {
        posts.push({ url, body: JSON.parse(init.body as string) })
        if (failNext) {
          failNext = false
          return reply(503, { code: 'busy', message: 'busy' })
        }
        return reply(201, { case: theCase(2, { state: 'filed', allowed_actions: [] }), event: {} })
      }
      return reads(url, () => theCase(1))
    }))
    const w = await render()
    await w.find('[data-testid="case-action-file"]').trigger('click')
    await flushPromises()
    const submit = document.querySelector('[data-testid="case-action-submit"]') as HTMLButtonElement
    submit.click()
    await flushPromises()
    submit.click()
    await flushPromises()
    expect(posts).toHaveLength(2)
    expect(posts[0].url).toBe('/api/v1/cases/7/events')
    expect(posts[0].body).toMatchObject({ action: 'file', expected_version: 1 })
    expect(posts[1].body.idempotency_key).toBe(posts[0].body.idempotency_key)
    expect(w.find('[data-testid="case-detail-state"]').text()).toBe('待调查')  // an administrative case's filed stage (程序规定 §61, ADR 0040)
    w.unmount()
  })

  it('reloads the case when someone else changed it (409)', async () => {
    let gets = 0
    vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => {
      if (init?.method === 'POST') return reply(409, { code: 'conflict', message: 'stale', fields: { expected_version: 'stale' } })
      if (url.startsWith('/api/v1/cases/7') && !url.includes('/urgings')) gets++
      return reads(url, () => (gets === 1 ? theCase(1) : theCase(3, { state: 'filed', allowed_actions: [] })))
    }))
    const w = await render()
    await w.find('[data-testid="case-action-file"]').trigger('click')
    await flushPromises()
    ;(document.querySelector('[data-testid="case-action-submit"]') as HTMLButtonElement).click()
    await flushPromises()
    expect(gets).toBe(2)
    expect(document.body.textContent).toContain('该案件已被他人修改')
    expect(w.find('[data-testid="case-detail-state"]').text()).toBe('待调查')
    expect(w.find('[data-testid="case-action-file"]').exists()).toBe(false)
    w.unmount()
  })
})
