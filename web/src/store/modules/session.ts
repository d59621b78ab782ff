// Who is logged in, with what permissions; the CSRF token for the http wrapper. Crosses every page.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import * as api from '@/api/session'
import { ApiError, readCookie } from '@/api/http'
import type { SessionInfo, LoginRequest } from '@/api/session'

export const useSessionStore = defineStore('session', () => {
  const info = ref<SessionInfo | null>(null)
  // True once GET /session has answered (either way) since the page loaded.
  const checked = ref(false)

  const user = computed(() => info.value?.user ?? null)
  const loggedIn = computed(() => info.value !== null)
  const permissions = computed(() => new Set(info.value?.permissions ?? []))
  const csrf = computed(() => info.value?.csrf_token)
  const mustChangePassword = computed(() => info.value?.must_change_password === true)
  const totpEnrolmentRequired = computed(() => info.value?.totp_enrolment_required === true)

  function can(permission: string | string[] | undefined): boolean {
    if (!permission) return true
    const list = Array.isArray(permission) ? permission : [permission]
    return list.length === 0 || list.some((p) => permissions.value.has(p))
  }

  // Loads the session from the cookie. Resolves false when there is none (401).
  async function refresh(): Promise<boolean> {
    try {
      info.value = await api.getSession()
      return true
    } catch (e) {
      if (e instanceof ApiError && (e.status === 401 || e.status === 403)) {
        info.value = null
        return false
      }
      throw e
    } finally {
      checked.value = true
    }
  }

  // Without the jw_csrf cookie (set with the session) there is no session to ask about.
  async function ensure(): Promise<boolean> {
    if (checked.value) return loggedIn.value
    if (!readCookie('jw_csrf')) {
      clear()
      return false
    }
    return refresh()
  }

  async function login(req: LoginRequest): Promise<SessionInfo> {
    const s = await api.login(req)
    info.value = s
    checked.value = true
    return s
  }

  async function logout(): Promise<void> {
    try {
      await api.logout()
    } finally {
      clear()
    }
  }

  function clear(): void {
    info.value = null
    checked.value = true
  }

  return {
    info,
    checked,
    user,
    loggedIn,
    permissions,
    csrf,
    mustChangePassword,
    totpEnrolmentRequired,
    can,
    refresh,
    ensure,
    login,
    logout,
    clear,
  }
})
