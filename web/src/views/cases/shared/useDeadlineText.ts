// "5 days left" / "overdue by 2 days" / "met" for a clock.
import { useI18n } from 'vue-i18n'
import type { Clock } from '@/api/cases'

export function useDeadlineText() {
  const { t } = useI18n()
  return (c: Pick<Clock, 'days_left' | 'status'>): string => {
    if (c.status === 'met') return t('cases.code.clockStatus.met')
    if (c.status === 'overdue' || c.days_left < 0) return t('cases.clock.overdueBy', { n: Math.abs(c.days_left) })
    const left = t('cases.clock.daysLeft', { n: c.days_left })
    return c.status === 'stopped' ? `${t('cases.code.clockStatus.stopped')} · ${left}` : left
  }
}
