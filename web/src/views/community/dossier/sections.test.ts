import { describe, expect, it } from 'vitest'
import { cellText, sectionColumns } from './sections'

const label = (group: string, key: string): string => `${group}:${key}`

describe('person page sections', () => {
  it('shows a known section in its fixed columns and a later module\'s from its items', () => {
    expect(sectionColumns({ name: 'cases', order: 100, items: [], hidden: 0 })[0]).toBe('case_no')
    const visits = { name: 'later_module', order: 900, hidden: 0, items: [{ visit_id: 1, on_date: '2026-12-01', note: '走访' }, { extra: 'x' }] }
    expect(sectionColumns(visits)).toEqual(['on_date', 'note', 'extra'])
  })

  it('writes times in China time, codes through their labels and blanks as a dash', () => {
    expect(cellText('accepted_at', '2026-12-01T00:30:00Z', label)).toBe('2026-12-01 08:30:00')
    expect(cellText('role', 'victim', label)).toBe('code:victim')
    expect(cellText('reason', '', label)).toBe('—')
    expect(cellText('phones', ['1', '2'], label)).toBe('1、2')
  })
})
