// Per-form error state: field problems go next to their inputs (el-form-item :error), the rest to a toast.
import { reactive } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessage } from 'element-plus'
import { errorMessage, fieldErrors } from '@/utils/errorText'

export function useApiError() {
  const { t, te } = useI18n()
  const fields = reactive<Record<string, string>>({})

  function clear(): void {
    for (const k of Object.keys(fields)) delete fields[k]
  }

  function message(e: unknown): string {
    return errorMessage(e, t, te)
  }

  // Shows the error; field problems that name a form field are shown there instead of only in the toast.
  function report(e: unknown, formFields: readonly string[] = []): void {
    clear()
    const f = fieldErrors(e, t, te)
    Object.assign(fields, f)
    const shownInForm = Object.keys(f).some((k) => formFields.includes(k))
    const extra = Object.entries(f)
      .filter(([k]) => !formFields.includes(k))
      .map(([k, v]) => `${k}: ${v}`)
    if (!shownInForm || extra.length) {
      ElMessage.error({ message: [message(e), ...extra].join('; '), grouping: true })
    }
  }

  return { fields, clear, message, report }
}
