import type { RouteRecordRaw } from 'vue-router'

// The service supervision centre (服务监督, issue 18): the tickets of six channels with their whole loop, the unit's
// own tickets to reply to, and the figures.
const servicedesk: RouteRecordRaw = {
  path: 'servicedesk',
  name: 'servicedesk',
  meta: { title: 'servicedesk.menu.root', icon: 'Service', permission: 'servicedesk.read' },
  redirect: { name: 'servicedesk-tickets' },
  children: [
    {
      path: 'tickets',
      name: 'servicedesk-tickets',
      component: () => import('@/views/servicedesk/tickets/index.vue'),
      meta: { title: 'servicedesk.menu.tickets', icon: 'Tickets', permission: 'servicedesk.read' },
    },
    {
      path: 'unit',
      name: 'servicedesk-unit',
      component: () => import('@/views/servicedesk/tickets/unit.vue'),
      meta: { title: 'servicedesk.menu.unit', icon: 'EditPen', permission: 'servicedesk.reply' },
    },
    {
      path: 'figures',
      name: 'servicedesk-figures',
      component: () => import('@/views/servicedesk/figures/index.vue'),
      meta: { title: 'servicedesk.menu.figures', icon: 'DataAnalysis', permission: 'servicedesk.figures' },
    },
  ],
}

export default servicedesk
