import { describe, expect, it } from 'vitest'
import { identityOf, identityProblem } from './identity'

// 11010519491231002X: the GB 11643 example number; 110105491231002 its 15-digit form.
describe('a person named by ID number and name on a house or unit form', () => {
  it('is optional: both empty is none and no problem', () => {
    expect(identityOf(' ', '')).toBeNull()
    expect(identityProblem('', ' ')).toBe('')
  })

  it('sends the number as the server keeps it', () => {
    expect(identityOf('11010519491231002x', ' 张三 ')).toEqual({ id_kind: 'resident_id', id_number: '11010519491231002X', name: '张三' })
    expect(identityOf('110105491231002', '张三')?.id_number).toBe('11010519491231002X')
  })

  it('names what is wrong', () => {
    expect(identityProblem('110105194912310021', '张三')).toBe('id') // wrong check character
    expect(identityProblem('', '张三')).toBe('id')
    expect(identityProblem('11010519491231002X', '')).toBe('name')
    expect(identityProblem('11010519491231002X', '张三')).toBe('')
  })
})
