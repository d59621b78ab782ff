// The Excel (CSV) export of a work list: reads every page of the current filters, reports the export to the
// server (audited with its size and filters), then saves the file. `percent` is the progress, null when idle.
import { ref } from 'vue'
import { fetchAll, reportExport, type ExportKind } from '@/api/communityWork'
import type { Paged } from '@/api/types'
import { useApiError } from '@/composables/useApiError'
import { saveCsv, type Cell } from '@/utils/csv'
import { fileStamp } from '@/utils/time'

export function useWorkExport<T>(
  kind: ExportKind,
  fetchPage: (page: number, pageSize: number) => Promise<Paged<T>>,
  filters: () => object,
  header: () => string[],
  row: (item: T) => Cell[],
) {
  const { report } = useApiError()
  const percent = ref<number | null>(null)

  async function run(): Promise<void> {
    if (percent.value !== null) return
    percent.value = 0
    try {
      const all = await fetchAll(fetchPage, (done, n) => {
        percent.value = n ? Math.round((done / n) * 100) : 100
      })
      await reportExport(kind, all.length, filters())
      saveCsv(header(), all.map(row), `${kind}-${fileStamp()}.csv`)
    } catch (e) {
      report(e)
    } finally {
      percent.value = null
    }
  }

  return { percent, run }
}
