import type { RouteRecordRaw } from 'vue-router'

// System administrator: the unit tree, user accounts, and organisations outside the police (ADR 0051).
const system: RouteRecordRaw = {
  path: 'system',
  name: 'system',
  meta: { title: 'layout.menu.system', icon: 'Setting', permission: ['unit.read', 'user.read', 'org.read'] },
  redirect: { name: 'system-units' },
  children: [
    {
      path: 'units',
      name: 'system-units',
      component: () => import('@/views/system/units/index.vue'),
      meta: { title: 'layout.menu.systemUnits', icon: 'OfficeBuilding', permission: 'unit.read' },
    },
    {
      path: 'users',
      name: 'system-users',
      component: () => import('@/views/system/users/index.vue'),
      meta: { title: 'layout.menu.systemUsers', icon: 'User', permission: 'user.read' },
    },
    {
      path: 'orgs',
      name: 'system-orgs',
      component: () => import('@/views/system/orgs/index.vue'),
      meta: { title: 'orgs.menu.registry', icon: 'OfficeBuilding', permission: 'org.read' },
    },
  ],
}

export default system
