// The assignment rule, mirrored in the UI: at most one administrator role, and an administrator holds no
// business role. Returns the roles that may still be ticked next to `selected`.
import type { Role } from '@/api/roles'

export function selectableRoles(roles: Pick<Role, 'code' | 'kind'>[], selected: string[]): Set<string> {
  const kindOf = new Map(roles.map((r) => [r.code, r.kind]))
  const hasAdmin = selected.some((c) => kindOf.get(c) === 'admin')
  const hasBusiness = selected.some((c) => kindOf.get(c) === 'business')
  const out = new Set<string>()
  for (const r of roles) {
    if (selected.includes(r.code)) out.add(r.code)
    else if (hasAdmin) continue
    else if (r.kind === 'admin' && hasBusiness) continue
    else out.add(r.code)
  }
  return out
}
