// Words for the codes of the case module: states, case types, sources, person roles, actions, problem types,
// clock states … Our catalogue (cases.code.<group>.<code>) first, then casedocs.code.<group>.<code>, then the code itself. A clock's name comes
// from the server in both languages.
import { useI18n } from 'vue-i18n'
import type { Clock } from '@/api/cases'

export type LabelGroup =
  | 'stage'
  | 'caseType'
  | 'source'
  | 'personRole'
  | 'idType'
  | 'action'
  | 'problemType'
  | 'problemStatus'
  | 'clockStatus'
  | 'stopKind'
  | 'deadline'
  | 'scoreRule'

export function useCaseLabels() {
  const { t, te } = useI18n()
  return (group: LabelGroup, code: string | null | undefined): string => {
    if (!code) return ''
    const key = `cases.code.${group}.${code}`
    if (te(key)) return t(key)
    // Codes added by a part with its own locale file come second: casedocs (the evidence events), and todo
    // (督办 / 催办 steps on the timeline, issue 13).
    const part = `casedocs.code.${group}.${code}`
    if (te(part)) return t(part)
    return group === 'action' && te(`todo.caseActions.${code}`) ? t(`todo.caseActions.${code}`) : code
  }
}

// "Custody after arrest · 张*": a subject clock names its person (subject "person-<id>") or item.
export function useClockName(people: () => { id: number; name: string }[] = () => []) {
  const { locale } = useI18n()
  return (c: Pick<Clock, 'name' | 'name_zh' | 'name_en' | 'subject'>): string => {
    const name = (locale.value === 'en' ? c.name_en : c.name_zh) || c.name
    if (!c.subject) return name
    const m = /^person-(\d+)$/.exec(c.subject)
    const who = m ? people().find((p) => p.id === Number(m[1]))?.name : c.subject
    return who ? `${name} · ${who}` : name
  }
}
