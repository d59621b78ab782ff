import type { RouteRecordRaw } from 'vue-router'
import { PERM } from '@/views/cases/shared/permissions'

// Case management and supervision (案件管理): the case list and pages (officer, duty desk, legal reviewer, leader),
// the new-case form, the legal review queue, problems returned to the officer, the leader dashboard and the
// electronic enforcement file.
const cases: RouteRecordRaw = {
  path: 'cases',
  name: 'cases',
  meta: {
    title: 'cases.menu.group',
    icon: 'Briefcase',
    permission: [PERM.read, PERM.review, PERM.dashboard, PERM.supervisionRead],
  },
  redirect: { name: 'cases-list' },
  children: [
    {
      path: 'list',
      name: 'cases-list',
      component: () => import('@/views/cases/list/index.vue'),
      meta: { title: 'cases.menu.list', icon: 'List', permission: PERM.read },
    },
    {
      path: 'new',
      name: 'cases-new',
      component: () => import('@/views/cases/new/index.vue'),
      meta: { title: 'cases.menu.new', icon: 'Document', permission: PERM.create },
    },
    {
      path: ':id(\\d+)',
      name: 'cases-detail',
      component: () => import('@/views/cases/detail/index.vue'),
      meta: { title: 'cases.menu.detail', permission: PERM.read, hideInMenu: true },
    },
    {
      path: 'review',
      name: 'cases-review',
      component: () => import('@/views/cases/review/index.vue'),
      meta: { title: 'cases.menu.review', icon: 'Stamp', permission: PERM.review },
    },
    {
      path: 'problems',
      name: 'cases-problems',
      component: () => import('@/views/cases/problems/index.vue'),
      meta: { title: 'cases.menu.problems', icon: 'CircleCheck', permission: PERM.act },
    },
    {
      path: 'dashboard',
      name: 'cases-dashboard',
      component: () => import('@/views/cases/dashboard/index.vue'),
      meta: { title: 'cases.menu.dashboard', icon: 'DataAnalysis', permission: PERM.dashboard },
    },
    {
      path: 'enforcement',
      name: 'cases-enforcement',
      component: () => import('@/views/cases/enforcement/index.vue'),
      meta: { title: 'cases.menu.enforcement', icon: 'Trophy', permission: PERM.supervisionRead },
    },
  ],
}

export default cases
