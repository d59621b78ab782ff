import { describe, expect, it } from 'vitest'
import { buildEvent, emptyActionForm, isFact } from './actionForm'

describe('case action request', () => {
  it('carries the version the user saw and the idempotency key of the dialog', () => {
    const f = { ...emptyActionForm(), key: 'abc', reason: '  ' }
    expect(buildEvent({ action: 'file', to_state: 'filed', requires: [] }, f, 4)).toEqual({
      action: 'file',
      expected_version: 4,
      idempotency_key: 'abc',
    })
  })

  it('sends the reason, suspect and days only when given and required', () => {
    const f = { ...emptyActionForm(), key: 'k', reason: ' 延长 ', person_id: 9, days: 7 }
    expect(buildEvent({ action: 'note', to_state: '=', requires: ['reason'] }, f, 1)).toEqual({
      action: 'note', expected_version: 1, idempotency_key: 'k', reason: '延长',
    })
    expect(buildEvent({ action: 'arrest_request_extended', to_state: '=', requires: ['person', 'days'] }, f, 2)).toEqual({
      action: 'arrest_request_extended', expected_version: 2, idempotency_key: 'k', reason: '延长', person_id: 9, days: 7,
    })
  })

  it('names the seized item and the ground of a long arrest-request extension in data', () => {
    const f = { ...emptyActionForm(), key: 'k', item: ' 手机一部 ', person_id: 3, days: 30, ground: 'gang' }
    expect(buildEvent({ action: 'seized', to_state: '=', requires: [] }, f, 1).data).toEqual({ item: '手机一部' })
    expect(buildEvent({ action: 'detention_extended', to_state: '=', requires: ['person', 'days'] }, f, 1).data).toEqual({ ground: 'gang' })
    expect(buildEvent({ action: 'detention_extended', to_state: '=', requires: ['person', 'days'] }, { ...f, days: 7 }, 1).data).toBeUndefined()
  })

  it('tells facts from state changes', () => {
    expect(isFact({ action: 'note', to_state: '=', requires: [] })).toBe(true)
    expect(isFact({ action: 'file', to_state: 'filed', requires: [] })).toBe(false)
  })
})
