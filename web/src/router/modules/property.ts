import type { RouteRecordRaw } from 'vue-router'

// Case-involved property (涉案财物, ADR 0054): the ledger with its scanner, an item's page, the disposal work list,
// the leader's overview. Phone pages (scan, take out, check back in) are in the /m/ app.
const property: RouteRecordRaw = {
  path: 'property',
  name: 'property',
  meta: { title: 'property.menu.root', icon: 'Box', permission: ['property.read', 'property.transfer.read'] },
  children: [
    {
      path: 'items',
      name: 'property-items',
      component: () => import('@/views/property/items/index.vue'),
      meta: { title: 'property.menu.items', icon: 'List', permission: 'property.read' },
    },
    {
      path: 'items/:id(\\d+)',
      name: 'property-item',
      component: () => import('@/views/property/item/index.vue'),
      meta: { title: 'property.item.title', permission: 'property.read', hideInMenu: true },
    },
    {
      path: 'worklist',
      name: 'property-worklist',
      component: () => import('@/views/property/worklist/index.vue'),
      meta: { title: 'property.menu.worklist', icon: 'AlarmClock', permission: 'property.read' },
    },
    {
      path: 'transfers',
      name: 'property-transfers',
      component: () => import('@/views/property/transfers/index.vue'),
      meta: { title: 'property.menu.transfers', icon: 'Document', permission: 'property.transfer.read' },
    },
    {
      path: 'dashboard',
      name: 'property-dashboard',
      component: () => import('@/views/property/dashboard/index.vue'),
      meta: { title: 'property.menu.dashboard', icon: 'DataBoard', permission: 'property.supervise' },
    },
  ],
}

export default property
