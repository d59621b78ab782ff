import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import home from './modules/home'
import todo from './modules/todo'
import system from './modules/system'
import security from './modules/security'
import audit from './modules/audit'
import discretion from './modules/discretion'
import alerts from './modules/alerts'
import checkpoint from './modules/checkpoint'
import personal from './modules/personal'
import session from './modules/session'
import cases from './modules/cases'
import assessment from './modules/assessment'
import community from './modules/community'
import orgs from './modules/orgs'
import property from './modules/property'
import personwatch from './modules/personwatch'
import servicedesk from './modules/servicedesk'
import courier, { courierStaff } from './modules/courier'
import dispatch from './modules/dispatch'
import publicRoutes from './modules/public'

// Children of the layout, in menu order.
export const layoutRoutes: RouteRecordRaw[] = [home, todo, alerts, dispatch, checkpoint, personwatch, courier, cases, property, servicedesk, community, assessment, discretion, orgs, courierStaff, system, security, audit, personal]

export const routes: RouteRecordRaw[] = [
  ...session,
  ...publicRoutes,
  {
    path: '/',
    component: () => import('@/layout/AppLayout.vue'),
    children: [
      ...layoutRoutes,
      {
        path: '403',
        name: 'forbidden',
        component: () => import('@/views/error/forbidden/index.vue'),
        meta: { title: 'common.error.forbiddenTitle', hideInMenu: true },
      },
    ],
  },
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('@/views/error/not-found/index.vue'),
    meta: { title: 'common.error.notFoundTitle', public: true },
  },
]

export const router = createRouter({
  history: createWebHistory(),
  routes,
  scrollBehavior: () => ({ top: 0 }),
})
