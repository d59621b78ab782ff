import type { RouteRecordRaw } from 'vue-router'

// An organisation's administrator outside the police (ADR 0051): its own staff accounts.
const orgs: RouteRecordRaw = {
  path: 'org-staff',
  name: 'org-staff',
  component: () => import('@/views/orgs/staff/index.vue'),
  meta: { title: 'orgs.menu.staff', icon: 'User', permission: 'org.staff.read' },
}

export default orgs
