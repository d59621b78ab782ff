import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent } from 'vue'
import { mount } from '@vue/test-utils'
import type { FormInstance } from 'element-plus'
import { i18n } from '@/locales'
import { ApiError } from '@/api/http'

const toast = vi.hoisted(() => vi.fn())
vi.mock('element-plus', async (orig) => ({ ...(await orig<object>()), ElMessage: { error: toast } }))

import { useSubmit } from './useSubmit'

// useSubmit needs a component around it (useI18n).
function harness(fields: Parameters<typeof useSubmit>[0]) {
  let api!: ReturnType<typeof useSubmit>
  const C = defineComponent({ setup: () => { api = useSubmit(fields); return () => null } })
  mount(C, { global: { plugins: [i18n] } })
  return api
}

const form = (ok: boolean) => ({ validate: () => (ok ? Promise.resolve(true) : Promise.reject(new Error('invalid'))) }) as unknown as FormInstance

afterEach(() => toast.mockClear())

describe('useSubmit', () => {
  it('is busy while the work runs and answers true when it succeeded', async () => {
    const s = harness([])
    let release!: () => void
    const p = s.run(() => new Promise<void>((r) => (release = r)))
    await Promise.resolve()
    expect(s.busy.value).toBe(true)
    expect(await s.run(async () => undefined)).toBe(false) // a second click while busy does nothing
    release()
    expect(await p).toBe(true)
    expect(s.busy.value).toBe(false)
  })

  it('puts a field problem next to its field without a toast, and answers false', async () => {
    i18n.global.locale.value = 'zh-CN'
    const s = harness(['name'])
    const ok = await s.run(() => Promise.reject(new ApiError(400, { code: 'invalid_argument', message: 'bad', fields: { name: 'required' } })))
    expect(ok).toBe(false)
    expect(s.busy.value).toBe(false)
    expect(s.fields.name).toBe(i18n.global.t('errors.field.required'))
    expect(toast).not.toHaveBeenCalled()
  })

  it('toasts what no form field shows; a fields function is read at failure time', async () => {
    const names = ['a']
    const s = harness(() => names)
    names.push('rows[0].x')
    await s.run(() => Promise.reject(new ApiError(400, { code: 'invalid_argument', message: 'bad', fields: { 'rows[0].x': 'required' } })))
    expect(toast).not.toHaveBeenCalled()
    await s.run(() => Promise.reject(new ApiError(409, { code: 'conflict', message: 'changed' })))
    expect(toast).toHaveBeenCalledTimes(1)
    expect(s.fields['rows[0].x']).toBeUndefined() // the next attempt starts clean
  })

  it('validates the form first and runs nothing when it is invalid', async () => {
    const s = harness([])
    const work = vi.fn(async () => undefined)
    expect(await s.run(work, form(false))).toBe(false)
    expect(work).not.toHaveBeenCalled()
    expect(await s.run(work, form(true))).toBe(true)
    expect(work).toHaveBeenCalledTimes(1)
  })
})
