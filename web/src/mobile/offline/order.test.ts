import { describe, expect, it } from 'vitest'
import { refsIn, resolveBody, resolveRefs, sendingOrder, type Orderable } from './order'

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

describe('photos taken offline', () => {
  it('a body depends on the photos and people it names, as a field or in a list', () => {
    expect(refsIn({ photo_media_id: 'ref:ph1', person_ids: ['ref:p1', 7], media_ids: ['ref:ph2'], note: 'ref is a word' }).sort())
      .toEqual(['p1', 'ph1', 'ph2'])
    expect(refsIn({ name: '张三', media_ids: [] })).toEqual([])
  })
  it('the sent photo\'s media_id replaces its reference; the rest is left as it is', () => {
    const sent = { ph1: 'm_abc', p1: 42 }
    expect(resolveBody({ photo_media_id: 'ref:ph1', person_ids: ['ref:p1', 7], media_ids: ['ref:ph9'], report: '已走访', n: 3 }, sent))
      .toEqual({ photo_media_id: 'm_abc', person_ids: [42, 7], media_ids: ['ref:ph9'], report: '已走访', n: 3 })
  })
  it('a counter record names its photos in a list of objects: it depends on them and gets their media_ids', () => {
    const body = { waybill_no: 'SD1', photos: [{ media_id: 'ref:ph1', kind: 'opened' }, { media_id: 'm_ok', kind: 'parcel' }], ocr_corrected: ['name'] }
    expect(refsIn(body)).toEqual(['ph1'])
    expect(resolveBody(body, { ph1: 'm_abc' })).toEqual({
      waybill_no: 'SD1', photos: [{ media_id: 'm_abc', kind: 'opened' }, { media_id: 'm_ok', kind: 'parcel' }], ocr_corrected: ['name'],
    })
  })
  it('a report naming a photo waits for the photo; a stuck photo holds it back', () => {
    const photo = { id: 'ph1', seq: 2, status: 'pending' as const, depends_on: [] }
    const report = { id: 'r1', seq: 1, status: 'pending' as const, depends_on: ['ph1'] }
    expect(sendingOrder([report, photo]).map((i) => i.id)).toEqual(['ph1', 'r1'])
    expect(sendingOrder([report, { ...photo, status: 'failed' as const }]).map((i) => i.id)).toEqual([])
  })
})
