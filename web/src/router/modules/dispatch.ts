import type { RouteRecordRaw } from 'vue-router'

// 110 dispatch (接处警, issue 18, ADR 0057): the duty desk's intake, the live board, a call's page, callbacks, the
// department's work orders (dept_staff accounts) and the figures.
const dispatch: RouteRecordRaw = {
  path: 'dispatch',
  name: 'dispatch',
  meta: { title: 'dispatch.menu.root', icon: 'PhoneFilled', permission: ['dispatch.read', 'dispatch.workorder'] },
  children: [
    {
      path: 'intake',
      name: 'dispatch-intake',
      component: () => import('@/views/dispatch/intake/index.vue'),
      meta: { title: 'dispatch.menu.intake', icon: 'Phone', permission: 'dispatch.intake' },
    },
    {
      path: 'board',
      name: 'dispatch-board',
      component: () => import('@/views/dispatch/board/index.vue'),
      meta: { title: 'dispatch.menu.board', icon: 'DataBoard', permission: 'dispatch.read' },
    },
    {
      path: 'calls/:id(\\d+)',
      name: 'dispatch-call',
      component: () => import('@/views/dispatch/call/index.vue'),
      meta: { title: 'dispatch.menu.call', permission: 'dispatch.read', hideInMenu: true },
    },
    {
      path: 'callbacks',
      name: 'dispatch-callbacks',
      component: () => import('@/views/dispatch/callbacks/index.vue'),
      meta: { title: 'dispatch.menu.callbacks', icon: 'ChatDotRound', permission: ['dispatch.callback', 'dispatch.review'] },
    },
    {
      path: 'dept',
      name: 'dispatch-dept',
      component: () => import('@/views/dispatch/dept/index.vue'),
      meta: { title: 'dispatch.menu.dept', icon: 'Tickets', permission: 'dispatch.workorder' },
    },
    {
      path: 'figures',
      name: 'dispatch-figures',
      component: () => import('@/views/dispatch/figures/index.vue'),
      meta: { title: 'dispatch.menu.figures', icon: 'PieChart', permission: 'dispatch.figures' },
    },
  ],
}

export default dispatch
