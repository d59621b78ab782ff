import { describe, expect, it } from 'vitest'
import { i18n } from '@/locales'
import {
  buildRequest,
  emptyForm,
  emptyViolation,
  factorGroups,
  factorRows,
  factsFor,
  factsInput,
  rulesFor,
  tierKey,
  tierRows,
  violationErrors,
  type DecideForm,
} from './form'

import type { AggravationRule, Factor, FactDef, Tier } from '@/api/discretion'

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

// Rows as GET /discretion/catalogue and /discretion/factors send them (2012 §43¶2; 2012 §20(四); 2025 §21).
const TIER_43_2: Tier = {
  law: '2012', article: 43, paragraph: 2, kind: 'base', seq: 1, combination: 'AND', detention_min: 10,
  detention_max: 15, fine_min: 500, fine_max: 1000, gains_multiple_min: 0, gains_multiple_max: 0, warning: false,
  other: '', clause: '处十日以上十五日以下拘留，并处五百元以上一千元以下罚款', citation: '《治安管理处罚法》（2012）第四十三条第二款',
}
const factor = (law: '2012' | '2025', code: string, name: string, article: number): Factor => ({
  law, code, name, article, paragraph: 1, item: 0, source: `治安管理处罚法（${law}）`, mandatory: true, percent: 20,
  citation: `《治安管理处罚法》（${law}）第${article}条`,
})
const FACTORS: Factor[] = [
  factor('2012', 'aggravate.recent_punishment', '六个月内曾受过治安管理处罚', 20),
  factor('2025', 'aggravate.recent_punishment', '一年以内曾受过治安管理处罚', 22),
  factor('2025', 'lenient.admit_and_accept', '认错认罚', 21),
  factor('2025', 'exec.repeat_within_year', '一年以内二次以上违反治安管理', 23),
  factor('2025', 'mitigate.remedied', '主动消除或者减轻违法后果', 20),
  factor('2025', 'offender.minor', '已满十四周岁不满十八周岁', 12),
  factor('2025', 'gate.self_defence', '正当防卫', 19),
]

describe('catalogue rows from the server', () => {
  it('keeps the tier key and the clause text', () => {
    const [row] = tierRows([TIER_43_2])
    expect(row).toEqual({ law: '2012', article: 43, paragraph: 2, kind: 'base', seq: 1, clause: TIER_43_2.clause })
    expect(tierKey(row)).toBe('43-2-base-1')
  })

  it('names factors in the chosen text and marks those only in the other', () => {
    const rows = factorRows(FACTORS)
    expect(rows[0]).toMatchObject({ code: 'aggravate.recent_punishment', citation: '《治安管理处罚法》（2012）第20条', percent: 20 })
    const g2012 = factorGroups(rows, '2012').flatMap((g) => g.options)
    expect(g2012.find((o) => o.code === 'aggravate.recent_punishment')).toEqual({
      code: 'aggravate.recent_punishment',
      name: '六个月内曾受过治安管理处罚',
      other: '',
    })
    expect(g2012.find((o) => o.code === 'lenient.admit_and_accept')?.other).toBe('2025')
    const groups = factorGroups(rows, '2025').map((g) => g.group)
    expect(groups).toEqual(['aggravate', 'mitigate', 'lenient', 'offender', 'gate', 'exec'])
    for (const g of groups) expect(i18n.global.te(`discretion.factorGroup.${g}`, 'zh-CN'), g).toBe(true)
  })

  it('sends the chosen edition only when one is chosen', () => {
    const f = exampleForm()
    expect('edition_id' in buildRequest(f)).toBe(false)
    f.edition_id = 7
    expect(buildRequest(f).edition_id).toBe(7)
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

// Two rows of data/aggravations.csv and part of data/facts.csv as GET /discretion/aggravations gives them.
const RULES: AggravationRule[] = [
  {
    law: '2012', code: 'a43_2.gang', from_article: 43, from_paragraph: 1, article: 43, paragraph: 2, item: 1,
    basis: '《治安管理处罚法》（2012）第四十三条第二款第（一）项', name: '结伙殴打、伤害他人', condition: 'offenders >= 2',
    facts: ['offenders'], note: '', effect: 'tier', tier: { law: '2012', article: 43, paragraph: 2, kind: 'base' },
  },
  {
    law: '2012', code: 'a43_2.victim_60', from_article: 43, from_paragraph: 1, article: 43, paragraph: 2, item: 2,
    basis: '《治安管理处罚法》（2012）第四十三条第二款第（二）项', name: '殴打、伤害六十周岁以上的人',
    condition: 'victim.age >= 60', facts: ['victim.age'], note: '', effect: 'tier',
    tier: { law: '2012', article: 43, paragraph: 2, kind: 'base' },
  },
]
const DEFS: FactDef[] = [
  { name: 'offenders', type: 'int', name_zh: '共同实施的人数（含本人）', min: 1, max: 1000 },
  { name: 'ringleader', type: 'bool', name_zh: '首要分子' },
  { name: 'victim.birth_date', type: 'date', name_zh: '被侵害人出生日期' },
  { name: 'victim.age', type: 'int', name_zh: '被侵害人年龄（周岁）', min: 0, max: 150 },
]

describe('aggravation facts', () => {
  it('shows the facts the paragraphs watching the chosen tier test, a victim age also as a birth date', () => {
    const v = { ...emptyViolation('2012'), article: 43, paragraph: 1, kind: 'base' as const }
    const rules = rulesFor(RULES, v)
    expect(rules.map((r) => r.code)).toEqual(['a43_2.gang', 'a43_2.victim_60'])
    const shown = factsFor(rules, DEFS)
    expect(shown.act.map((d) => d.name)).toEqual(['offenders'])
    expect(shown.victim.map((d) => d.name)).toEqual(['birth_date', 'age'])
    // The aggravated paragraph itself, or another article, or the other law text: nothing to raise.
    expect(rulesFor(RULES, { ...v, paragraph: 2 })).toEqual([])
    expect(rulesFor(RULES, { ...v, article: 49 })).toEqual([])
    expect(rulesFor(RULES, { ...v, law: '2025' })).toEqual([])
  })

  it('sends only facts entered; a victim with nothing entered still counts', () => {
    const f = exampleForm()
    expect(buildRequest(f).violations[0].facts).toBeUndefined()
    const v = f.violations[0]
    v.facts = { offenders: 2, ringleader: false, banned_date: '', times: null }
    v.victims = [{ birth_date: '1965-11-02', age: null, pregnant: false }, {}]
    expect(factsInput(v)).toEqual({ offenders: 2, victims: [{ birth_date: '1965-11-02' }, {}] })
    expect(buildRequest(f).violations[0].facts).toEqual({ offenders: 2, victims: [{ birth_date: '1965-11-02' }, {}] })
  })
})
