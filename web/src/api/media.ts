// Photos for every module (ADR 0033): POST /media with the image as the body → {media_id}; GET /media/:id serves
// it to its uploader until a record holds it, then to whoever may read that record.
import { ApiError, API_BASE, csrfToken, parseError } from './http'

export interface UploadedPhoto {
  media_id: string
  content_type: 'image/jpeg' | 'image/png'
  width: number
  height: number
  bytes: number
}

// The server's limit (1 MiB): the web scales larger photos down before sending them.
export const MAX_PHOTO_BYTES = 1 << 20

export function photoUrl(mediaId: string): string {
  return `${API_BASE}/media/${encodeURIComponent(mediaId)}`
}

// `path` and `extra` headers for another upload route of the same contract (the public form's, with its
// X-Public-Token: servicedesk's /public/service-photos, ADR 0063).
export async function uploadPhoto(image: Blob, path = '/media', extra: Record<string, string> = {}): Promise<UploadedPhoto> {
  const headers: Record<string, string> = { 'Content-Type': image.type, Accept: 'application/json', ...extra }
  const token = csrfToken()
  if (token) headers['X-CSRF-Token'] = token
  let res: Response
  try {
    res = await fetch(`${API_BASE}${path}`, { method: 'POST', headers, body: image, credentials: 'same-origin' })
  } catch (e) {
    throw new ApiError(0, { code: 'network', message: String(e) })
  }
  if (!res.ok) throw await parseError(res)
  return (await res.json()) as UploadedPhoto
}
