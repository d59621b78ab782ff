import { describe, expect, it } from 'vitest'
import { buildCase, emptyCaseForm, emptyPerson, idNumberProblem, phoneProblem, residentIdProblem } from './form'

describe('new-case form checks', () => {
  it('accepts a GB 11643 ID with the right check character and a real birth date', () => {
    expect(residentIdProblem('519901199001011233')).toBe('')
    expect(residentIdProblem('519901200002290022')).toBe('') // 29 February of a leap year
    expect(residentIdProblem('51990120000229002x')).toBe('bad_check_character')
  })

  it('names what is wrong with a bad ID', () => {
    expect(residentIdProblem('519901199001011234')).toBe('bad_check_character')
    expect(residentIdProblem('51990119900101123')).toBe('bad_format')
    expect(residentIdProblem('519901199002301235')).toBe('bad_birth_date')
    expect(residentIdProblem('519901210001011235')).toBe('bad_birth_date') // in the future
  })

  it('checks the number only for resident IDs, and nothing without an ID', () => {
    expect(idNumberProblem({ id_type: 'passport', id_number: 'E12345678' })).toBe('')
    expect(idNumberProblem({ id_type: 'none', id_number: 'whatever' })).toBe('')
    expect(idNumberProblem({ id_type: 'resident_id', id_number: '' })).toBe('')
  })

  it('takes mainland mobiles and fixed lines', () => {
    expect(phoneProblem('13800001234')).toBe('')
    expect(phoneProblem('0817-2345678')).toBe('')
    expect(phoneProblem('')).toBe('')
    expect(phoneProblem('12345')).toBe('bad_format')
    expect(phoneProblem('1380000123a')).toBe('bad_format')
  })
})

describe('new-case request', () => {
  it('is the API shape: UTC time, place object, people without empty fields, the idempotency key', () => {
    const f = emptyCaseForm()
    Object.assign(f, {
      cause: ' 盗窃 ',
      occurred_at: '2026-11-27 14:30:00',
      place: '城关镇人民路 1 号',
      facts: '事实',
      lat: 31.5,
      lng: 106.1,
    })
    f.people = [
      { ...emptyPerson('reporter'), name: '张三', id_number: '519901199001011233', phone: '138 0000 1234' },
      { ...emptyPerson('witness'), name: '李四', id_type: 'none', id_number: 'ignored' },
    ]
    expect(buildCase(f, 'key-1')).toEqual({
      case_type: 'administrative',
      law: '2025',
      cause: '盗窃',
      source: 'walk_in',
      occurred_at: '2026-11-27T06:30:00Z',
      place: { address: '城关镇人民路 1 号', lat: 31.5, lon: 106.1 },
      facts: '事实',
      people: [
        { role: 'reporter', name: '张三', id_type: 'resident_id', id_number: '519901199001011233', phone: '13800001234' },
        { role: 'witness', name: '李四', id_type: 'none' },
      ],
      idempotency_key: 'key-1',
    })
  })

  it('sends no law for a criminal case', () => {
    const f = { ...emptyCaseForm(), case_type: 'criminal' as const, people: [] }
    expect(buildCase(f, 'k').law).toBeUndefined()
  })
})
