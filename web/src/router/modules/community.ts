import type { RouteRecordRaw } from 'vue-router'

// Community policing (一标三实, issue 14): the master index's registers and the community officer's work. Each
// part adds its pages here (people, houses, orgs, grids, work).
const community: RouteRecordRaw = {
  path: 'community',
  name: 'community',
  meta: { title: 'community.menu.group', icon: 'OfficeBuilding', permission: ['community.person.read'] },
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
  ],
}

export default community
