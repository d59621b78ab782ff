import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus from 'element-plus'
import { createMemoryHistory, createRouter } from 'vue-router'
import { i18n } from '@/locales'
import { routes } from '@/router'
import { decide } from '@/router/guard'
import Page from './index.vue'

const PROGRESS = {
  case_no: 'A5199012026110001',
  case_type: 'administrative',
  stage: 'filed',
  unit_name: '城关派出所',
  officer: { police_no: '990004', surname: '王' },
  last_update: '2026-11-27T03:00:00Z',
  next_step: { action: 'start_investigation', deadline: '2026-12-27', basis: '《治安管理处罚法》第一百一十八条' },
}

function reply(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

async function render() {
  const pinia = createPinia()
  setActivePinia(pinia)
  i18n.global.locale.value = 'zh-CN'
  const router = createRouter({ history: createMemoryHistory(), routes })
  await router.push('/progress?case_no=A5199012026110001')
  const w = mount(Page, { global: { plugins: [pinia, i18n, router, ElementPlus] } })
  await flushPromises()
  return w
}

async function ask(w: Awaited<ReturnType<typeof render>>, code: string) {
  await w.find('[data-testid="progress-code"] input, input[data-testid="progress-code"]').setValue(code)
  await w.find('form').trigger('submit')
  await flushPromises()
}

afterEach(() => vi.unstubAllGlobals())

describe('public case progress', { timeout: 30_000 }, () => {
  it('is open without a session', () => {
    const r = routes.find((x) => x.path === '/progress')!
    const allowed = decide(
      { name: 'case-progress', fullPath: '/progress', meta: r.meta ?? {}, matched: [] },
      { loggedIn: false, mustChangePassword: false, totpEnrolmentRequired: false, can: () => false },
    )
    expect(allowed).toBe(true)
  })

  it('posts the number and code and shows stage, unit, officer number and surname, next step', async () => {
    const fetchMock = vi.fn(async () => reply(200, PROGRESS))
    vi.stubGlobal('fetch', fetchMock)
    const w = await render()
    await ask(w, 'K7Q2M9')
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe('/api/v1/public/case-progress')
    expect(JSON.parse(init.body as string)).toEqual({ case_no: 'A5199012026110001', query_code: 'K7Q2M9' })
    const result = w.find('[data-testid="progress-result"]').text()
    expect(result).toContain('已立案')
    expect(result).toContain('城关派出所')
    expect(result).toContain('王警官（警号 990004）')
    expect(result).toContain('开始调查')
    expect(result).toContain('2026-12-27')
  })

  it('says the same for a wrong number or code, and asks to wait after too many tries', async () => {
    const fetchMock = vi.fn(async () => reply(404, { code: 'not_found', message: 'x' }))
    vi.stubGlobal('fetch', fetchMock)
    const w = await render()
    await ask(w, 'WRONG1')
    expect(w.find('[data-testid="progress-error"]').text()).toContain('案件编号或查询码不正确')
    fetchMock.mockImplementation(async () => reply(429, { code: 'rate_limited', message: 'x' }))
    await ask(w, 'WRONG2')
    expect(w.find('[data-testid="progress-error"]').text()).toContain('尝试次数过多')
  })
})
