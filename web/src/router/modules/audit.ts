import type { RouteRecordRaw } from 'vue-router'

// Audit administrator: search and export the audit log, verify its hash chain.
const audit: RouteRecordRaw = {
  path: 'audit',
  name: 'audit',
  meta: { title: 'layout.menu.audit', icon: 'Document', permission: ['audit.read', 'audit.verify'] },
  redirect: { name: 'audit-log' },
  children: [
    {
      path: 'log',
      name: 'audit-log',
      component: () => import('@/views/audit/log/index.vue'),
      meta: { title: 'layout.menu.auditLog', icon: 'Search', permission: 'audit.read' },
    },
    {
      path: 'verify',
      name: 'audit-verify',
      component: () => import('@/views/audit/verify/index.vue'),
      meta: { title: 'layout.menu.auditVerify', icon: 'CircleCheck', permission: 'audit.verify' },
    },
  ],
}

export default audit
