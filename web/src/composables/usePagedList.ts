// One paged table's state: rows, total, page, page size, loading, and the load / search actions.
// `fetchPage` asks the server for one page; errors are reported the usual way and keep the old rows.
import { ref, type Ref } from 'vue'
import type { Paged } from '@/api/types'
import { useApiError } from './useApiError'

export function usePagedList<T>(fetchPage: (page: number, pageSize: number) => Promise<Paged<T>>) {
  const { report } = useApiError()
  const page = ref(1)
  const pageSize = ref(20)
  const total = ref(0)
  const rows = ref([]) as Ref<T[]>
  const loading = ref(false)

  async function load(): Promise<void> {
    loading.value = true
    try {
      const r = await fetchPage(page.value, pageSize.value)
      rows.value = r.items
      total.value = r.total
    } catch (e) {
      report(e)
    } finally {
      loading.value = false
    }
  }

  // A new search starts again from the first page.
  function search(): void {
    page.value = 1
    void load()
  }

  return { page, pageSize, total, rows, loading, load, search }
}
