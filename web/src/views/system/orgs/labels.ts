// Words for the organisations pages: kinds, statuses, roles, history changes and field problems (orgs.json).
import { useI18n } from 'vue-i18n'

export function useOrgLabels() {
  const { t, te } = useI18n()
  const word = (group: string, code: string): string => (te(`orgs.${group}.${code}`) ? t(`orgs.${group}.${code}`) : code)
  return {
    kindName: (k: string) => word('kind', k),
    statusName: (s: string) => word('status', s),
    changeName: (c: string) => word('change', c),
    // A server field problem (auth/orgs rules) in words, or the shared wording, or the code itself.
    problem: (code: string | undefined): string | undefined => {
      if (!code) return undefined
      if (te(`orgs.problem.${code}`)) return t(`orgs.problem.${code}`)
      return te(`errors.field.${code}`) ? t(`errors.field.${code}`) : code
    },
  }
}

export const ORG_STATUS_TAG: Record<string, 'success' | 'info'> = { active: 'success', suspended: 'info' }
