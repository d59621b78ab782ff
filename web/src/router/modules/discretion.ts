import type { RouteRecordRaw } from 'vue-router'

// Law enforcement (执法办案): the penalty discretion engine (officer, legal reviewer, leader).
const discretion: RouteRecordRaw = {
  path: 'discretion',
  name: 'discretion',
  meta: { title: 'layout.menu.enforcement', icon: 'Briefcase', permission: ['discretion.decide'] },
  redirect: { name: 'discretion-decide' },
  children: [
    {
      path: 'decide',
      name: 'discretion-decide',
      component: () => import('@/views/discretion/decide/index.vue'),
      meta: { title: 'layout.menu.discretionDecide', icon: 'Stamp', permission: 'discretion.decide' },
    },
  ],
}

export default discretion
