// Where the case list's rows come from. Without a deadline status it is one page of GET /cases. With one, the
// server has no such filter: the open cases matching the other filters are read in pages of 200 and picked
// here (a county's open cases are a few thousand at most), then paged locally. Export reads every page the same way.
import { listCases, type CaseSummary } from '@/api/cases'
import type { Paged } from '@/api/types'
import { filtersToApi, matchesDeadline, type CaseFilters } from './filters'

const BATCH = 200
// A guard against paging forever if the server keeps answering.
const MAX_ROWS = 20_000

export type Progress = (done: number, total: number) => void

export async function fetchAllCases(f: CaseFilters, onProgress?: Progress): Promise<CaseSummary[]> {
  const q = filtersToApi(f)
  const out: CaseSummary[] = []
  let seen = 0
  for (let page = 1; seen < MAX_ROWS; page++) {
    const r = await listCases({ ...q, page, page_size: BATCH })
    seen += r.items.length
    out.push(...r.items.filter((c) => matchesDeadline(c, f.deadline)))
    onProgress?.(Math.min(seen, r.total), r.total)
    if (r.items.length < BATCH || seen >= r.total) break
  }
  return out
}

export async function fetchCasePage(f: CaseFilters, page: number, pageSize: number): Promise<Paged<CaseSummary>> {
  if (!f.deadline) return listCases({ ...filtersToApi(f), page, page_size: pageSize })
  const all = await fetchAllCases(f)
  return { items: all.slice((page - 1) * pageSize, page * pageSize), total: all.length }
}
