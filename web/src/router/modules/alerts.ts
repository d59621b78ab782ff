import type { RouteRecordRaw } from 'vue-router'

// Intelligence command centre (情指一体): the live four-colour alert board and its statistics.
const alerts: RouteRecordRaw = {
  path: 'alerts',
  name: 'alerts',
  meta: { title: 'alerts.menu.root', icon: 'Bell', permission: ['alerts.read', 'alerts.board'] },
  redirect: { name: 'alerts-board' },
  children: [
    {
      path: 'board',
      name: 'alerts-board',
      component: () => import('@/views/alerts/board/index.vue'),
      meta: { title: 'alerts.menu.board', icon: 'Warning', permission: 'alerts.read' },
    },
    {
      path: 'stats',
      name: 'alerts-stats',
      component: () => import('@/views/alerts/stats/index.vue'),
      meta: { title: 'alerts.menu.stats', icon: 'DataAnalysis', permission: 'alerts.board' },
    },
  ],
}

export default alerts
