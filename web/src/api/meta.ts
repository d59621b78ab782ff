// Public facts about this installation (no login needed).
import { http } from './http'

export interface Meta {
  version: string
  county: { name: string; region_code: string }
}

export function getMeta(): Promise<Meta> {
  return http.get<Meta>('/meta', undefined, { skipAuthHook: true })
}
