// The side menu is the layout's child routes that the user may open (meta.permission against
// SessionInfo.permissions). A group shows when at least one of its pages does.
import type { RouteRecordRaw } from 'vue-router'

export interface MenuItem {
  name: string
  path: string
  title: string
  icon?: string
  children?: MenuItem[]
}

export type Can = (permission: string | string[] | undefined) => boolean

function join(base: string, path: string): string {
  if (path.startsWith('/')) return path
  const b = base.endsWith('/') ? base.slice(0, -1) : base
  return path ? `${b}/${path}` : b || '/'
}

export function buildMenu(routes: readonly RouteRecordRaw[], can: Can, base = '/'): MenuItem[] {
  const out: MenuItem[] = []
  for (const r of routes) {
    const meta = r.meta ?? {}
    if (meta.hideInMenu || !meta.title || typeof r.name !== 'string') continue
    if (!can(meta.permission)) continue
    const path = join(base, r.path)
    const item: MenuItem = { name: r.name, path, title: meta.title, icon: meta.icon }
    if (r.children?.length) {
      const children = buildMenu(r.children, can, path)
      if (children.length === 0) continue
      item.children = children
    }
    out.push(item)
  }
  return out
}
