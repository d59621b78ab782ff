import type { RouteRecordRaw } from 'vue-router'

// Pages outside the layout: login, and the two steps a user cannot skip after it.
const session: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('@/views/session/login/index.vue'),
    meta: { title: 'session.login.title', public: true },
  },
  {
    path: '/password',
    name: 'password',
    component: () => import('@/views/session/password/index.vue'),
    meta: { title: 'session.password.title' },
  },
  {
    path: '/totp-enrol',
    name: 'totp-enrol',
    component: () => import('@/views/session/totp/index.vue'),
    meta: { title: 'session.totp.title' },
  },
]

export default session
