// Compares a draft benchmark edition with the published one (the legal office checks what a publication
// would change): circumstances added, removed or changed field by field, and factor percentages changed.
import type { Circumstance, Factor } from '@/api/discretion'

export type CircumstanceField = 'tier' | 'description' | 'base_detention' | 'base_fine' | 'pick' | 'add_fine'

export interface ChangedCircumstance {
  id: string
  before: Circumstance
  after: Circumstance
  fields: CircumstanceField[]
}

export interface FactorChange {
  law: string
  code: string
  name: string
  before: number
  after: number
}

export interface EditionDiff {
  added: Circumstance[]
  removed: Circumstance[]
  changed: ChangedCircumstance[]
  factors: FactorChange[]
}

function tierKey(c: Circumstance): string {
  const t = c.tier
  return `${t.law}/${t.article}/${t.paragraph}/${t.kind}/${t.seq ?? 1}`
}

function changedFields(a: Circumstance, b: Circumstance): CircumstanceField[] {
  const out: CircumstanceField[] = []
  if (tierKey(a) !== tierKey(b)) out.push('tier')
  if (a.description !== b.description) out.push('description')
  if (a.base_detention !== b.base_detention) out.push('base_detention')
  if (a.base_fine !== b.base_fine) out.push('base_fine')
  if (a.pick !== b.pick) out.push('pick')
  if (a.add_fine !== b.add_fine) out.push('add_fine')
  return out
}

// Everything in `after` that differs from `before`, each list ordered by circumstance id / factor code.
export function diffEditions(
  before: { circumstances: Circumstance[]; factors: Factor[] },
  after: { circumstances: Circumstance[]; factors: Factor[] },
): EditionDiff {
  const old = new Map(before.circumstances.map((c) => [c.id, c]))
  const now = new Map(after.circumstances.map((c) => [c.id, c]))
  const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id)
  const added = after.circumstances.filter((c) => !old.has(c.id)).sort(byId)
  const removed = before.circumstances.filter((c) => !now.has(c.id)).sort(byId)
  const changed: ChangedCircumstance[] = []
  for (const c of after.circumstances) {
    const o = old.get(c.id)
    if (!o) continue
    const fields = changedFields(o, c)
    if (fields.length) changed.push({ id: c.id, before: o, after: c, fields })
  }
  changed.sort(byId)
  const oldPercent = new Map(before.factors.map((f) => [`${f.law}/${f.code}`, f.percent]))
  const factors: FactorChange[] = []
  for (const f of after.factors) {
    const p = oldPercent.get(`${f.law}/${f.code}`)
    if (p !== undefined && p !== f.percent) factors.push({ law: f.law, code: f.code, name: f.name, before: p, after: f.percent })
  }
  factors.sort((a, b) => `${a.law}/${a.code}`.localeCompare(`${b.law}/${b.code}`))
  return { added, removed, changed, factors }
}

// Reads every circumstance of an edition, page by page (the server pages at most 200).
export async function allCircumstances(
  fetchPage: (page: number, pageSize: number) => Promise<{ items: Circumstance[]; total: number }>,
): Promise<Circumstance[]> {
  const out: Circumstance[] = []
  for (let page = 1; ; page += 1) {
    const r = await fetchPage(page, 200)
    out.push(...r.items)
    if (r.items.length === 0 || out.length >= r.total) return out
  }
}
