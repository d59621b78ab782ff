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
    {
      path: 'rates',
      name: 'courier-rates',
      component: () => import('@/views/courier/rates/index.vue'),
      meta: { title: 'courier.menu.rates', icon: 'TrendCharts', permission: 'courier.supervise' },
    },
    {
      path: 'statistics',
      name: 'courier-statistics',
      component: () => import('@/views/courier/statistics/index.vue'),
      meta: { title: 'courier.menu.statistics', icon: 'DataAnalysis', permission: 'courier.supervise' },
    },
    {
      path: 'collide',
      name: 'courier-collide',
      component: () => import('@/views/courier/collide/index.vue'),
      meta: { title: 'courier.menu.collide', icon: 'Connection', permission: 'courier.collide' },
    },
  ],
}

// An outlet's administrator (no police menu): the outlet's own staff, 从业人员备案.
export const courierStaff: RouteRecordRaw = {
  path: 'courier-staff',
  name: 'courier-staff',
  component: () => import('@/views/courier/staff/index.vue'),
  meta: { title: 'courier.menu.staff', icon: 'UserFilled', permission: 'courier.staff.manage' },
}

export default courier
