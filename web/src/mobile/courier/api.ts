// The counter's calls to the courier API (docs/api/courier.md): the catalogue, the ID-card OCR (the photo as the
// body, like POST /media) and the record. Times are Unix seconds; money in cents.
import { API_BASE, csrfToken, http, parseError, ApiError } from '@/api/http'

export interface Category {
  code: string
  name_zh: string
  name_en: string
  level: 'allowed' | 'restricted' | 'prohibited'
  basis: string
}

export function categories(): Promise<{ items: Category[] }> {
  return http.get<{ items: Category[] }>('/courier/categories')
}

export interface CardReading {
  name: string
  sex: string
  ethnicity: string
  birth_date: string
  address: string
  id_number: string
  confidence: Record<string, number>
}

// 404 not_found: no card in the photo; 503 with detail ocr_model_missing: the server reads no cards (type them).
export async function readCard(photo: Blob): Promise<CardReading> {
  const headers: Record<string, string> = { 'Content-Type': photo.type || 'image/jpeg', Accept: 'application/json' }
  const token = csrfToken()
  if (token) headers['X-CSRF-Token'] = token
  let res: Response
  try {
    res = await fetch(`${API_BASE}/courier/ocr`, { method: 'POST', headers, body: photo, credentials: 'same-origin' })
  } catch (e) {
    throw new ApiError(0, { code: 'network', message: String(e) })
  }
  if (!res.ok) throw await parseError(res)
  return (await res.json()) as CardReading
}

export type DocType = 'resident_id' | 'temporary_id' | 'household_register' | 'passport' | 'hk_macao' | 'taiwan'
export const DOC_TYPES: DocType[] = ['resident_id', 'temporary_id', 'household_register', 'passport', 'hk_macao', 'taiwan']

export interface CounterRecord {
  waybill_no: string
  sender_doc_type: DocType
  sender_name: string
  sender_id: string
  sender_phone: string
  receiver_name: string
  receiver_phone: string
  receiver_address: string
  category: string
  declared_content: string
  declared_value_cents: number
  inspected: boolean
  photos: { media_id: string; kind: 'opened' | 'parcel' | 'card' }[]
  ocr_used: boolean
  ocr_corrected: string[]
}

// wait: the police's neutral words in `instruction` (the clerk asks the sender to wait); refused: `reason`;
// duplicate: this company's waybill was registered before (a retry after a lost answer is safe).
export interface CounterOutcome {
  record_id: number
  status: 'accepted' | 'refused' | 'wait' | 'duplicate'
  reason: string
  instruction: string
}
