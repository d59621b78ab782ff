// What every form dialog (and every export button) repeats around its one request: clear the old problems, validate the el-form
// when there is one, run the work once at a time while `busy` is set, and report a failure next to the
// form's fields (the rest as a toast, see useApiError). `run` answers whether the work succeeded, so the
// caller closes its dialog or emits only then. `formFields` may be a function when the form's fields change
// (rows added to a list).
import { ref } from 'vue'
import type { FormInstance } from 'element-plus'
import { useApiError } from './useApiError'

export function useSubmit(formFields: readonly string[] | (() => readonly string[]) = []) {
  const { fields, clear, report } = useApiError()
  const busy = ref(false)

  async function run(work: () => Promise<unknown>, form?: FormInstance): Promise<boolean> {
    if (busy.value) return false
    clear()
    if (form && !(await form.validate().catch(() => false))) return false
    busy.value = true
    try {
      await work()
      return true
    } catch (e) {
      report(e, typeof formFields === 'function' ? formFields() : formFields)
      return false
    } finally {
      busy.value = false
    }
  }

  return { busy, fields, clear, report, run }
}
