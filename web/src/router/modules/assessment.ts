import type { RouteRecordRaw } from 'vue-router'

// Community-police assessment (自贡 社区民警考核): monthly scores and ranking, an officer's items with the reason
// for each point, appeals and rules editions on one page of tabs.
const assessment: RouteRecordRaw = {
  path: 'assessment',
  name: 'assessment',
  meta: { title: 'assessment.menu.root', icon: 'Trophy', permission: 'assessment.read' },
  redirect: { name: 'assessment-scores' },
  children: [
    {
      path: 'scores',
      name: 'assessment-scores',
      component: () => import('@/views/assessment/scores/index.vue'),
      meta: { title: 'assessment.menu.scores', icon: 'TrendCharts', permission: 'assessment.read' },
    },
  ],
}

export default assessment
