import { describe, expect, it } from 'vitest'
import { checkPenalty, penaltyEditable, penaltyLock, summarisePenalty, toManualPenalty } from './penalty'

// The article the form asks for (殴打他人: 治安管理处罚法 2025 第五十一条第一款).
const ART = { article: 51, paragraph: 1, item: null }
const NO_ART = { article: null, paragraph: null, item: null }

describe('case penalty card', () => {
  it('allows recording only on administrative cases before the decision, for users who may write', () => {
    expect(penaltyEditable({ case_type: 'administrative', state: 'investigation' }, true)).toBe(true)
    expect(penaltyEditable({ case_type: 'administrative', state: 'penalty_proposed' }, true)).toBe(true)
    // Locked under legal review (issue 13): the reviewer judges what was submitted.
    expect(penaltyEditable({ case_type: 'administrative', state: 'legal_review' }, true)).toBe(false)
    expect(penaltyEditable({ case_type: 'administrative', state: 'decided' }, true)).toBe(false)
    expect(penaltyEditable({ case_type: 'criminal', state: 'investigation' }, true)).toBe(false)
    expect(penaltyEditable({ case_type: 'administrative', state: 'investigation' }, false)).toBe(false)
  })

  it('says why the penalty is locked', () => {
    expect(penaltyLock({ case_type: 'administrative', state: 'legal_review' })).toBe('review')
    expect(penaltyLock({ case_type: 'administrative', state: 'executed' })).toBe('decided')
    expect(penaltyLock({ case_type: 'administrative', state: 'investigation' })).toBe('')
    expect(penaltyLock({ case_type: 'criminal', state: 'closed' })).toBe('')
  })

  it('accepts any whole amount of yuan (600 too), refuses fractions and over-long text', () => {
    expect(checkPenalty({ kind: 'fine', days: null, amount_yuan: 600, text: '罚款六百元', ...ART })).toEqual({})
    expect(checkPenalty({ kind: 'fine', days: null, amount_yuan: 1, text: '罚款一元', ...ART })).toEqual({})
    expect(checkPenalty({ kind: 'fine', days: null, amount_yuan: 600.5, text: 'x', ...ART })).toEqual({ amount_yuan: 'amount_whole' })
    expect(checkPenalty({ kind: 'fine', days: null, amount_yuan: 2_000_000, text: 'x', ...ART })).toEqual({ amount_yuan: 'amount_too_large' })
    expect(checkPenalty({ kind: 'warning', days: null, amount_yuan: null, text: '警'.repeat(501), ...ART })).toEqual({ text: 'text_too_long' })
  })

  it('checks the form field by field', () => {
    expect(checkPenalty({ kind: '', days: null, amount_yuan: null, text: '', ...ART })).toEqual({ kind: 'required', text: 'required' })
    expect(checkPenalty({ kind: 'warning', days: null, amount_yuan: null, text: '警告', ...NO_ART })).toEqual({ article: 'required' })
    // 治安管理处罚法 2012 §16: combined detention at most 20 days
    expect(checkPenalty({ kind: 'fine_and_detention', days: 21, amount_yuan: 0, text: '殴打他人', ...ART })).toEqual({
      days: 'days_range',
      amount_yuan: 'amount_positive',
    })
    expect(checkPenalty({ kind: 'warning', days: null, amount_yuan: null, text: '警告', ...ART })).toEqual({})
  })

  it('asks for an article of the case\'s text of the law and sends it', () => {
    // 治安管理处罚法: 119 articles in the 2012 text, 144 in the 2025 revision.
    const f = { kind: 'warning' as const, days: null, amount_yuan: null, text: '警告' }
    expect(checkPenalty({ ...f, ...ART, article: 144 }, '2025')).toEqual({})
    expect(checkPenalty({ ...f, ...ART, article: 144 }, '2012')).toEqual({ article: 'not_in_law' })
    expect(checkPenalty({ ...f, ...ART, article: 0 }, '2025')).toEqual({ article: 'not_in_law' })
    expect(toManualPenalty({ ...f, article: 26, paragraph: 1, item: 1 })).toEqual({
      kind: 'warning', text: '警告', article: 26, paragraph: 1, item: 1,
    })
  })

  it('sends only the amounts the kind needs', () => {
    expect(toManualPenalty({ kind: 'fine', days: 5, amount_yuan: 500, text: ' 罚款五百元 ', ...NO_ART })).toEqual({
      kind: 'fine',
      amount_yuan: 500,
      text: '罚款五百元',
    })
    expect(toManualPenalty({ kind: 'detention', days: 10, amount_yuan: 200, text: '拘留', ...NO_ART })).toEqual({
      kind: 'detention',
      days: 10,
      text: '拘留',
    })
  })

  it('summarises a penalty recorded by hand or by the discretion engine', () => {
    expect(summarisePenalty(null)).toBeNull()
    expect(summarisePenalty({ source: 'manual', data: { kind: 'fine_and_detention', days: 10, amount_yuan: 500, text: 'x' } }))
      .toEqual({ source: 'manual', days: 10, amount_yuan: 500, warning: false, text: 'x' })
    expect(summarisePenalty({ source: 'discretion', data: { combined: { capped_detention_days: 12, fine_yuan: 750, warning: false } } }))
      .toEqual({ source: 'discretion', days: 12, amount_yuan: 750, warning: false, text: '' })
  })
})
