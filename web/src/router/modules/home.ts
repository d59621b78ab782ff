import type { RouteRecordRaw } from 'vue-router'

const home: RouteRecordRaw = {
  path: '',
  name: 'home',
  component: () => import('@/views/home/dashboard/index.vue'),
  meta: { title: 'layout.menu.home', icon: 'HomeFilled' },
}

export default home
