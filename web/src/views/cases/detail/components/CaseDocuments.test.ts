import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus from 'element-plus'
import { i18n } from '@/locales'
import type { Case } from '@/api/cases'
import CaseDocuments from './CaseDocuments.vue'

// Only what the component reads: the id and the events.
const detail = (actions: string[]) =>
  ({ id: 7, case_no: 'A5199012026110001', events: actions.map((action) => ({ action })) }) as unknown as Case

function render(canReadFull: boolean, actions = ['accept']) {
  setActivePinia(createPinia())
  i18n.global.locale.value = 'zh-CN'
  return mount(CaseDocuments, {
    props: { detail: detail(actions), canReadFull },
    global: { plugins: [ElementPlus, i18n] },
    attachTo: document.body,
  })
}

afterEach(() => {
  vi.restoreAllMocks()
  document.body.innerHTML = ''
})

describe('CaseDocuments', () => {
  it('asks for the purpose and case number before printing a document with people, then opens it with them', async () => {
    const open = vi.spyOn(window, 'open').mockReturnValue(null)
    const w = render(true)
    const form = w.find('[data-doc="acceptance_form"]')
    expect(form.find('a').exists()).toBe(false) // no direct link without a purpose
    await form.find('[data-testid="document-print"]').trigger('click')
    await flushPromises()
    expect(open).not.toHaveBeenCalled()
    const text = document.querySelector('[data-testid="purpose-text"] input, input[data-testid="purpose-text"]') as HTMLInputElement
    const caseNo = document.querySelector('[data-testid="purpose-case-no"] input, input[data-testid="purpose-case-no"]') as HTMLInputElement
    text.value = ' 交当事人 '
    text.dispatchEvent(new Event('input'))
    caseNo.value = 'A5199012026110001'
    caseNo.dispatchEvent(new Event('input'))
    await flushPromises()
    ;(document.querySelector('[data-testid="purpose-submit"]') as HTMLButtonElement).click()
    await flushPromises()
    expect(open).toHaveBeenCalledTimes(1)
    expect(open.mock.calls[0][0]).toBe(
      `/api/v1/cases/7/documents/acceptance_form.html?purpose=${encodeURIComponent('交当事人')}&case_no=A5199012026110001`,
    )
  })

  it('offers documents with people only to users who may see people in full; the filing decision to all', () => {
    const w = render(false, ['accept', 'file'])
    const form = w.find('[data-doc="acceptance_form"]')
    expect(form.find('[data-testid="document-print"]').exists()).toBe(false)
    expect(form.find('a').exists()).toBe(false)
    expect(form.find('[data-testid="document-needs-permission"]').exists()).toBe(true)
    const decision = w.find('[data-doc="filing_decision"]')
    expect(decision.find('a').attributes('href')).toBe('/api/v1/cases/7/documents/filing_decision.html')
  })
})
