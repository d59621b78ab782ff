import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus from 'element-plus'
import { i18n } from '@/locales'
import type { Edition } from '@/api/discretion'
import CompareDialog from './CompareDialog.vue'

const edition = (id: number, status: Edition['status']) => ({
  id, code: id === 1 ? 'SAMPLE-1' : 'CG-2026', version: 1, title: 't', sample: false, status, based_on: null,
  content_hash: '', created_by: 1, created_at: 0, submitted_by: 0, submitted_at: 0, reviewed_by: 0, reviewed_at: 0,
  published_at: 0, review_note: '', circumstance_count: 1,
}) as Edition
const circ = (id: string, fine: number) => ({ id, tier: { law: '2012', article: 43, paragraph: 1, kind: 'base' },
  description: '殴打他人', base_detention: null, base_fine: fine, pick: '', add_fine: null })

afterEach(() => vi.unstubAllGlobals())

describe('CompareDialog', () => {
  it('reads both editions and shows what the draft changes', async () => {
    vi.stubGlobal('fetch', vi.fn(async (url: string) => {
      const id = Number(/editions\/(\d+)/.exec(url)![1])
      const body = url.includes('/circumstances')
        ? { items: id === 1 ? [circ('A', 300), circ('B', 200)] : [circ('A', 400), circ('C', 100)], total: 2 }
        : { ...edition(id, id === 1 ? 'published' : 'draft'), factors: [] }
      return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } })
    }))
    const pinia = createPinia()
    setActivePinia(pinia)
    i18n.global.locale.value = 'zh-CN'
    const w = mount(CompareDialog, {
      props: { modelValue: false, base: edition(1, 'published'), target: edition(2, 'draft') },
      global: { plugins: [pinia, i18n, ElementPlus] },
      attachTo: document.body,
    })
    await w.setProps({ modelValue: true })
    await flushPromises()
    const text = document.body.textContent ?? ''
    expect(text).toContain('修改 (1)')
    expect(text).toContain('新增 (1)')
    expect(text).toContain('删除 (1)')
    expect(text).toContain('300 → 400')
    w.unmount()
  })
})
