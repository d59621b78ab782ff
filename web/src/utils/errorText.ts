// Turns an ApiError into words for the user: the error code and each field problem are stable keys translated
// in locales/*/errors.json; unknown ones fall back to the server's message or the raw key.
import { ApiError } from '@/api/http'

export type Translate = (key: string, named?: Record<string, unknown>) => string
export type HasKey = (key: string) => boolean

export function errorMessage(e: unknown, t: Translate, te: HasKey): string {
  if (!(e instanceof ApiError)) return t('errors.code.unknown')
  const key = `errors.code.${e.code}`
  const text = te(key) ? t(key) : e.message || e.code
  return e.status >= 500 && e.requestId ? t('errors.withRequestId', { message: text, id: e.requestId }) : text
}

export function fieldProblem(problem: string, t: Translate, te: HasKey): string {
  const key = `errors.field.${problem}`
  return te(key) ? t(key) : problem
}

export function fieldErrors(e: unknown, t: Translate, te: HasKey): Record<string, string> {
  if (!(e instanceof ApiError)) return {}
  const out: Record<string, string> = {}
  for (const [name, problem] of Object.entries(e.fields)) out[name] = fieldProblem(problem, t, te)
  return out
}
