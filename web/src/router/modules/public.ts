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
  {
    // The monthly community-police assessment results, published (stations, grids, police numbers; no names).
    path: '/assessment-results',
    name: 'assessment-results',
    component: () => import('@/views/public/assessment/index.vue'),
    meta: { title: 'assessment.public.title', public: true },
  },
]

export default publicRoutes
