// Shapes shared by several API modules.

export interface Paged<T> {
  items: T[]
  total: number
}

export interface PageQuery {
  page?: number
  page_size?: number
}

export type UserStatus = 'active' | 'locked' | 'disabled'

export interface User {
  id: number
  username: string
  police_no: string
  name: string
  unit_id: number
  unit_name: string
  roles: string[]
  phone: string
  status: UserStatus
  totp_enabled: boolean
  last_login_at: string | null
  // The successful login before the current one ("上次登录"), and its client address; null on a first login.
  previous_login_at?: string | null
  previous_login_ip?: string | null
  created_at: string
  // An account of an organisation outside the police (ADR 0051): the session names its organisation.
  org_id?: number
  org_name?: string
  org_kind?: string
}
