import type { RouteRecordRaw } from 'vue-router'

// Pages for the public, without a session: a reporter or victim follows their case with its number and the
// query code sent by SMS.
const publicRoutes: RouteRecordRaw[] = [
  {
    path: '/progress',
    name: 'case-progress',
    component: () => import('@/views/public/progress/index.vue'),
    meta: { title: 'cases.progress.title', public: true },
  },
]

export default publicRoutes
