import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { i18n } from '@/locales'

const listSavedForCase = vi.fn()
vi.mock('@/api/analysis', () => ({ listSavedForCase: (caseNo: string) => listSavedForCase(caseNo) }))

import CaseAnalyses from './CaseAnalyses.vue'

describe('CaseAnalyses', () => {
  it('lists the analyses saved to the case by kind, rows and note', async () => {
    listSavedForCase.mockResolvedValue({
      items: [{ id: 3, kind: 'trajectory', row_count: 12, created_at: '2026-11-27T02:00:00Z', saved_at: '2026-11-27T02:05:00Z',
        note: '嫌疑车辆案发前后轨迹', params: {}, purpose: '侦查', case_no: 'A5199012026110001', status: 'done', progress: 100,
        phase: '', started_at: null, finished_at: null }],
      total: 1,
    })
    const w = mount(CaseAnalyses, { props: { caseNo: 'A5199012026110001' }, global: { plugins: [ElementPlus, i18n] } })
    await flushPromises()
    expect(listSavedForCase).toHaveBeenCalledWith({ case_no: 'A5199012026110001', purpose: expect.any(String) })
    const text = w.find('[data-testid="case-analyses"]').text()
    expect(text).toContain('轨迹查询')
    expect(text).toContain('12')
    expect(text).toContain('嫌疑车辆案发前后轨迹')
  })
})
