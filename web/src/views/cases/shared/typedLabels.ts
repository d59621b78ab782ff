// Words that depend on the case type. An administrative (治安/行政) case has no 立案: after 受案 it is handled
// (公安机关办理行政案件程序规定 §61: 受案后调查处理, or 不予调查处理), so its `file` / `not_file` actions and the
// `filed` stage read as that; a criminal case keeps 立案 / 不予立案 (刑事诉讼法 §112). Negative actions are
// secondary buttons, so that 立案 is the primary one and 不予立案 is not.
import { useI18n } from 'vue-i18n'
import { useCaseLabels } from './useCaseLabels'

// Actions that end, refuse, withdraw or send back: shown as plain buttons next to the primary way forward.
export const SECONDARY_ACTIONS = new Set([
  'not_file',
  'withdraw_proposal',
  'return_review',
  'decide_no_penalty',
  'decide_transfer',
  'withdraw',
])

export function useTypedLabels() {
  const { t, te } = useI18n()
  const label = useCaseLabels()
  function typed(group: 'action' | 'stage', code: string, caseType: string): string {
    const key = `casework.administrative.${group}.${code}`
    if (caseType === 'administrative' && te(key)) return t(key)
    // Actions added with the daily-work leftovers (部门负责人审核, 先行限制人身自由) have their words in daywork.json.
    if (group === 'action' && te(`daywork.actions.${code}`)) return t(`daywork.actions.${code}`)
    return label(group, code)
  }
  return {
    actionLabel: (code: string, caseType: string) => typed('action', code, caseType),
    stageLabel: (c: { state: string; case_type: string }) => typed('stage', c.state, c.case_type),
  }
}
