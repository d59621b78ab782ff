// Pure helpers of the benchmark editions page: which workflow actions a user may take on an edition, the
// circumstance form and the request body built from it, and the CSV rows of a page of circumstances.
import type { Circumstance, CircumstanceInput, Edition, LawText, Pick, TierKind } from '@/api/discretion'

export type EditionAction = 'edit' | 'submit' | 'publish' | 'return' | 'copy'

// Draft, edit and submit belong to the legal office (discretion.edition.draft); publish and return to the
// leadership (discretion.edition.publish). Only a draft can change; any edition can be copied into a new draft.
export function editionActions(e: Edition, can: (permission: string) => boolean): EditionAction[] {
  const out: EditionAction[] = []
  if (can('discretion.edition.draft')) {
    if (e.status === 'draft') out.push('edit', 'submit')
    out.push('copy')
  }
  if (can('discretion.edition.publish') && e.status === 'review') out.push('publish', 'return')
  return out
}

export interface CircumstanceForm {
  id: string
  law: LawText
  article: number | null
  paragraph: number | null
  kind: TierKind | ''
  seq: number
  description: string
  base_detention: number | null
  base_fine: number | null
  pick: Pick | ''
  add_fine: '' | 'yes' | 'no'
}

export function emptyCircumstanceForm(): CircumstanceForm {
  return {
    id: '',
    law: '2025',
    article: null,
    paragraph: null,
    kind: '',
    seq: 1,
    description: '',
    base_detention: null,
    base_fine: null,
    pick: '',
    add_fine: '',
  }
}

export function circumstanceForm(c: Circumstance): CircumstanceForm {
  return {
    id: c.id,
    law: c.tier.law,
    article: c.tier.article,
    paragraph: c.tier.paragraph,
    kind: c.tier.kind,
    seq: c.tier.seq ?? 1,
    description: c.description,
    base_detention: c.base_detention,
    base_fine: c.base_fine,
    pick: c.pick,
    add_fine: c.add_fine === null ? '' : c.add_fine ? 'yes' : 'no',
  }
}

// The PUT body. Missing tier parts are left out so that the server names them (`tier.article: required`).
export function circumstanceInput(f: CircumstanceForm): CircumstanceInput {
  const tier: Record<string, unknown> = { law: f.law }
  if (f.article !== null) tier.article = f.article
  if (f.paragraph !== null) tier.paragraph = f.paragraph
  if (f.kind) tier.kind = f.kind
  if (f.seq && f.seq !== 1) tier.seq = f.seq
  return {
    tier: tier as unknown as CircumstanceInput['tier'],
    description: f.description.trim(),
    base_detention: f.base_detention || null,
    base_fine: f.base_fine === null || (f.base_fine as unknown) === '' ? null : f.base_fine,
    pick: f.pick,
    add_fine: f.add_fine === '' ? null : f.add_fine === 'yes',
  }
}

export function tierText(c: Circumstance): string {
  const seq = c.tier.seq && c.tier.seq > 1 ? `(${c.tier.seq})` : ''
  return `${c.tier.law} §${c.tier.article}¶${c.tier.paragraph} ${c.tier.kind}${seq}`
}

export function circumstanceCsvRows(items: Circumstance[]): (string | number)[][] {
  return items.map((c) => [
    c.id,
    tierText(c),
    c.description,
    c.base_detention ?? '',
    c.base_fine ?? '',
    c.pick,
    c.add_fine === null ? '' : c.add_fine ? 1 : 0,
  ])
}
