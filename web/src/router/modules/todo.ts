import type { RouteRecordRaw } from 'vue-router'

// The to-do page (issue 13): every logged-in user; what it lists follows their permissions.
const todo: RouteRecordRaw = {
  path: 'todo',
  name: 'todo',
  component: () => import('@/views/home/todo/index.vue'),
  meta: { title: 'todo.title', hideInMenu: true },
}

export default todo
