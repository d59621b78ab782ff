// Words and colours shared by the property pages.
export const CATEGORIES = ['cash', 'vehicle', 'electronics', 'drugs', 'weapons', 'documents', 'valuables', 'perishables', 'other']
export const PURPOSES = ['appraisal', 'interrogation', 'identification', 'court', 'other']
export const DISPOSALS = ['return_owner', 'confiscate', 'auction', 'destroy', 'hand_to_authority']

type Tag = 'success' | 'warning' | 'danger' | 'info' | 'primary'

export function stateTag(state: string): Tag {
  return ({ registered: 'warning', in_store: 'success', out: 'primary', handed_over: 'info', disposed: 'info' } as Record<string, Tag>)[state] ?? 'info'
}

export function classTag(c: string): Tag {
  return ({ overdue: 'danger', due: 'warning', on_hold: 'info', approved: 'success', requested: 'primary' } as Record<string, Tag>)[c] ?? 'info'
}

// Positions of a store as "room / shelf / position" paths, for a place picker.
export interface PlaceOption {
  id: number
  label: string
}
export function positionOptions(places: { id: number; parent_id: number | null; level: string; code: string; name: string }[]): PlaceOption[] {
  const byId = new Map(places.map((p) => [p.id, p]))
  return places
    .filter((p) => p.level === 'position')
    .map((p) => {
      const names: string[] = []
      let cur: typeof p | undefined = p
      while (cur) {
        names.unshift(cur.level === 'position' ? cur.code : cur.name)
        cur = cur.parent_id ? byId.get(cur.parent_id) : undefined
      }
      return { id: p.id, label: names.join(' / ') }
    })
}
