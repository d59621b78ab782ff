import type { RouteRecordRaw } from 'vue-router'
import { TASK_ASSIGN, WORK_READ } from '@/api/communityWork'
import { DOSSIER_PERMISSION } from '@/api/dossier'

// Community policing and the master index (社区警务, 一标三实, issue 14): one menu group; each part's pages are
// children here — grids (ADR 0034), the officer's daily work (ADR 0035).
const community: RouteRecordRaw = {
  path: 'community',
  name: 'community',
  meta: { title: 'community.menu.group', icon: 'OfficeBuilding', permission: ['community.person.read', 'community.house.read', 'community.org.read', 'community.grid.read', WORK_READ, TASK_ASSIGN] },
  redirect: { name: 'community-people' },
  children: [
    {
      path: 'people',
      name: 'community-people',
      component: () => import('@/views/community/people/index.vue'),
      meta: { title: 'people.menu', icon: 'User', permission: 'community.person.read' },
    },
    {
      path: 'people/:id(\\d+)',
      name: 'community-person',
      component: () => import('@/views/community/people/detail.vue'),
      meta: { title: 'people.detailTitle', permission: 'community.person.read', hideInMenu: true },
    },
    {
      path: 'people/:id(\\d+)/dossier',
      name: 'community-dossier',
      component: () => import('@/views/community/dossier/index.vue'),
      meta: { title: 'dossier.title', permission: DOSSIER_PERMISSION, hideInMenu: true },
    },
    {
      path: 'houses',
      name: 'community-houses',
      component: () => import('@/views/community/houses/index.vue'),
      meta: { title: 'houses.menu.houses', icon: 'House', permission: 'community.house.read' },
    },
    {
      path: 'orgs',
      name: 'community-orgs',
      component: () => import('@/views/community/orgs/index.vue'),
      meta: { title: 'houses.menu.orgs', icon: 'School', permission: 'community.org.read' },
    },
    {
      path: 'transfer',
      name: 'community-transfer',
      component: () => import('@/views/community/admin/transfer.vue'),
      meta: { title: 'communityadmin.menu.transfer', icon: 'Upload', permission: ['community.address.read', 'community.address.write', 'community.house.write', 'community.org.write'] },
    },
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
    {
      path: 'work/tasks',
      name: 'community-work-tasks',
      component: () => import('@/views/community/work/tasks/index.vue'),
      meta: { title: 'work.menu.tasks', icon: 'List', permission: WORK_READ },
    },
    {
      path: 'work/assign',
      name: 'community-work-assign',
      component: () => import('@/views/community/work/assign/index.vue'),
      meta: { title: 'work.menu.assign', icon: 'Stamp', permission: TASK_ASSIGN },
    },
    {
      path: 'work/visits',
      name: 'community-work-visits',
      component: () => import('@/views/community/work/visits/index.vue'),
      meta: { title: 'work.menu.visits', icon: 'User', permission: WORK_READ },
    },
    {
      path: 'work/patrols',
      name: 'community-work-patrols',
      component: () => import('@/views/community/work/patrols/index.vue'),
      meta: { title: 'work.menu.patrols', icon: 'MapLocation', permission: WORK_READ },
    },
    {
      path: 'work/mediations',
      name: 'community-work-mediations',
      component: () => import('@/views/community/work/mediations/index.vue'),
      meta: { title: 'work.menu.mediations', icon: 'Connection', permission: WORK_READ },
    },
  ],
}

export default community
