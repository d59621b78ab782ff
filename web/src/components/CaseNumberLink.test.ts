// Case numbers are links everywhere (issue 13): the link itself, one page that shows case numbers mounted, and a
// scan of every page's template for a case number written out as plain text.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createMemoryHistory, createRouter } from 'vue-router'
import { i18n } from '@/locales'
import CaseNumberLink from './CaseNumberLink.vue'
import DrillTable from '@/views/cases/dashboard/components/DrillTable.vue'

// The two case pages under their names and paths in router/modules/cases.ts.
function router() {
  const page = { template: '<div />' }
  return createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/cases/list', name: 'cases-list', component: page },
      { path: '/cases/:id(\\d+)', name: 'cases-detail', component: page },
    ],
  })
}

describe('CaseNumberLink', () => {
  it('opens the case by id, or the case list searched for the number', async () => {
    const r = router()
    const byId = mount(CaseNumberLink, { props: { no: 'A5199012026110001', id: 7 }, global: { plugins: [r] } })
    const byNo = mount(CaseNumberLink, { props: { no: 'X5199012026110002' }, global: { plugins: [r] } })
    const none = mount(CaseNumberLink, { props: { no: '' }, global: { plugins: [r] } })
    const plain = mount(CaseNumberLink, { props: { no: 'A5199012026110003', id: 9, plain: true }, global: { plugins: [r] } })
    expect(plain.find('a').exists()).toBe(false)
    expect(plain.text()).toBe('A5199012026110003')
    expect(byId.get('a').attributes('href')).toBe('/cases/7')
    expect(byId.text()).toBe('A5199012026110001')
    expect(byNo.get('a').attributes('href')).toBe('/cases/list?q=X5199012026110002')
    expect(none.find('a').exists()).toBe(false)
  })

  it('is what the supervision drill-down shows', async () => {
    const cases = [{ id: 9, case_no: 'A5199012026110009', cause: '盗窃', case_type: 'administrative', state: 'investigating',
      unit_name: '城关派出所', officer_name: '王志强', next_deadline: '2026-12-10', days_left: 3 }]
    const w = mount(DrillTable, { props: { cases } as never, global: { plugins: [router(), i18n, ElementPlus] } })
    await flushPromises()
    const link = w.get('[data-testid="drill-case"]')
    expect(link.classes()).toContain('jw-case-no')
    expect(link.attributes('href')).toBe('/cases/9')
  })
})

// Pages where a case number may stay plain text: the public progress page (no login, no link into the app) and
// the phone app at /m/ (its own router has no case pages). Forms where the number is typed do not match.
const PLAIN_ALLOWED = ['views/public/', 'mobile/']

function vueFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? vueFiles(path) : name.endsWith('.vue') ? [path] : []
  })
}

describe('case numbers on every page', () => {
  it('are never written out as plain text', () => {
    const src = join(__dirname, '..')
    const plain = [
      /\{\{\s*[\w.?]*\bcase_no\s*(\|\|[^}]*)?\}\}/, // {{ row.case_no }}, {{ detail.case_no || '—' }}
      /<el-table-column[^>]*\bprop="case_no"[^>]*\/>/, // a table column printing the field
    ]
    const offenders: string[] = []
    for (const file of vueFiles(src)) {
      const name = relative(src, file)
      if (PLAIN_ALLOWED.some((p) => name.startsWith(p))) continue
      const template = readFileSync(file, 'utf8').split('<template>').slice(1).join('<template>')
      template.split('\n').forEach((line) => {
        if (plain.some((re) => re.test(line))) offenders.push(`${name}: ${line.trim()}`)
      })
    }
    expect(offenders).toEqual([])
  })
})
