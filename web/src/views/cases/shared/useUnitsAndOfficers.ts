// Choices for the unit and officer filters. The unit tree (GET /units) and the user list (GET /users) are for
// administrators; a business role without them still gets choices: the units and lead officers of the cases it
// has been shown (`remember`), which are the ones its filters can match. Filters search old records too, so units
// dissolved by a restructure are listed, marked as such.
import { computed, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { listUnits, type Unit } from '@/api/units'
import { listUsers } from '@/api/users'
import type { CaseSummary, OfficerRef } from '@/api/cases'
import { useSessionStore } from '@/store/modules/session'
import { unitOptions, type UnitOption } from '@/views/system/units/tree'

interface SeenUnit {
  id: number
  name: string
}

export function useUnitsAndOfficers() {
  const session = useSessionStore()
  const { t } = useI18n()
  const units = ref<Unit[]>([])
  const seenUnits = ref<SeenUnit[]>([])
  const listed = ref<OfficerRef[]>([])
  const seenOfficers = ref<OfficerRef[]>([])
  const searching = ref(false)
  const query = ref('')

  const unitTree = computed<Pick<UnitOption, 'value' | 'label' | 'children'>[]>(() =>
    units.value.length
      ? unitOptions(units.value)
      : seenUnits.value.map((u) => ({ value: u.id, label: u.name, children: [] })),
  )

  const officers = computed<OfficerRef[]>(() => {
    const byId = new Map<number, OfficerRef>()
    const q = query.value.trim()
    for (const o of seenOfficers.value) if (!q || o.name.includes(q) || o.police_no.includes(q)) byId.set(o.id, o)
    for (const o of listed.value) byId.set(o.id, o)
    return [...byId.values()]
  })

  async function loadUnits(): Promise<void> {
    if (!session.can('unit.read')) return
    try {
      units.value = (await listUnits({ includeDissolved: true })).items.map((u) =>
        u.dissolved_at ? { ...u, name: t('units.dissolvedName', { name: u.name }) } : u,
      )
    } catch {
      units.value = []
    }
  }

  async function searchOfficers(q: string): Promise<void> {
    query.value = q
    if (!session.can('user.read')) return
    searching.value = true
    try {
      const r = await listUsers({ q: q.trim() || undefined, page: 1, page_size: 50 })
      listed.value = r.items.map((u) => ({ id: u.id, name: u.name, police_no: u.police_no }))
    } catch {
      listed.value = []
    } finally {
      searching.value = false
    }
  }

  function remember(rows: Pick<CaseSummary, 'unit_id' | 'unit_name' | 'lead_officer'>[]): void {
    const u = new Map(seenUnits.value.map((x) => [x.id, x]))
    const o = new Map(seenOfficers.value.map((x) => [x.id, x]))
    for (const r of rows) {
      u.set(r.unit_id, { id: r.unit_id, name: r.unit_name })
      if (r.lead_officer) o.set(r.lead_officer.id, r.lead_officer)
    }
    seenUnits.value = [...u.values()].sort((a, b) => a.name.localeCompare(b.name))
    seenOfficers.value = [...o.values()].sort((a, b) => a.name.localeCompare(b.name))
  }

  return { units, unitTree, officers, searching, loadUnits, searchOfficers, remember }
}
