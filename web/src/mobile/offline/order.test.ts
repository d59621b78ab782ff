import { describe, expect, it } from 'vitest'
import { resolveRefs, sendingOrder, type Orderable } from './order'

const item = (id: string, seq: number, depends_on: string[] = [], status: Orderable['status'] = 'pending'): Orderable => ({
  id,
  seq,
  status,
  depends_on,
})

describe('sendingOrder', () => {
  it('keeps the order of entry when nothing depends on anything', () => {
    expect(sendingOrder([item('c', 3), item('a', 1), item('b', 2)]).map((i) => i.id)).toEqual(['a', 'b', 'c'])
  })

  it('sends a person before the visit naming them, even when the visit was entered first', () => {
    // The visit (seq 1) names a person registered later (seq 2): the person goes first.
    const order = sendingOrder([item('visit', 1, ['person']), item('person', 2), item('check', 3)])
    expect(order.map((i) => i.id)).toEqual(['person', 'visit', 'check'])
  })

  it('holds back what depends on a conflict, and nothing else', () => {
    const order = sendingOrder([item('person', 1, [], 'conflict'), item('visit', 2, ['person']), item('check', 3)])
    expect(order.map((i) => i.id)).toEqual(['check'])
  })

  it('does not wait for a dependency that was already sent (no longer queued)', () => {
    expect(sendingOrder([item('visit', 5, ['gone'])]).map((i) => i.id)).toEqual(['visit'])
  })

  it('blocks a cycle instead of looping', () => {
    const order = sendingOrder([item('a', 1, ['b']), item('b', 2, ['a']), item('c', 3)])
    expect(order.map((i) => i.id)).toEqual(['c'])
  })

  it('chains: a house, its person, their visit', () => {
    const order = sendingOrder([item('visit', 1, ['person']), item('person', 2, ['house']), item('house', 3)])
    expect(order.map((i) => i.id)).toEqual(['house', 'person', 'visit'])
  })
})

describe('resolveRefs', () => {
  it('puts the server ids of sent items in place of the references', () => {
    expect(resolveRefs(['ref:p1', 7, 'ref:unknown'], { p1: 42 })).toEqual([42, 7, 'ref:unknown'])
  })
})
