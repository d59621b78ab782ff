import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus, { ElDialog } from 'element-plus'
import { i18n } from '@/locales'
import AppDialog from './AppDialog.vue'

type Props = InstanceType<typeof AppDialog>['$props']

async function open(props: Partial<Props> = {}, slots: Record<string, string> = {}) {
  const pinia = createPinia()
  setActivePinia(pinia)
  const w = mount(AppDialog, {
    props: { modelValue: true, title: '标题', ...props },
    slots: { default: '<p class="body">内容</p>', ...slots },
    attrs: { 'data-testid': 'the-dialog' },
    global: { plugins: [pinia, i18n, ElementPlus] },
    attachTo: document.body,
  })
  await flushPromises()
  return w
}

// The dialog is teleported to <body>; its footer buttons are found there.
function footerButtons(): HTMLButtonElement[] {
  return [...document.querySelectorAll<HTMLButtonElement>('.el-dialog__footer button')]
}

afterEach(() => {
  document.body.innerHTML = ''
  i18n.global.locale.value = 'zh-CN'
})

describe('AppDialog', async () => {
  it('shows title, body and the shared footer in the current language', async () => {
    i18n.global.locale.value = 'zh-CN'
    const w = await open()
    expect(document.querySelector('.el-dialog__title')?.textContent).toBe('标题')
    expect(document.querySelector('.body')?.textContent).toBe('内容')
    expect(footerButtons().map((b) => b.textContent?.trim())).toEqual(['取消', '确定'])
    i18n.global.locale.value = 'en'
    await w.vm.$nextTick()
    expect(footerButtons().map((b) => b.textContent?.trim())).toEqual(['Cancel', 'OK'])
    w.unmount()
  })

  it('emits confirm and leaves closing to the caller; cancel closes and says so', async () => {
    const w = await open()
    footerButtons()[1].click()
    expect(w.emitted('confirm')).toHaveLength(1)
    expect(w.emitted('update:modelValue')).toBeUndefined()
    footerButtons()[0].click()
    expect(w.emitted('cancel')).toHaveLength(1)
    expect(w.emitted('update:modelValue')).toEqual([[false]])
    w.unmount()
  })

  it('shows the loading state while busy and does not confirm twice', async () => {
    const w = await open({ busy: true })
    const confirm = footerButtons()[1]
    expect(confirm.classList.contains('is-loading')).toBe(true)
    confirm.click()
    expect(w.emitted('confirm')).toBeUndefined()
    await w.setProps({ busy: false })
    expect(footerButtons()[1].classList.contains('is-loading')).toBe(false)
    w.unmount()
  })

  it('disables the confirm button when told', async () => {
    const w = await open({ confirmDisabled: true })
    const confirm = footerButtons()[1]
    expect(confirm.disabled).toBe(true)
    confirm.click()
    expect(w.emitted('confirm')).toBeUndefined()
    w.unmount()
  })

  it('takes the caller\'s words, button type and test ids', async () => {
    const w = await open({ confirmText: '驳回', cancelText: '算了', confirmType: 'danger', confirmTestid: 'go', cancelTestid: 'stop' })
    const [cancel, confirm] = footerButtons()
    expect(cancel.textContent?.trim()).toBe('算了')
    expect(cancel.dataset.testid).toBe('stop')
    expect(confirm.textContent?.trim()).toBe('驳回')
    expect(confirm.dataset.testid).toBe('go')
    expect(confirm.classList.contains('el-button--danger')).toBe(true)
    w.unmount()
  })

  it('hides the confirm button on request; cancel then reads close', async () => {
    const w = await open({ hideConfirm: true })
    expect(footerButtons().map((b) => b.textContent?.trim())).toEqual(['关闭'])
    w.unmount()
  })

  it('lets a caller replace the footer', async () => {
    const w = await open({}, { footer: '<button class="own">复制</button>' })
    expect(footerButtons().map((b) => b.textContent?.trim())).toEqual(['复制'])
    w.unmount()
  })

  it('keeps typed input: a mask click does not close; passes width and attributes to el-dialog', async () => {
    const w = await open({ width: 560 })
    const d = w.findComponent(ElDialog)
    expect(d.props('closeOnClickModal')).toBe(false)
    expect(d.props('appendToBody')).toBe(true)
    expect(d.props('width')).toBe('560px')
    expect(document.querySelector('[data-testid="the-dialog"]')).not.toBeNull()
    w.unmount()
  })
})
