// A registration form saved through the offline queue (offline/queue.ts submit, ADR 0053/0076): busy while
// saving, then 'sent' or 'queued' (kept for 待同步), or the server's refusal shown by field (usePhoneErrors);
// again() empties the form for the next one (`reset` clears the page's own fields).
import { ref } from 'vue'
import { submit, type Operation } from './offline/queue'
import { usePhoneErrors } from './useErrors'

export function useQueuedForm(reset: () => void) {
  const { fields, report, clear } = usePhoneErrors()
  const busy = ref(false)
  const done = ref<'sent' | 'queued' | null>(null)
  const formKey = ref(0) // re-mounts the form (its validation state) for the next registration

  async function save(op: Operation, formFields: readonly string[]): Promise<void> {
    busy.value = true
    try {
      const r = await submit(op)
      done.value = r.state === 'sent' ? 'sent' : 'queued'
      window.scrollTo({ top: 0 })
    } catch (e) {
      report(e, formFields)
    } finally {
      busy.value = false
    }
  }

  function again(): void {
    reset()
    done.value = null
    formKey.value++
    clear()
  }

  return { fields, clear, busy, done, formKey, save, again }
}
