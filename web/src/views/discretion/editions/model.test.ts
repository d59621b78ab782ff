import { describe, expect, it } from 'vitest'
import type { Circumstance, Edition } from '@/api/discretion'
import { circumstanceCsvRows, circumstanceForm, circumstanceInput, editionActions, emptyCircumstanceForm } from './model'

const edition = (status: Edition['status']): Edition => ({
  id: 4, code: 'CG-2026', version: 1, title: 't', sample: false, status, based_on: 1, content_hash: '', created_by: 5,
  created_at: 0, submitted_by: 0, submitted_at: 0, reviewed_by: 0, reviewed_at: 0, published_at: 0, review_note: '',
  circumstance_count: 1,
})
const perms = (...p: string[]) => (x: string) => p.includes(x)

describe('editionActions', () => {
  it('lets the legal office edit and submit drafts, and copy any edition', () => {
    const legal = perms('discretion.edition.read', 'discretion.edition.draft')
    expect(editionActions(edition('draft'), legal)).toEqual(['edit', 'submit', 'copy'])
    expect(editionActions(edition('review'), legal)).toEqual(['copy'])
    expect(editionActions(edition('published'), legal)).toEqual(['copy'])
  })

  it('lets leaders publish or return only what is under review', () => {
    const leader = perms('discretion.edition.read', 'discretion.edition.publish')
    expect(editionActions(edition('review'), leader)).toEqual(['publish', 'return'])
    expect(editionActions(edition('draft'), leader)).toEqual([])
    expect(editionActions(edition('published'), leader)).toEqual([])
  })

  it('gives officers nothing to change', () => {
    expect(editionActions(edition('draft'), perms('discretion.edition.read'))).toEqual([])
  })
})

describe('circumstance form', () => {
  // 2012 §43¶2 (十日以上十五日以下拘留，并处五百元以上一千元以下罚款): base points 14 days and 600 yuan.
  const c: Circumstance = {
    id: 'cg-43-2-a', tier: { law: '2012', article: 43, paragraph: 2, kind: 'base' }, description: '殴打老人',
    base_detention: 14, base_fine: 600, pick: '', add_fine: null,
  }

  it('round-trips a circumstance into the PUT body', () => {
    expect(circumstanceInput(circumstanceForm(c))).toEqual({
      tier: { law: '2012', article: 43, paragraph: 2, kind: 'base' }, description: '殴打老人', base_detention: 14,
      base_fine: 600, pick: '', add_fine: null,
    })
  })

  it('leaves out missing tier parts so the server names them, and maps the default base points to null', () => {
    const f = emptyCircumstanceForm()
    f.description = '  x  '
    f.add_fine = 'no'
    f.base_fine = 0
    expect(circumstanceInput(f)).toEqual({
      tier: { law: '2025' }, description: 'x', base_detention: null, base_fine: 0, pick: '', add_fine: false,
    })
  })

  it('exports the rows with the tier and the base points', () => {
    expect(circumstanceCsvRows([c])).toEqual([['cg-43-2-a', '2012 §43¶2 base', '殴打老人', 14, 600, '', '']])
  })
})
