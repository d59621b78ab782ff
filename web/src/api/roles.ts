// Roles and permissions (role.read, role.write).
import { http } from './http'

export type RoleKind = 'admin' | 'business'
export type RoleScope = 'unit' | 'all' | 'org' // org: an external role (ADR 0051)

export interface Role {
  code: string
  name_key: string
  kind: RoleKind
  scope: RoleScope
  totp_required: boolean
  permissions: string[]
}

export interface UpdateRole {
  permissions: string[]
  totp_required: boolean
  scope: RoleScope
}

export interface Permission {
  code: string
  module: string
  // The administrator role that alone may hold it; null for business permissions.
  admin_role: string | null
}

export function listRoles(): Promise<{ items: Role[] }> {
  return http.get<{ items: Role[] }>('/roles')
}

export function updateRole(code: string, req: UpdateRole): Promise<Role> {
  return http.put<Role>(`/roles/${encodeURIComponent(code)}`, req)
}

export function listPermissions(): Promise<{ items: Permission[] }> {
  return http.get<{ items: Permission[] }>('/permissions')
}
