// Where a navigation may go, given the session. Pure, so it is tested without a browser.
import type { RouteLocationNormalized, RouteLocationRaw } from 'vue-router'
import type { Can } from './menu'

export interface SessionView {
  loggedIn: boolean
  mustChangePassword: boolean
  totpEnrolmentRequired: boolean
  can: Can
}

type Target = Pick<RouteLocationNormalized, 'name' | 'fullPath' | 'meta' | 'matched'>

export function decide(to: Target, s: SessionView): true | RouteLocationRaw {
  if (to.meta.public) {
    if (to.name === 'login' && s.loggedIn) return { name: 'home' }
    return true
  }
  if (!s.loggedIn) return { name: 'login', query: to.fullPath !== '/' ? { redirect: to.fullPath } : {} }
  // The forced steps come first and cannot be left until done.
  if (s.mustChangePassword) return to.name === 'password' ? true : { name: 'password' }
  if (to.name === 'password') return { name: 'profile' }
  if (s.totpEnrolmentRequired) return to.name === 'totp-enrol' ? true : { name: 'totp-enrol' }
  if (to.name === 'totp-enrol') return { name: 'home' }
  if (!to.matched.every((r) => s.can(r.meta.permission))) return { name: 'forbidden' }
  return true
}
