import type { RouteRecordRaw } from 'vue-router'

// 寄递实名 (issue 17): the police's view of every outlet's parcels; a person's parcels with a purpose.
const courier: RouteRecordRaw = {
  path: 'courier',
  name: 'courier',
  meta: { title: 'courier.menu.root', icon: 'Box', permission: 'courier.supervise' },
  redirect: { name: 'courier-records' },
  children: [
    {
      path: 'records',
      name: 'courier-records',
      component: () => import('@/views/courier/records/index.vue'),
      meta: { title: 'courier.menu.records', icon: 'Search', permission: 'courier.supervise' },
    },
    {
      path: 'outlets',
      name: 'courier-outlets',
      component: () => import('@/views/courier/outlets/index.vue'),
      meta: { title: 'courier.menu.outlets', icon: 'OfficeBuilding', permission: 'courier.supervise' },
    },
  ],
}

export default courier
