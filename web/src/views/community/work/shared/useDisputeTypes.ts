// The dispute catalogue (data/dispute_types.csv on the server), loaded once per page, named in the UI's language.
import { computed, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { listDisputeTypes, type DisputeType } from '@/api/communityWork'

export function useDisputeTypes() {
  const { locale } = useI18n()
  const types = ref<DisputeType[]>([])
  const load = async (): Promise<void> => {
    types.value = (await listDisputeTypes()).items
  }
  const name = (code: string): string => {
    const d = types.value.find((x) => x.code === code)
    if (!d) return code
    return locale.value === 'en' ? d.name_en : d.name_zh
  }
  const options = computed(() => types.value.map((d) => ({ value: d.code, label: name(d.code), basis: d.basis })))
  return { types, load, name, options }
}
