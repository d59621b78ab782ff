// User accounts (user.read, user.write) and role assignment (role.assign).
import { http } from './http'
import type { PageQuery, Paged, User, UserStatus } from './types'

export interface UserQuery extends PageQuery {
  q?: string
  unit_id?: number
  status?: UserStatus | ''
}

export interface CreateUser {
  username: string
  police_no: string
  name: string
  unit_id: number
  phone: string
}

export interface UpdateUser {
  name: string
  unit_id: number
  // Left out when unchanged: the UI only has the masked phone, which must not be written back.
  phone?: string
}

export interface CreatedUser {
  user: User
  initial_password: string
}

export interface Purpose {
  purpose: string // at least 2 characters
  case_no: string // at least 4 characters
}

export interface UserContact {
  id: number
  name: string
  phone: string
}

export type UserAction = 'lock' | 'unlock' | 'disable' | 'enable'

export function listUsers(query: UserQuery): Promise<Paged<User>> {
  return http.get<Paged<User>>('/users', { ...query })
}

// The initial password is shown once; the user must change it at first login.
export function createUser(req: CreateUser): Promise<CreatedUser> {
  return http.post<CreatedUser>('/users', req)
}

export function updateUser(id: number, req: UpdateUser): Promise<User> {
  return http.put<User>(`/users/${id}`, req)
}

export function lockUser(id: number): Promise<User> {
  return http.post<User>(`/users/${id}/lock`, {})
}

export function unlockUser(id: number): Promise<User> {
  return http.post<User>(`/users/${id}/unlock`, {})
}

export function disableUser(id: number): Promise<User> {
  return http.post<User>(`/users/${id}/disable`, {})
}

export function enableUser(id: number): Promise<User> {
  return http.post<User>(`/users/${id}/enable`, {})
}

export const userActions: Record<UserAction, (id: number) => Promise<User>> = {
  lock: lockUser,
  unlock: unlockUser,
  disable: disableUser,
  enable: enableUser,
}

export function resetPassword(id: number): Promise<{ initial_password: string }> {
  return http.post<{ initial_password: string }>(`/users/${id}/reset-password`, {})
}

// One person holds at most one administrator role, and an administrator holds no business role.
export function setUserRoles(id: number, roles: string[]): Promise<User> {
  return http.put<User>(`/users/${id}/roles`, { roles })
}

// The unmasked phone: a sensitive read, so a purpose and a case number go with it and into the audit log.
// 400 names `purpose` / `case_no` when they are missing or too short.
export function getUserContact(id: number, p: Purpose): Promise<UserContact> {
  return http.get<UserContact>(`/users/${id}/contact`, { purpose: p.purpose, case_no: p.case_no })
}
