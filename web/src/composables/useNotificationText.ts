import { useI18n } from 'vue-i18n'
import type { Notification } from '@/api/notifications'
import { notificationText, type NotificationText } from '@/utils/notificationText'

export function useNotificationText(): (n: Pick<Notification, 'title' | 'body' | 'code'>) => NotificationText {
  const { t, te } = useI18n()
  return (n) => notificationText(n, t, te)
}
