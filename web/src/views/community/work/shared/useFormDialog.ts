// What every work form dialog shares: a fresh form and a fresh client_key each time it opens (a second click on
// save in the same dialog resends the same key, so a lost reply never makes two records), and after a
// successful save the toast, closing, and the `saved` event.
import { reactive, watch, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessage, type FormInstance } from 'element-plus'
import { newClientKey } from '@/api/communityWork'
import { useSubmit } from '@/composables/useSubmit'

export function useFormDialog<F extends object>(
  open: Ref<boolean>,
  blank: () => F,
  formFields: readonly string[] | (() => readonly string[]),
  onSaved: () => void,
) {
  const { t } = useI18n()
  const { busy, fields, run } = useSubmit(formFields)
  const form = reactive(blank()) as F
  let clientKey = newClientKey()

  watch(open, (v) => {
    if (!v) return
    Object.assign(form, blank())
    clientKey = newClientKey()
  })

  async function save(work: (clientKey: string) => Promise<unknown>, formRef?: FormInstance): Promise<void> {
    if (!(await run(() => work(clientKey), formRef))) return
    ElMessage.success(t('work.common.saved'))
    open.value = false
    onSaved()
  }

  return { form, busy, fields, save }
}
