// Permissions grouped by module for the role editor's checkbox tree. A permission is selectable for a role
// only as the rules allow: an administrator role takes only its own administrator permissions, a business
// role only business permissions.
import type { Permission, Role } from '@/api/roles'

export interface PermNode {
  id: string
  label: string
  disabled: boolean
  isModule: boolean
  children?: PermNode[]
}

export function permissionAllowed(p: Permission, role: Pick<Role, 'code' | 'kind'>): boolean {
  return role.kind === 'admin' ? p.admin_role === role.code : p.admin_role === null
}

export function permissionTree(
  perms: Permission[],
  role: Pick<Role, 'code' | 'kind'>,
  label: (p: Permission) => string,
  moduleLabel: (m: string) => string,
): PermNode[] {
  const groups = new Map<string, PermNode[]>()
  for (const p of perms) {
    const list = groups.get(p.module) ?? []
    list.push({ id: p.code, label: label(p), disabled: !permissionAllowed(p, role), isModule: false })
    groups.set(p.module, list)
  }
  return [...groups.entries()].map(([m, children]) => ({
    id: `module:${m}`,
    label: moduleLabel(m),
    disabled: children.every((c) => c.disabled),
    isModule: true,
    children,
  }))
}
