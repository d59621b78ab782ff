import type { RouteRecordRaw } from 'vue-router'

// The community master index (一标三实, issue 14): one menu group; each part adds its pages here.
const community: RouteRecordRaw = {
  path: 'community',
  name: 'community',
  meta: { title: 'community.menu.group', icon: 'OfficeBuilding', permission: ['community.house.read', 'community.org.read'] },
  redirect: { name: 'community-houses' },
  children: [
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
  ],
}

export default community
