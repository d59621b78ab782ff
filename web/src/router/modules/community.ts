import type { RouteRecordRaw } from 'vue-router'

// Community policing (一标三实, issue 14): one menu group; each part adds its pages as children (the lead merges).
const community: RouteRecordRaw = {
  path: 'community',
  name: 'community',
  meta: { title: 'community.menu.group', icon: 'OfficeBuilding', permission: ['community.grid.read'] },
  redirect: { name: 'community-grids-map' },
  children: [
    {
      path: 'grids/map',
      name: 'community-grids-map',
      component: () => import('@/views/community/grids/map/index.vue'),
      meta: { title: 'grids.menu.map', icon: 'MapLocation', permission: 'community.grid.read' },
    },
    {
      path: 'grids/rates',
      name: 'community-grids-rates',
      component: () => import('@/views/community/grids/list/index.vue'),
      meta: { title: 'grids.menu.rates', icon: 'DataAnalysis', permission: 'community.grid.read' },
    },
    {
      path: 'grids/:code',
      name: 'community-grid-detail',
      component: () => import('@/views/community/grids/detail/index.vue'),
      meta: { title: 'grids.menu.detail', permission: 'community.grid.read', hideInMenu: true },
    },
  ],
}

export default community
