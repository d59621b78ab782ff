import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { i18n } from '@/locales'
import {
  buildRequest,
  emptyForm,
  emptyViolation,
  factorGroups,
  parseFactors,
  parseTiers,
  tierKey,
  violationErrors,
  type DecideForm,
} from './form'

const DATA = join(__dirname, '..', 'data')
const csv = (name: string) => readFileSync(join(DATA, name), 'utf8')

function exampleForm(): DecideForm {
  const f = emptyForm()
  Object.assign(f, {
    law: 'auto',
    act_end_date: '2025-11-03',
    decision_date: '2025-12-01',
    discovered_date: '2025-11-04',
    birth_date: '1990-05-01',
    first_violation: true,
  })
  f.violations = [
    {
      ...emptyViolation('2012'),
      article: 43,
      paragraph: 2,
      kind: 'base',
      pick: 'detention',
      add_fine: false,
      factors: ['aggravate.recent_punishment'],
    },
  ]
  return f
}

describe('buildRequest', () => {
  it('builds the example request of the server CLI', () => {
    expect(buildRequest(exampleForm())).toEqual({
      law: 'auto',
      act_end_date: '2025-11-03',
      decision_date: '2025-12-01',
      discovered_date: '2025-11-04',
      offender: {
        birth_date: '1990-05-01',
        first_violation: true,
        pregnant: false,
        nursing_infant: false,
        mental_capacity: 'full',
        blind_or_deaf_mute: false,
      },
      prior_restraint_days: 0,
      violations: [
        {
          tier: { law: '2012', article: 43, paragraph: 2, kind: 'base' },
          pick: 'detention',
          add_fine: false,
          factors: ['aggravate.recent_punishment'],
          mitigation: 'lighten',
        },
      ],
    })
  })

  it('leaves out empty optional inputs and sends seq only when not 1', () => {
    const f = exampleForm()
    f.discovered_date = ''
    f.prior_restraint_days = 2.7
    f.violations.push({ ...emptyViolation('2025'), article: 37, paragraph: 1, kind: 'base', seq: 2, pick: 'fine', add_fine: true })
    f.violations.push(emptyViolation('2025'))
    f.violations[0].factors = ['a', 'a', 'b']
    const r = buildRequest(f)
    expect(r).not.toHaveProperty('discovered_date')
    expect(r.prior_restraint_days).toBe(2)
    expect(r.violations[0].factors).toEqual(['a', 'b'])
    // add_fine only goes with detention
    expect(r.violations[1]).toEqual({
      tier: { law: '2025', article: 37, paragraph: 1, kind: 'base', seq: 2 },
      pick: 'fine',
      factors: [],
      mitigation: 'lighten',
    })
    // nothing chosen: the server names what is missing
    expect(r.violations[2]).toEqual({ tier: { law: '2025' }, factors: [], mitigation: 'lighten' })
  })

  it('does not share state between forms', () => {
    const a = emptyForm()
    a.violations[0].factors.push('x')
    expect(emptyForm().violations[0].factors).toEqual([])
  })
})

describe('catalogue copies', () => {
  const t2012 = parseTiers(csv('tiers_2012.csv'))
  const t2025 = parseTiers(csv('tiers_2025.csv'))
  const factors = parseFactors(csv('factors.csv'))

  it('reads the tier rows with their clause text', () => {
    expect(t2012.length).toBeGreaterThan(50)
    expect(t2025.length).toBeGreaterThan(50)
    const row = t2012.find((r) => r.article === 43 && r.paragraph === 2 && r.kind === 'base')
    expect(row?.clause).toContain('拘留')
    for (const r of [...t2012, ...t2025]) {
      expect(['light', 'base', 'heavy']).toContain(r.kind)
      expect(Number.isInteger(r.article) && r.article > 0).toBe(true)
    }
    expect(new Set(t2025.map(tierKey)).size).toBe(t2025.length)
  })

  it('names factors in the chosen text and marks those only in the other', () => {
    expect(factors.find((f) => f.law === '2012' && f.code === 'aggravate.recent_punishment')?.name).toBe('六个月内曾受过治安管理处罚')
    const g2012 = factorGroups(factors, '2012').flatMap((g) => g.options)
    expect(g2012.find((o) => o.code === 'aggravate.recent_punishment')).toEqual({
      code: 'aggravate.recent_punishment',
      name: '六个月内曾受过治安管理处罚',
      other: '',
    })
    expect(g2012.find((o) => o.code === 'lenient.admit_and_accept')?.other).toBe('2025')
    const groups = factorGroups(factors, '2025').map((g) => g.group)
    expect(groups).toEqual(['aggravate', 'mitigate', 'lenient', 'offender', 'gate', 'exec'])
    for (const g of groups) expect(i18n.global.te(`discretion.factorGroup.${g}`, 'zh-CN'), g).toBe(true)
  })
})

describe('violationErrors', () => {
  it('sorts the server field keys of one violation by input', () => {
    const fields = {
      'violations[0].pick': '不在范围',
      'violations[0].tier.article': '必填',
      'violations[0].tier.kind': '必填',
      'violations[1].factors[2]': '未知',
      'offender.birth_date': '必填',
    }
    expect(violationErrors(fields, 0)).toEqual({ pick: '不在范围', tier: '必填; 必填' })
    expect(violationErrors(fields, 1)).toEqual({ factors: '未知' })
  })

  it('has translations for the discretion field problems', () => {
    for (const k of ['bad_date', 'unknown_value', 'unknown_tier', '2012_text_not_in_force_at_act']) {
      expect(i18n.global.te(`errors.field.${k}`, 'zh-CN'), k).toBe(true)
    }
  })
})
