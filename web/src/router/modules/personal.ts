import type { RouteRecordRaw } from 'vue-router'

// Every logged-in user: own password and TOTP.
const personal: RouteRecordRaw = {
  path: 'profile',
  name: 'profile',
  component: () => import('@/views/personal/profile/index.vue'),
  meta: { title: 'layout.menu.profile', icon: 'UserFilled' },
}

export default personal
