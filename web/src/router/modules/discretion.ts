import type { RouteRecordRaw } from 'vue-router'

// Law enforcement (执法办案): the penalty discretion engine (officer, legal reviewer, leader) and the benchmark
// editions (read: officer, legal reviewer, leader; draft: legal office; publish: leadership).
const discretion: RouteRecordRaw = {
  path: 'discretion',
  name: 'discretion',
  meta: { title: 'layout.menu.enforcement', icon: 'Briefcase', permission: ['discretion.decide', 'discretion.edition.read'] },
  redirect: { name: 'discretion-decide' },
  children: [
    {
      path: 'decide',
      name: 'discretion-decide',
      component: () => import('@/views/discretion/decide/index.vue'),
      meta: { title: 'layout.menu.discretionDecide', icon: 'Stamp', permission: 'discretion.decide' },
    },
    {
      path: 'editions',
      name: 'discretion-editions',
      component: () => import('@/views/discretion/editions/index.vue'),
      meta: { title: 'discretion.menu.editions', icon: 'Notebook', permission: 'discretion.edition.read' },
    },
  ],
}

export default discretion
