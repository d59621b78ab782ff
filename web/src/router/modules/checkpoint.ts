import type { RouteRecordRaw } from 'vue-router'

// Checkpoint platform (动态视频立体防控): the offline map of checkpoints, the device registry and GA/T 1400
// clients, watch orders (布控), vehicle analyses (trajectory, companion, collision, first appearance, cloned
// plates, night activity), pass statistics and the bulk import of historical passes.
const checkpoint: RouteRecordRaw = {
  path: 'checkpoint',
  name: 'checkpoint',
  meta: {
    title: 'checkpoint.menu.root',
    icon: 'VideoCamera',
    permission: ['checkpoint.read', 'checkpoint.admin', 'watch.read', 'analysis.run', 'checkpoint.stats'],
  },
  redirect: { name: 'checkpoint-map' },
  children: [
    {
      path: 'map',
      name: 'checkpoint-map',
      component: () => import('@/views/checkpoint/map/index.vue'),
      meta: { title: 'checkpoint.menu.map', icon: 'MapLocation', permission: 'checkpoint.read' },
    },
    {
      path: 'analysis',
      name: 'checkpoint-analysis',
      component: () => import('@/views/checkpoint/analysis/index.vue'),
      meta: { title: 'analysis.menu', icon: 'Aim', permission: 'analysis.run' },
    },
    {
      path: 'watch',
      name: 'checkpoint-watch',
      component: () => import('@/views/checkpoint/watch/index.vue'),
      meta: { title: 'watch.menu', icon: 'Warning', permission: 'watch.read' },
    },
    {
      path: 'stats',
      name: 'checkpoint-stats',
      component: () => import('@/views/checkpoint/stats/index.vue'),
      meta: { title: 'checkpoint.menu.stats', icon: 'TrendCharts', permission: 'checkpoint.stats' },
    },
    {
      path: 'devices',
      name: 'checkpoint-devices',
      component: () => import('@/views/checkpoint/devices/index.vue'),
      meta: { title: 'checkpoint.menu.devices', icon: 'Setting', permission: ['checkpoint.admin', 'checkpoint.read'] },
    },
    {
      path: 'clients',
      name: 'checkpoint-clients',
      component: () => import('@/views/checkpoint/clients/index.vue'),
      meta: { title: 'viid.menu', icon: 'Connection', permission: 'checkpoint.admin' },
    },
    {
      path: 'import',
      name: 'checkpoint-import',
      component: () => import('@/views/checkpoint/import/index.vue'),
      meta: { title: 'viid.import_menu', icon: 'Upload', permission: 'checkpoint.admin' },
    },
  ],
}

export default checkpoint
