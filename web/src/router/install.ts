// Wires the session into the router (guards, titles) and into the http wrapper (CSRF token, auth errors).
import type { Router } from 'vue-router'
import { ElMessage } from 'element-plus'
import { setHttpHooks, type ApiError } from '@/api/http'
import { useSessionStore } from '@/store/modules/session'
import { i18n } from '@/locales'
import { decide } from './guard'

export function installGuards(router: Router): void {
  const session = useSessionStore()
  const t = i18n.global.t

  setHttpHooks({
    csrfToken: () => session.csrf,
    language: () => i18n.global.locale.value,
    onAuthError: (err: ApiError) => {
      const current = router.currentRoute.value
      if (err.code === 'password_change_required') {
        if (session.info) session.info.must_change_password = true
        if (current.name !== 'password') void router.replace({ name: 'password' })
        return
      }
      // A role of this account came to require a second factor: only enrolment is open until it is set up.
      if (err.code === 'totp_enrolment_required') {
        if (session.info) session.info.totp_enrolment_required = true
        if (current.name !== 'totp-enrol') void router.replace({ name: 'totp-enrol' })
        return
      }
      if (!session.loggedIn || current.meta.public) return
      session.clear()
      ElMessage.warning(t('session.login.expired'))
      void router.replace({ name: 'login', query: { redirect: current.fullPath } })
    },
  })

  router.beforeEach(async (to) => {
    try {
      await session.ensure()
    } catch {
      // server unreachable: treat as logged out; the login page says why when it tries
      session.clear()
    }
    return decide(to, {
      loggedIn: session.loggedIn,
      mustChangePassword: session.mustChangePassword,
      totpEnrolmentRequired: session.totpEnrolmentRequired,
      can: session.can,
    })
  })

  router.afterEach((to) => {
    const app = t('common.appTitle')
    document.title = to.meta.title ? `${t(to.meta.title)} · ${app}` : app
  })
}
