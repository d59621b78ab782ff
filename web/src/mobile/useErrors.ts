// Errors on the phone: field problems next to their fields (van-field :error-message), the rest in a toast.
// The words come from the shared errors.json (utils/errorText.ts), as on the desktop.
import { reactive } from 'vue'
import { useI18n } from 'vue-i18n'
import { showToast } from 'vant'
import { errorMessage, fieldErrors } from '@/utils/errorText'

export function usePhoneErrors() {
  const { t, te } = useI18n()
  const fields = reactive<Record<string, string>>({})

  function clear(): void {
    for (const k of Object.keys(fields)) delete fields[k]
  }

  function message(e: unknown): string {
    return errorMessage(e, t, te)
  }

  function report(e: unknown, formFields: readonly string[] = []): void {
    clear()
    const f = fieldErrors(e, t, te)
    const shown = Object.keys(f).filter((k) => formFields.includes(k))
    Object.assign(fields, f)
    const rest = Object.entries(f)
      .filter(([k]) => !formFields.includes(k))
      .map(([k, v]) => `${k}: ${v}`)
    if (!shown.length || rest.length) showToast({ message: [message(e), ...rest].join('\n'), wordBreak: 'break-word' })
  }

  return { fields, clear, message, report }
}
