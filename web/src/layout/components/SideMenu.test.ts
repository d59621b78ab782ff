import { describe, expect, it } from 'vitest'
import { mount, flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus from 'element-plus'
import { createMemoryHistory, createRouter } from 'vue-router'
import { i18n } from '@/locales'
import { routes } from '@/router'
import { useSessionStore } from '@/store/modules/session'
import SideMenu from './SideMenu.vue'

async function renderFor(permissions: string[]) {
  const pinia = createPinia()
  setActivePinia(pinia)
  const session = useSessionStore()
  session.info = {
    user: {
      id: 1,
      username: 'admin',
      police_no: '000001',
      name: '管理员',
      unit_id: 1,
      unit_name: '示范县公安局',
      roles: ['sys_admin'],
      phone: '138****5678',
      status: 'active',
      totp_enabled: false,
      last_login_at: null,
      created_at: '2026-11-01T00:00:00Z',
    },
    csrf_token: 'c',
    must_change_password: false,
    totp_enrolment_required: false,
    permissions,
    idle_timeout_s: 1800,
  }
  const router = createRouter({ history: createMemoryHistory(), routes })
  await router.push('/')
  const w = mount(SideMenu, { props: { collapsed: false }, global: { plugins: [pinia, i18n, router, ElementPlus] } })
  await flushPromises()
  return w
}

describe('SideMenu', () => {
  it('renders menu-<route-name> items for permitted pages only, in the chosen language', async () => {
    i18n.global.locale.value = 'zh-CN'
    const w = await renderFor(['unit.read', 'user.read', 'user.write'])
    expect(w.find('[data-testid="menu-system-units"]').exists()).toBe(true)
    expect(w.find('[data-testid="menu-system-users"]').text()).toContain('用户管理')
    expect(w.find('[data-testid="menu-audit-log"]').exists()).toBe(false)
    expect(w.find('[data-testid="menu-security-roles"]').exists()).toBe(false)
    expect(w.text()).toContain('示范县公安局 · 警务平台')
    i18n.global.locale.value = 'en'
    await flushPromises()
    expect(w.find('[data-testid="menu-system-users"]').text()).toContain('Users')
    i18n.global.locale.value = 'zh-CN'
  })

  it('shows the audit administrator the audit pages', async () => {
    const w = await renderFor(['audit.read', 'audit.export', 'audit.verify'])
    expect(w.find('[data-testid="menu-audit-log"]').exists()).toBe(true)
    expect(w.find('[data-testid="menu-audit-verify"]').exists()).toBe(true)
    expect(w.find('[data-testid="menu-system-units"]').exists()).toBe(false)
  })
})
