import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus from 'element-plus'
import { i18n } from '@/locales'
import { buildMenu } from '@/router/menu'
import { layoutRoutes } from '@/router'
import Page from './index.vue'

const DECISION = {
  law_applied: '2012',
  benchmark_edition: '',
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

function reply(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

function render() {
  const pinia = createPinia()
  setActivePinia(pinia)
  i18n.global.locale.value = 'zh-CN'
  return mount(Page, { global: { plugins: [pinia, i18n, ElementPlus] } })
}

afterEach(() => vi.unstubAllGlobals())

describe('discretion page', () => {
  it('is in the menu for an officer under 执法办案', () => {
    const menu = buildMenu(layoutRoutes, (p) => !p || [p].flat().some((x) => x === 'discretion.decide'))
    const group = menu.find((m) => m.name === 'discretion')!
    expect(group.children!.map((c) => [c.name, c.path])).toEqual([['discretion-decide', '/discretion/decide']])
  })

  it('posts the form and shows the summary and the trace', async () => {
    const fetchMock = vi.fn(async () => reply(200, DECISION))
    vi.stubGlobal('fetch', fetchMock)
    const w = render()
    expect(w.find('[data-testid="discretion-result"]').exists()).toBe(false)
    await w.find('[data-testid="discretion-submit"]').trigger('click')
    await flushPromises()
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit]
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
  })

  it('shows the server field problems by name', async () => {
    vi.stubGlobal('fetch', vi.fn(async () =>
      reply(400, {
        code: 'invalid_argument',
        message: 'invalid input',
        fields: { 'offender.birth_date': 'required', 'violations[0].pick': 'unknown_value' },
      }),
    ))
    const w = render()
    await w.find('[data-testid="discretion-submit"]').trigger('click')
    await flushPromises()
    const alert = w.find('[data-testid="discretion-errors"]')
    expect(alert.text()).toContain('出生日期：必填')
    expect(alert.text()).toContain('违法行为 1 · 处罚种类：取值不在允许范围内')
    expect(w.find('[data-testid="discretion-result"]').exists()).toBe(false)
  })
})
