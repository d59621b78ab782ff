import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus from 'element-plus'
import { createMemoryHistory, createRouter } from 'vue-router'
import { i18n } from '@/locales'
import { useSessionStore } from '@/store/modules/session'
import AuthCard from './AuthCard.vue'

async function mountCard(logout: boolean) {
  const pinia = createPinia()
  setActivePinia(pinia)
  const blank = { template: '<div />' }
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/login', name: 'login', component: blank }, { path: '/password', name: 'password', component: blank }],
  })
  await router.push('/password')
  i18n.global.locale.value = 'zh-CN'
  const w = mount(AuthCard, { props: { title: '修改初始密码', logout }, global: { plugins: [pinia, i18n, router, ElementPlus] } })
  return { w, router, session: useSessionStore() }
}

describe('AuthCard', () => {
  it('offers no way out unless asked', async () => {
    const { w } = await mountCard(false)
    expect(w.find('[data-testid="logout"]').exists()).toBe(false)
  })

  it('logs out of a forced step and lands on the login page, even when the server refuses', async () => {
    const { w, router, session } = await mountCard(true)
    const logout = vi.spyOn(session, 'logout').mockRejectedValue(new Error('session gone'))
    const button = w.find('[data-testid="logout"]')
    expect(button.text()).toBe(i18n.global.t('layout.header.logout'))
    await button.trigger('click')
    await flushPromises()
    expect(logout).toHaveBeenCalledTimes(1)
    expect(router.currentRoute.value.name).toBe('login')
  })
})
