// Password and session policy (policy.read, policy.write). Values below the 等保 floor are rejected.
import { http } from './http'

export interface Policy {
  min_length: number
  min_classes: number
  max_age_days: number
  history: number
  max_failures: number
  lock_minutes: number
  idle_minutes: number
}

export function getPolicy(): Promise<Policy> {
  return http.get<Policy>('/policy')
}

export function updatePolicy(p: Policy): Promise<Policy> {
  return http.put<Policy>('/policy', p)
}
