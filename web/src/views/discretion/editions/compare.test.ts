import { describe, expect, it } from 'vitest'
import type { Circumstance, Factor } from '@/api/discretion'
import { allCircumstances, diffEditions } from './compare'

const c = (id: string, over: Partial<Circumstance> = {}): Circumstance => ({
  id,
  tier: { law: '2012', article: 43, paragraph: 1, kind: 'base' },
  description: '殴打他人',
  base_detention: 7,
  base_fine: 300,
  pick: '',
  add_fine: null,
  ...over,
})
const f = (code: string, percent: number): Factor => ({
  law: '2012', code, source: '', article: 20, paragraph: 0, item: 1, mandatory: true, percent, name: code, citation: '',
})

describe('comparing a draft edition with the published one', () => {
  it('lists added, removed and changed circumstances with the fields that changed', () => {
    const d = diffEditions(
      { circumstances: [c('A'), c('B'), c('C')], factors: [] },
      { circumstances: [c('A'), c('C', { base_fine: 400, description: '殴打他人致轻微伤' }), c('D')], factors: [] },
    )
    expect(d.added.map((x) => x.id)).toEqual(['D'])
    expect(d.removed.map((x) => x.id)).toEqual(['B'])
    expect(d.changed).toHaveLength(1)
    expect(d.changed[0].fields).toEqual(['description', 'base_fine'])
    expect(d.changed[0].before.base_fine).toBe(300)
  })

  it('notices a circumstance moved to another tier and a factor percentage change', () => {
    const d = diffEditions(
      { circumstances: [c('A')], factors: [f('aggravate.recent_punishment', 20), f('mitigate.remedied', -20)] },
      {
        circumstances: [c('A', { tier: { law: '2012', article: 43, paragraph: 2, kind: 'base' } })],
        factors: [f('aggravate.recent_punishment', 30), f('mitigate.remedied', -20)],
      },
    )
    expect(d.changed[0].fields).toEqual(['tier'])
    expect(d.factors).toEqual([{ law: '2012', code: 'aggravate.recent_punishment', name: 'aggravate.recent_punishment', before: 20, after: 30 }])
  })

  it('finds nothing between identical editions', () => {
    const same = { circumstances: [c('A'), c('B')], factors: [f('x', 10)] }
    expect(diffEditions(same, same)).toEqual({ added: [], removed: [], changed: [], factors: [] })
  })

  it('reads every page of an edition', async () => {
    const data = Array.from({ length: 450 }, (_, i) => c(`C${i}`))
    const pages: number[] = []
    const all = await allCircumstances(async (page, size) => {
      pages.push(page)
      return { items: data.slice((page - 1) * size, page * size), total: data.length }
    })
    expect(all).toHaveLength(450)
    expect(pages).toEqual([1, 2, 3])
  })
})
