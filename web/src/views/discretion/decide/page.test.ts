import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus from 'element-plus'
import { i18n } from '@/locales'
import { buildMenu } from '@/router/menu'
import { layoutRoutes } from '@/router'
import Page from './index.vue'

const DECISION = {
  law_applied: '2012',
  benchmark_edition: '',
  edition: { id: 1, code: 'SAMPLE-1', version: 1, content_hash: 'ab'.repeat(32), sample: true },
  combined: { capped_detention_days: 14, detention_days: 14, executed_detention_days: 14, fine_yuan: 900, warning: false },
  procedure: { decided_by: 'bureau', hearing_right: false, legal_review_required: false, on_the_spot_allowed: false },
  trace: [
    { article: 37, basis: '《行政处罚法》（2021）第三十七条第一款', detail: 'd', input: 'i', law: '', output: '适用2012年文本', paragraph: 1, step: 'law_version' },
  ],
  violations: [
    {
      circumstance: '',
      corrective_education: false,
      detention_days: 14,
      detention_executed: true,
      fine_yuan: 900,
      outcome: 'penalty',
      warning: false,
      tier: { article: 43, kind: 'base', law: '2012', paragraph: 2 },
      trace: [{ article: 43, basis: 'b', detail: '', input: 'x', law: '2012', output: '行政拘留并处罚款', paragraph: 2, step: 'tier' }],
    },
  ],
}

// One rule of data/aggravations.csv and the facts it needs, as GET /discretion/aggravations gives them.
const AGGRAVATIONS = {
  items: [
    {
      law: '2012', code: 'a43_2.victim_60', from_article: 43, from_paragraph: 1, article: 43, paragraph: 2, item: 2,
      basis: '《治安管理处罚法》（2012）第四十三条第二款第（二）项', name: '殴打、伤害六十周岁以上的人',
      condition: 'victim.age >= 60', facts: ['victim.age'], note: '', effect: 'tier',
      tier: { law: '2012', article: 43, paragraph: 2, kind: 'base' },
    },
  ],
  facts: [
    { name: 'victim.birth_date', type: 'date', name_zh: '被侵害人出生日期' },
    { name: 'victim.age', type: 'int', name_zh: '被侵害人年龄（周岁）', min: 0, max: 150 },
  ],
}

// The decision for a victim of 60: §43¶1 asked, §43¶2(二) applied.
const RAISED = {
  ...DECISION,
  violations: [
    {
      ...DECISION.violations[0],
      requested_tier: { article: 43, kind: 'base', law: '2012', paragraph: 1 },
      aggravations: [
        {
          code: 'a43_2.victim_60', law: '2012', article: 43, paragraph: 2, item: 2,
          basis: '《治安管理处罚法》（2012）第四十三条第二款第（二）项', name: '殴打、伤害六十周岁以上的人',
          facts: '第1名被侵害人年龄（周岁）：60', note: '以上包括本数，见第一百一十八条', effect: 'tier',
          tier: { article: 43, kind: 'base', law: '2012', paragraph: 2 },
        },
      ],
    },
  ],
}

function reply(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

const EDITIONS = {
  current_id: 3,
  items: [
    { id: 3, code: 'CG-2026', version: 1, title: '城关基准', sample: false, status: 'published', circumstance_count: 5 },
    { id: 2, code: 'CG-2026', version: 2, title: '草稿', sample: false, status: 'draft', circumstance_count: 5 },
    { id: 1, code: 'SAMPLE-1', version: 1, title: '【样本】', sample: true, status: 'published', circumstance_count: 498 },
  ],
}

// The server as the page sees it: catalogue and factor reads, the editions list, then `decide` for the POST.
function server(decideReply: () => Response, calls: [string, RequestInit][] = []) {
  return vi.fn(async (url: string, init: RequestInit = {}) => {
    calls.push([url, init])
    if (url.startsWith('/api/v1/discretion/catalogue')) return reply(200, { items: [], total: 0, page: 1, page_size: 200 })
    if (url.startsWith('/api/v1/discretion/factors')) return reply(200, { items: [], edition: DECISION.edition })
    if (url.startsWith('/api/v1/discretion/aggravations')) return reply(200, AGGRAVATIONS)
    if (url.startsWith('/api/v1/discretion/editions')) return reply(200, EDITIONS)
    if (url.startsWith('/api/v1/discretion/documents')) return new Response('<!DOCTYPE html><p>决定书</p>', { status: 200, headers: { 'Content-Type': 'text/html' } })
    return decideReply()
  })
}

const posted = (calls: [string, RequestInit][], prefix: string) =>
  calls.find(([u, i]) => u.startsWith(prefix) && i.method === 'POST')

function render() {
  const pinia = createPinia()
  setActivePinia(pinia)
  i18n.global.locale.value = 'zh-CN'
  // The page reads ?case= (opened from a case, ADR 0040): a router with no case in the query is the stand-alone page.
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)*', component: { template: '<div />' } }] })
  return mount(Page, { global: { plugins: [pinia, i18n, router, ElementPlus] } })
}

afterEach(() => vi.unstubAllGlobals())

describe('discretion page', () => {
  it('is in the menu for an officer under 执法办案', () => {
    const menu = buildMenu(layoutRoutes, (p) => !p || [p].flat().some((x) => x === 'discretion.decide'))
    const group = menu.find((m) => m.name === 'discretion')!
    expect(group.children!.map((c) => [c.name, c.path])).toEqual([['discretion-decide', '/discretion/decide']])
  })

  it('posts the form and shows the summary and the trace', { timeout: 30_000 }, async () => {
    const calls: [string, RequestInit][] = []
    vi.stubGlobal('fetch', server(() => reply(200, DECISION), calls))
    const w = render()
    await flushPromises()
    // The catalogue comes from the server, not from copies in the web bundle.
    expect(calls.some(([u]) => u === '/api/v1/discretion/catalogue?law=2012&page_size=200')).toBe(true)
    expect(w.find('[data-testid="discretion-result"]').exists()).toBe(false)
    await w.find('[data-testid="discretion-submit"]').trigger('click')
    await flushPromises()
    const [url, init] = posted(calls, '/api/v1/discretion/decide')!
    expect(url).toBe('/api/v1/discretion/decide')
    expect(init.method).toBe('POST')
    expect(JSON.parse(init.body as string).violations[0].tier).toEqual({ law: '2025' })
    const result = w.find('[data-testid="discretion-result"]')
    expect(result.exists()).toBe(true)
    expect(result.text()).toContain('14 日')
    expect(result.text()).toContain('900 元')
    expect(result.text()).toContain('县级以上公安机关')
    expect(result.text()).toContain('行政拘留并处罚款')
    expect(result.text()).toContain('确定法律文本')
    expect(w.find('[data-testid="discretion-edition-used"]').text()).toContain('SAMPLE-1 v1（样本，非正式裁量基准）')
  })

  it('offers only published editions and sends the chosen one; documents post the same request', { timeout: 30_000 }, async () => {
    const calls: [string, RequestInit][] = []
    vi.stubGlobal('fetch', server(() => reply(200, DECISION), calls))
    const open = vi.fn()
    vi.stubGlobal('open', open)
    URL.createObjectURL = vi.fn(() => 'blob:document')
    URL.revokeObjectURL = vi.fn()
    const w = render()
    await flushPromises()
    const vm = w.vm as unknown as { editions: { id: number }[]; form: { edition_id: number | null } }
    expect(vm.editions.map((e) => e.id)).toEqual([3, 1])
    vm.form.edition_id = 1
    await w.find('[data-testid="discretion-submit"]').trigger('click')
    await flushPromises()
    expect(JSON.parse(posted(calls, '/api/v1/discretion/decide')![1].body as string).edition_id).toBe(1)
    await w.find('[data-testid="discretion-doc-decision-html"]').trigger('click')
    await flushPromises()
    const [docUrl, docInit] = posted(calls, '/api/v1/discretion/documents')!
    expect(docUrl).toBe('/api/v1/discretion/documents/decision?format=html')
    const body = JSON.parse(docInit.body as string)
    expect(body.request.edition_id).toBe(1)
    expect(body.facts.authority).toBe('示范县公安局')
    expect(open).toHaveBeenCalled()
  })

  it('asks for the facts that the aggravating paragraphs of the chosen article test and shows the paragraph applied', { timeout: 30_000 }, async () => {
    const calls: [string, RequestInit][] = []
    vi.stubGlobal('fetch', server(() => reply(200, RAISED), calls))
    const w = render()
    await flushPromises()
    const vm = w.vm as unknown as { form: { violations: { law: string; article: number | null; paragraph: number | null; kind: string; victims: unknown[] }[] } }
    expect(w.find('[data-testid="discretion-facts-0"]').exists()).toBe(false)
    Object.assign(vm.form.violations[0], { law: '2012', article: 43, paragraph: 1, kind: 'base' })
    await flushPromises()
    const facts = w.find('[data-testid="discretion-facts-0"]')
    expect(facts.text()).toContain('第四十三条第二款第（二）项')
    await w.find('[data-testid="discretion-add-victim-0"]').trigger('click')
    await flushPromises()
    expect(w.find('[data-testid="discretion-victim-0-0"]').text()).toContain('年龄（周岁）')
    vm.form.violations[0].victims[0] = { age: 60 }
    await w.find('[data-testid="discretion-submit"]').trigger('click')
    await flushPromises()
    expect(JSON.parse(posted(calls, '/api/v1/discretion/decide')![1].body as string).violations[0].facts).toEqual({
      victims: [{ age: 60 }],
    })
    const shown = w.find('[data-testid="discretion-aggravations-0"]')
    expect(shown.text()).toContain('《治安管理处罚法》（2012）第四十三条第二款第（二）项：殴打、伤害六十周岁以上的人')
    expect(shown.text()).toContain('第1名被侵害人年龄（周岁）：60')
    expect(shown.text()).toContain('由第43条第1款 基本幅度改为适用第43条第2款 基本幅度')
  })

  it('shows the server field problems by name', { timeout: 30_000 }, async () => {
    vi.stubGlobal('fetch', server(() =>
      reply(400, {
        code: 'invalid_argument',
        message: 'invalid input',
        fields: { 'offender.birth_date': 'required', 'violations[0].pick': 'unknown_value' },
      }),
    ))
    const w = render()
    await flushPromises()
    await w.find('[data-testid="discretion-submit"]').trigger('click')
    await flushPromises()
    const alert = w.find('[data-testid="discretion-errors"]')
    expect(alert.text()).toContain('出生日期：必填')
    expect(alert.text()).toContain('违法行为 1 · 处罚种类：取值不在允许范围内')
    expect(w.find('[data-testid="discretion-result"]').exists()).toBe(false)
  })
})
