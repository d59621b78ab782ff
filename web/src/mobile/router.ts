// The phone app's routes, under the /m/ base (history mode; the server serves m/index.html for every /m/… path,
// static_files.cpp). Route names that the shared guard (router/guard.ts) knows — login, password, totp-enrol,
// home, profile, forbidden — mean the same here as on the desktop. `tab` marks the pages with the bottom bar.
import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import { useSessionStore } from '@/store/modules/session'
import { decide } from '@/router/guard'
import { i18n } from './i18n'
import { restOfKit } from './vant'
import { loadPageMessages } from './i18n'
// The login page is part of the entry, not a lazily loaded chunk: on a slow network each chunk is another round
// trip before the form shows (issue 15: first load under 3 s on 3G; ADR 0059).
import LoginPage from './views/LoginPage.vue'
import type { SessionInfo } from '@/api/session'

// The session as last seen online, for this browsing session only: a reload with no network keeps the officer
// in the app (the queue and the kept data stay usable); the server decides again once it is reachable.
const SESSION_COPY = 'jw_m_session'
let storeFor = 0

declare module 'vue-router' {
  interface RouteMeta {
    tab?: boolean
  }
}

export const PHONE_BASE = '/m/'

export const mobileRoutes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: LoginPage, meta: { public: true, title: 'mobile.login.title' } },
  { path: '/password', name: 'password', component: () => import('./views/PasswordPage.vue'), meta: { title: 'mobile.password.title' } },
  { path: '/totp', name: 'totp-enrol', component: () => import('./views/TotpPage.vue'), meta: { title: 'mobile.totp.title' } },
  {
    path: '/',
    name: 'home',
    component: () => import('./views/HomePage.vue'),
    meta: { tab: true, title: 'mobile.home.title' },
    // Outlet staff (courier, issue 17) have no grid or tasks: their home is the counter.
    beforeEnter: () => {
      const s = useSessionStore()
      return s.can('courier.record.create') && !s.can('community.work.read') ? { name: 'courier-counter' } : true
    },
  },
  {
    path: '/people/new',
    name: 'person-new',
    component: () => import('./views/PersonRegister.vue'),
    meta: { tab: true, title: 'mobile.person.title', permission: 'community.person.write' },
  },
  {
    path: '/houses/new',
    name: 'house-new',
    component: () => import('./views/HouseRegister.vue'),
    meta: { title: 'mobile.house.title', permission: 'community.house.write' },
  },
  {
    path: '/orgs/new',
    name: 'org-new',
    component: () => import('./views/OrgRegister.vue'),
    meta: { title: 'mobile.org.title', permission: 'community.org.write' },
  },
  {
    path: '/visits/new',
    name: 'visit-new',
    component: () => import('./views/VisitNew.vue'),
    meta: { title: 'mobile.visit.title', permission: 'community.work.write' },
  },
  {
    path: '/tasks',
    name: 'tasks',
    component: () => import('./views/TaskList.vue'),
    meta: { tab: true, title: 'mobile.tasks.title', permission: 'community.work.read' },
  },
  {
    path: '/tasks/:id(\\d+)',
    name: 'task',
    component: () => import('./views/TaskReport.vue'),
    meta: { title: 'mobile.task.title', permission: 'community.work.write' },
  },
  {
    path: '/property',
    name: 'property-scan',
    component: () => import('./views/PropertyScan.vue'),
    meta: { title: 'property.mobile.title', permission: 'property.read' },
  },
  {
    path: '/check',
    name: 'check',
    component: () => import('./views/CheckPage.vue'),
    meta: { title: 'field.check.title', permission: 'field.check' },
  },
  {
    path: '/vehicle',
    name: 'vehicle',
    component: () => import('./views/VehicleCheck.vue'),
    meta: { title: 'field.vehicle.title', permission: 'watch.read' },
  },
  {
    path: '/courier',
    name: 'courier-counter',
    component: () => import('./views/CourierCounter.vue'),
    meta: { tab: true, title: 'courier.counter.title', permission: 'courier.record.create' },
  },
  {
    path: '/patrol',
    name: 'patrol',
    component: () => import('./views/PatrolPage.vue'),
    meta: { title: 'dispatch.phone.title', permission: 'dispatch.respond' },
  },
  { path: '/pending', name: 'pending', component: () => import('./views/PendingPage.vue'), meta: { title: 'field.pending.title' } },
  {
    path: '/people/:id(\\d+)/verify',
    name: 'person-edit',
    component: () => import('./views/PersonEdit.vue'),
    meta: { title: 'field.edit.title', permission: 'community.person.write' },
  },
  { path: '/me', name: 'profile', component: () => import('./views/MePage.vue'), meta: { tab: true, title: 'mobile.me.title' } },
  { path: '/forbidden', name: 'forbidden', component: () => import('./views/ForbiddenPage.vue'), meta: { public: true, title: 'mobile.forbidden.title' } },
  { path: '/:rest(.*)*', redirect: { name: 'home' } },
]

export const router = createRouter({ history: createWebHistory(PHONE_BASE), routes: mobileRoutes })

// Asks the server who is logged in; unreachable, takes the copy of this browsing session.
async function resolveSession(session: ReturnType<typeof useSessionStore>): Promise<void> {
  try {
    await session.ensure()
  } catch {
    const copy = sessionStorage.getItem(SESSION_COPY)
    // (the server is unreachable: a 401 would have cleared the session without throwing)
    if (copy) session.info = JSON.parse(copy) as SessionInfo
    else session.clear()
  }
  if (session.info) sessionStorage.setItem(SESSION_COPY, JSON.stringify(session.info))
}

// Every page but the login needs the rest of the kit and the other pages' words (ADR 0064: the first load on 3G
// carries only the login form's).
export function pagesReady(): Promise<unknown> {
  return Promise.all([restOfKit(), loadPageMessages()])
}

router.beforeEach(async (to) => {
  const session = useSessionStore()
  if (to.name !== 'login') await pagesReady()
  if (to.name === 'login' && !session.checked) {
    // The login form shows at once, without waiting a round trip for GET /session; a session that turns out to
    // be still valid moves on to the home page as the guard would have.
    void resolveSession(session).then(() => {
      if (session.loggedIn && router.currentRoute.value.name === 'login') void router.replace({ name: 'home' })
    })
    return true
  }
  await resolveSession(session)
  const user = session.user
  if (user && storeFor !== user.id && !session.mustChangePassword && !session.totpEnrolmentRequired) {
    storeFor = user.id
    // (the store, its encryption and the queue are loaded here, not in the login page's first load: ADR 0064)
    const id = user.id
    void import('./offline/start').then((m) => m.openStore(id))
  }
  if (!user) storeFor = 0
  return decide(to, {
    loggedIn: session.loggedIn,
    mustChangePassword: session.mustChangePassword,
    totpEnrolmentRequired: session.totpEnrolmentRequired,
    can: session.can,
  })
})

router.afterEach((to) => {
  const t = i18n.global.t
  const app = t('mobile.appTitle')
  document.title = to.meta.title ? `${t(to.meta.title)} · ${app}` : app
})
