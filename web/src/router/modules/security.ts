import type { RouteRecordRaw } from 'vue-router'

// Security administrator: roles and their permissions, role assignment, password and session policy.
const security: RouteRecordRaw = {
  path: 'security',
  name: 'security',
  meta: { title: 'layout.menu.security', icon: 'Lock', permission: ['role.read', 'role.assign', 'policy.read'] },
  redirect: { name: 'security-roles' },
  children: [
    {
      path: 'roles',
      name: 'security-roles',
      component: () => import('@/views/security/roles/index.vue'),
      meta: { title: 'layout.menu.securityRoles', icon: 'Key', permission: 'role.read' },
    },
    {
      path: 'assign',
      name: 'security-assign',
      component: () => import('@/views/security/assign/index.vue'),
      meta: { title: 'layout.menu.securityAssign', icon: 'Avatar', permission: 'role.assign' },
    },
    {
      path: 'policy',
      name: 'security-policy',
      component: () => import('@/views/security/policy/index.vue'),
      meta: { title: 'layout.menu.securityPolicy', icon: 'List', permission: 'policy.read' },
    },
  ],
}

export default security
