import { describe, expect, it } from 'vitest'
import { buildMenu, type Can } from './menu'
import { decide, type SessionView } from './guard'
import { layoutRoutes, routes } from './index'

function canWith(perms: string[]): Can {
  const set = new Set(perms)
  return (p) => {
    if (!p) return true
    const list = Array.isArray(p) ? p : [p]
    return list.length === 0 || list.some((x) => set.has(x))
  }
}

function names(items: ReturnType<typeof buildMenu>): string[] {
  return items.flatMap((i) => [i.name, ...(i.children ? names(i.children) : [])])
}

describe('menu from routes and permissions', () => {
  it('shows a business user only home and profile', () => {
    expect(names(buildMenu(layoutRoutes, canWith(['notify.read'])))).toEqual(['home', 'profile'])
  })

  it('shows the system administrator the system pages with full paths', () => {
    const menu = buildMenu(layoutRoutes, canWith(['unit.read', 'unit.write', 'user.read', 'user.write']))
    expect(names(menu)).toEqual(['home', 'system', 'system-units', 'system-users', 'profile'])
    const system = menu.find((m) => m.name === 'system')!
    expect(system.children!.map((c) => c.path)).toEqual(['/system/units', '/system/users'])
    expect(menu[0].path).toBe('/')
  })

  it('shows only the pages of a group the user may open', () => {
    const menu = buildMenu(layoutRoutes, canWith(['audit.verify']))
    expect(names(menu)).toEqual(['home', 'audit', 'audit-verify', 'profile'])
  })

  it('drops a group whose pages are all forbidden even if the group permission matches', () => {
    const menu = buildMenu(
      [
        {
          path: 'g',
          name: 'g',
          meta: { title: 'x', permission: 'a' },
          children: [{ path: 'p', name: 'g-p', component: {}, meta: { title: 'y', permission: 'b' } }],
        },
      ],
      canWith(['a']),
    )
    expect(menu).toEqual([])
  })

  it('gives every routed page a title and every page in a group a permission', () => {
    for (const group of layoutRoutes) {
      expect(group.meta?.title).toBeTruthy()
      for (const child of group.children ?? []) {
        expect(child.meta?.title).toBeTruthy()
        expect(child.meta?.permission).toBeTruthy()
      }
    }
  })
})

describe('navigation guard', () => {
  const page = (name: string, permission?: string, pub = false) => ({
    name,
    fullPath: `/${name}`,
    meta: { public: pub, permission },
    matched: [{ meta: { permission } }] as never,
  })
  const base: SessionView = {
    loggedIn: true,
    mustChangePassword: false,
    totpEnrolmentRequired: false,
    can: canWith(['user.read']),
  }

  it('sends a visitor without a session to login with the target', () => {
    expect(decide(page('system-users', 'user.read'), { ...base, loggedIn: false })).toEqual({
      name: 'login',
      query: { redirect: '/system-users' },
    })
    expect(decide(page('login', undefined, true), { ...base, loggedIn: false })).toBe(true)
  })

  it('keeps a user who must change the password on the password page', () => {
    const s = { ...base, mustChangePassword: true }
    expect(decide(page('home'), s)).toEqual({ name: 'password' })
    expect(decide(page('profile'), s)).toEqual({ name: 'password' })
    expect(decide(page('password'), s)).toBe(true)
  })

  it('keeps a user who must enrol TOTP on the enrolment page', () => {
    const s = { ...base, totpEnrolmentRequired: true }
    expect(decide(page('home'), s)).toEqual({ name: 'totp-enrol' })
    expect(decide(page('totp-enrol'), s)).toBe(true)
  })

  it('refuses pages without the permission', () => {
    expect(decide(page('system-users', 'user.read'), base)).toBe(true)
    expect(decide(page('audit-log', 'audit.read'), base)).toEqual({ name: 'forbidden' })
  })

  it('sends a logged-in user away from login and the forced pages', () => {
    expect(decide(page('login', undefined, true), base)).toEqual({ name: 'home' })
    expect(decide(page('password'), base)).toEqual({ name: 'profile' })
    expect(decide(page('totp-enrol'), base)).toEqual({ name: 'home' })
  })

  it('has a 404 route that catches everything', () => {
    expect(routes.at(-1)?.name).toBe('not-found')
  })
})
