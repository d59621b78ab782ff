// The phone app (ADR 0039): a second entry of the web project, served at /m/. It shares the desktop's HTTP
// wrapper, session store, route guard and locale files, and uses Vant instead of Element Plus (which it must
// never import: see the bundle check in the ADR).
import { createApp } from 'vue'
import { showToast } from 'vant'
import 'vant/es/style/base.css'
import './styles.css'
import App from './App.vue'
import { pinia } from '@/store'
import { setHttpHooks, type ApiError } from '@/api/http'
import { useSessionStore } from '@/store/modules/session'
import { i18n } from './i18n'
import { installKit } from './vant'
import { router } from './router'

const app = createApp(App)
app.use(pinia)
app.use(i18n)
installKit(app)

const session = useSessionStore()
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
    if (err.code === 'totp_enrolment_required') {
      if (session.info) session.info.totp_enrolment_required = true
      if (current.name !== 'totp-enrol') void router.replace({ name: 'totp-enrol' })
      return
    }
    if (!session.loggedIn || current.meta.public) return
    session.clear()
    showToast(i18n.global.t('mobile.login.expired'))
    void router.replace({ name: 'login', query: { redirect: current.fullPath } })
  },
})

app.use(router)
app.mount('#app')
// The other pages' components and words are not fetched here: the router fetches them before the first page
// after the login (the service worker has them precached by then). Fetched right after the first paint, they
// still delayed the login form on a starved CPU (measured side by side, ADR 0064).

// Installable and offline (ADR 0053): the service worker at /m/sw.js (scope /m/) precaches the phone's shell.
// Registered once the page has loaded and the browser is idle (the login form painted): its start and the
// precache of the phone's files no longer compete with the first screen's scripts for the phone's CPU (ADR 0069).
if ('serviceWorker' in navigator && import.meta.env.PROD) {
  const register = () => void navigator.serviceWorker.register('/m/sw.js', { scope: '/m/' }).catch(() => undefined)
  const whenIdle = () => ('requestIdleCallback' in window ? requestIdleCallback(register, { timeout: 3000 }) : setTimeout(register, 500))
  if (document.readyState === 'complete') whenIdle()
  else window.addEventListener('load', whenIdle, { once: true })
}
