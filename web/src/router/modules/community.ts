import type { RouteRecordRaw } from 'vue-router'
import { DOSSIER_PERMISSION } from '@/api/dossier'

// Community policing and the master index (社区警务, 一标三实, issue 14). Each part's pages are children here; the
// person page (人员档案) is opened from a person or a case party, so it is hidden in the menu.
const community: RouteRecordRaw = {
  path: 'community',
  name: 'community',
  meta: { title: 'community.menu.group', icon: 'OfficeBuilding', permission: [DOSSIER_PERMISSION] },
  children: [
    {
      path: 'people/:id(\\d+)/dossier',
      name: 'community-dossier',
      component: () => import('@/views/community/dossier/index.vue'),
      meta: { title: 'dossier.title', permission: DOSSIER_PERMISSION, hideInMenu: true },
    },
  ],
}

export default community
