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
  {
    // The website / WeChat form of the service supervision centre, behind the public SMS-code login (ADR 0058).
    path: '/service',
    name: 'service-form',
    component: () => import('@/views/public/service/index.vue'),
    meta: { title: 'servicedesk.public.title', public: true },
  },
  {
    path: '/service-progress',
    name: 'service-progress',
    component: () => import('@/views/public/service-progress/index.vue'),
    meta: { title: 'servicedesk.progress.title', public: true },
  },
]

export default publicRoutes
