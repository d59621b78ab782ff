import { describe, expect, it } from 'vitest'
import { classTag, positionOptions } from './shared'

describe('property page helpers', () => {
  it('names positions by their room and shelf', () => {
    const places = [
      { id: 1, parent_id: null, level: 'room', code: 'A', name: '一般物品库' },
      { id: 2, parent_id: 1, level: 'shelf', code: 'A-01', name: 'A-01号柜架' },
      { id: 3, parent_id: 2, level: 'position', code: 'A-01-01', name: 'A-01-01号位' },
    ]
    expect(positionOptions(places)).toEqual([{ id: 3, label: '一般物品库 / A-01号柜架 / A-01-01' }])
  })
  it('colours an overdue review red', () => {
    expect(classTag('overdue')).toBe('danger')
  })
})
