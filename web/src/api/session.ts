// Session endpoints: login, logout, password change, TOTP enrolment (docs/http_api.md "Session").
import { http } from './http'
import type { User } from './types'

export interface SessionInfo {
  user: User
  csrf_token: string
  must_change_password: boolean
  totp_enrolment_required: boolean
  permissions: string[]
  idle_timeout_s: number
}

export interface LoginRequest {
  username: string
  password: string
  totp?: string
}

export interface TotpEnrolment {
  secret: string
  otpauth_uri: string
  qr_svg: string
}

// 401 totp_required: resend with `totp`; 423 account_locked: fields.locked_until.
export function login(req: LoginRequest): Promise<SessionInfo> {
  return http.post<SessionInfo>('/session', req, { skipAuthHook: true })
}

export function getSession(): Promise<SessionInfo> {
  return http.get<SessionInfo>('/session', undefined, { skipAuthHook: true })
}

export function logout(): Promise<void> {
  return http.del<void>('/session', undefined, { skipAuthHook: true })
}

// 400 fields.new_password = weak_password | password_reused; 401 wrong old password.
export function changePassword(old_password: string, new_password: string): Promise<void> {
  return http.put<void>('/session/password', { old_password, new_password }, { skipAuthHook: true })
}

export function enrollTotp(): Promise<TotpEnrolment> {
  return http.post<TotpEnrolment>('/session/totp/enroll', {})
}

// 400 fields.code = bad_code.
export function confirmTotp(code: string): Promise<void> {
  return http.post<void>('/session/totp/confirm', { code })
}

export function disableTotp(password: string): Promise<void> {
  return http.del<void>('/session/totp', { password })
}
