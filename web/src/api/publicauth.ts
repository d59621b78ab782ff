// The public SMS-code login (ADR 0058, src/publicauth/public_auth.hpp): a mainland mobile number, a 6-digit code by
// SMS, a short-lived token for one purpose ("servicedesk", …) sent back as X-Public-Token. The token lives in this
// page's memory only (never stored), so closing the page logs the person out.
import { http } from './http'

export interface PublicToken { token: string, expires_at: string, phone_masked: string }

export function requestCode(phone: string, purpose: string): Promise<{ sent: boolean, expires_in: number }> {
  return http.post('/public/auth/code', { phone, purpose }, { skipAuthHook: true })
}
export function verifyCode(phone: string, code: string, purpose: string): Promise<PublicToken> {
  return http.post<PublicToken>('/public/auth/verify', { phone, code, purpose }, { skipAuthHook: true })
}
export function tokenHeaders(t: PublicToken | null): Record<string, string> {
  return t ? { 'X-Public-Token': t.token } : {}
}
