// Words for a notification. A notification with a `code` comes worded by the server from its message catalogue
// (in the language the UI asked for) and is shown as it is. Older ones carry a message key as title (e.g.
// checkpoint.notify.device_offline), worded here, and a JSON body of facts, worded by notify.body.<name>; others
// carry ready text.
import type { Notification } from '@/api/notifications'
import type { HasKey, Translate } from './errorText'
import { formatChinaTime } from './time'

export interface NotificationText {
  title: string
  body: string
}

const TIME_FIELD = /(_at|_until)$/

export function notificationText(n: Pick<Notification, 'title' | 'body' | 'code'>, t: Translate, te: HasKey): NotificationText {
  if (n.code) return { title: n.title, body: n.body }
  const keyed = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/.test(n.title) && te(n.title)
  const title = keyed ? t(n.title) : n.title
  let body = n.body
  const bodyKey = `notify.body.${n.title.split('.').pop()}`
  if (keyed && te(bodyKey)) {
    try {
      const facts: unknown = JSON.parse(n.body)
      if (facts && typeof facts === 'object' && !Array.isArray(facts)) {
        const named: Record<string, unknown> = {}
        for (const [k, v] of Object.entries(facts)) {
          named[k] = TIME_FIELD.test(k) ? formatChinaTime(v as string) || v : v
        }
        body = t(bodyKey, named)
      }
    } catch {
      // a plain-text body: show it as it is
    }
  }
  return { title, body }
}
