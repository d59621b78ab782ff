// What the dispatch lists share (work orders, callbacks): every row the filter finds for the Excel export, page by
// page at the server's largest page size (capped, so an export never runs away), and a China date range as the
// server's from/to instants.
import type { Paged } from '@/api/dispatch'
import { chinaToUtcIso } from '@/utils/time'

export const EXPORT_CAP = 5000

export async function fetchAll<T>(fetchPage: (page: number, pageSize: number) => Promise<Paged<T>>,
  cap = EXPORT_CAP): Promise<T[]> {
  const out: T[] = []
  for (let page = 1; out.length < cap; page++) {
    const r = await fetchPage(page, 200)
    out.push(...r.items)
    if (r.items.length < 200 || out.length >= r.total) break
  }
  return out.slice(0, cap)
}

// [from, to) of the China days picked (both whole days), or nothing when no range is picked.
export function rangeQuery(range: [string, string] | null | undefined): { from?: string; to?: string } {
  if (!range) return {}
  return { from: chinaToUtcIso(`${range[0]} 00:00:00`), to: chinaToUtcIso(`${range[1]} 23:59:59`) }
}
