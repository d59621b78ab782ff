import type { RouteRecordRaw } from 'vue-router'
import { TASK_ASSIGN, WORK_READ } from '@/api/communityWork'

// Community policing and the master index (社区警务, 一标三实, issue 14). Each part's pages are children here (the
// lead merges the parts' lists): the officer's daily work under work/ (ADR 0035).
const community: RouteRecordRaw = {
  path: 'community',
  name: 'community',
  meta: { title: 'community.menu.group', icon: 'OfficeBuilding', permission: [WORK_READ, TASK_ASSIGN] },
  children: [
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
