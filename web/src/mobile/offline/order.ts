// The order the offline queue is sent in (ADR 0053): an item goes after every item it depends on (a person
// before the visit that names them), otherwise in the order it was entered. An item whose dependency is stuck
// (a conflict or a refusal the officer must look at) or missing waits too. Pure, so it is unit-tested.

export type ItemStatus = 'pending' | 'conflict' | 'failed'

export interface Orderable {
  id: string
  seq: number
  status: ItemStatus
  depends_on: string[]
}

// The pending items that can be sent now, in sending order; those blocked by a stuck or missing dependency are
// left out (they stay in the queue, "待同步").
export function sendingOrder<T extends Orderable>(items: T[]): T[] {
  const byId = new Map(items.map((i) => [i.id, i]))
  const sorted = [...items].sort((a, b) => a.seq - b.seq)
  const placed = new Set<string>()
  const blocked = new Set<string>()
  const out: T[] = []
  const visiting = new Set<string>()
  // Depth-first: an item is placed after what it depends on. A dependency that is no longer queued was sent
  // (sent items leave the queue), so it does not hold anything back; a cycle blocks its members.
  function place(item: T): boolean {
    if (placed.has(item.id)) return true
    if (blocked.has(item.id) || visiting.has(item.id) || item.status !== 'pending') {
      blocked.add(item.id)
      return false
    }
    visiting.add(item.id)
    for (const dep of item.depends_on) {
      const d = byId.get(dep)
      if (d && !place(d)) {
        visiting.delete(item.id)
        blocked.add(item.id)
        return false
      }
    }
    visiting.delete(item.id)
    placed.add(item.id)
    out.push(item)
    return true
  }
  for (const item of sorted) place(item)
  return out
}

// Replaces references to items sent earlier ("ref:<item id>" in a list of ids) by the ids the server gave them.
// Unknown references are left as they are, so the server refuses them naming the field.
export function resolveRefs(ids: (number | string)[], sent: Record<string, number | string>): (number | string)[] {
  return ids.map((v) => (typeof v === 'string' && v.startsWith('ref:') && sent[v.slice(4)] !== undefined ? sent[v.slice(4)] : v))
}

// The items a body names by "ref:<item id>", as a field, in a list field, or in a list of objects (a person
// registered offline in a visit's person_ids, a photo taken offline in photo_media_id or media_ids, or in a
// counter record's photos[].media_id): what it depends on.
export function refsIn(body: Record<string, unknown>): string[] {
  const out = new Set<string>()
  for (const v of Object.values(body)) {
    for (const x of Array.isArray(v) ? v : [v]) {
      if (typeof x === 'string' && x.startsWith('ref:')) out.add(x.slice(4))
      else if (x && typeof x === 'object' && !Array.isArray(x)) for (const r of refsIn(x as Record<string, unknown>)) out.add(r)
    }
  }
  return [...out]
}

// The body with every reference (a field, a list element, or a field of an object in a list) replaced by the
// server's id of the item sent.
export function resolveBody(body: Record<string, unknown>, sent: Record<string, number | string>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(body)) {
    if (Array.isArray(v))
      out[k] = v.map((x) =>
        x && typeof x === 'object' && !Array.isArray(x) ? resolveBody(x as Record<string, unknown>, sent) : resolveRefs([x as number | string], sent)[0],
      )
    else out[k] = typeof v === 'string' ? resolveRefs([v], sent)[0] : v
  }
  return out
}
