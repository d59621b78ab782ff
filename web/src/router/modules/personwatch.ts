import type { RouteRecordRaw } from 'vue-router'

// The person watch list (人员布控: 在逃人员、重点人员 …): apply, approve, withdraw, search with a purpose, the checks
// that hit (issue 15).
const personwatch: RouteRecordRaw = {
  path: 'personwatch',
  name: 'personwatch',
  meta: { title: 'personwatch.menu.root', icon: 'User', permission: 'personwatch.read' },
  redirect: { name: 'personwatch-entries' },
  children: [
    {
      path: 'entries',
      name: 'personwatch-entries',
      component: () => import('@/views/personwatch/entries/index.vue'),
      meta: { title: 'personwatch.menu.entries', icon: 'Warning', permission: 'personwatch.read' },
    },
  ],
}

export default personwatch
