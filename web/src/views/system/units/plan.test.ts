import { describe, expect, it } from 'vitest'
import {
  PlanFileError,
  buildPlan,
  emptyOperation,
  emptyPlanForm,
  errorsAt,
  formPaths,
  operationPaths,
  otherErrors,
  partCodes,
  planFormFromJson,
  type PlanForm,
} from './plan'

function form(): PlanForm {
  const f = emptyPlanForm('2027-01-01')
  f.title = ' 城关东城合并 '
  f.reason = ' 县局党委会议纪要 '
  f.operations[0].units = ['519901031000', ' 519901031100']
  f.operations[0].into.code = '519901031000'
  return f
}

describe('buildPlan', () => {
  it('turns a merge into an existing unit into the plan JSON, trimmed', () => {
    expect(buildPlan(form())).toEqual({
      title: '城关东城合并',
      effective_date: '2027-01-01',
      reason: '县局党委会议纪要',
      operations: [{ op: 'merge', units: ['519901031000', '519901031100'], into: '519901031000' }],
    })
  })

  it('makes a new unit an object and leaves out an empty parent', () => {
    const f = form()
    Object.assign(f.operations[0].into, { mode: 'new', code: '519901032000', name: '城东派出所 ', kind: 'station' })
    expect(buildPlan(f).operations[0]).toEqual({
      op: 'merge',
      units: ['519901031000', '519901031100'],
      into: { code: '519901032000', name: '城东派出所', kind: 'station' },
    })
    f.operations[0].into.parent = '519901000000'
    expect(buildPlan(f).operations[0]).toMatchObject({ into: { parent: '519901000000' } })
  })

  it('keeps only what the chosen kind needs: split, rename, move', () => {
    const f = emptyPlanForm('2027-01-01')
    const split = emptyOperation('split')
    split.unit = '519901020500'
    split.parts[0] = { mode: 'new', code: '519901020510', name: '刑侦一中队', kind: 'brigade', parent: '' }
    split.parts[1] = { mode: 'existing', code: '519901020500', name: 'ignored', kind: 'brigade', parent: 'x' }
    split.defaultCode = '519901020510'
    split.units = ['stale input of another kind']
    const rename = emptyOperation('rename')
    rename.unit = '519901010100'
    rename.name = '综合办公室'
    rename.newCode = '519901010100' // the same code: no code change
    const recode = { ...emptyOperation('rename'), unit: '519901010200', name: '法制室', newCode: '519901010210' }
    const move = { ...emptyOperation('move'), unit: '519901020700', parent: '519901000000', name: 'ignored' }
    f.operations = [split, rename, recode, move]
    expect(buildPlan(f).operations).toEqual([
      {
        op: 'split',
        unit: '519901020500',
        into: [{ code: '519901020510', name: '刑侦一中队', kind: 'brigade' }, '519901020500'],
        default: '519901020510',
      },
      { op: 'rename', unit: '519901010100', name: '综合办公室' },
      { op: 'rename', unit: '519901010200', name: '法制室', code: '519901010210' },
      { op: 'move', unit: '519901020700', parent: '519901000000' },
    ])
    expect(partCodes(split)).toEqual(['519901020510', '519901020500'])
  })

  it('sends reassignments row for row (so reassign[k] names the row shown) and none when there are none', () => {
    const f = form()
    expect(buildPlan(f)).not.toHaveProperty('reassign')
    f.reassign = [{ user: ' p990123 ', to: '519901031000' }, { user: '', to: '' }]
    expect(buildPlan(f).reassign).toEqual([{ user: 'p990123', to: '519901031000' }, { user: '', to: '' }])
  })

  it('keeps the operations in the form\'s order, empty ones too (operations[i] is the i-th card)', () => {
    const f = form()
    f.operations.push(emptyOperation('move'))
    const ops = buildPlan(f).operations
    expect(ops).toHaveLength(2)
    expect(ops[1]).toEqual({ op: 'move', unit: '', parent: '' })
  })
})

describe('planFormFromJson', () => {
  it('reads the contract\'s example plan back to the same JSON', () => {
    const plan = {
      title: '2027年派出所改革',
      effective_date: '2027-01-01',
      reason: '县局党委会议纪要〔2026〕12号',
      operations: [
        { op: 'merge', units: ['519901031000', '519901031100'], into: '519901031000' },
        {
          op: 'merge',
          units: ['519901031200', '519901031300'],
          into: { code: '519901032000', name: '城东派出所', kind: 'station', parent: '519901000000' },
        },
        {
          op: 'split',
          unit: '519901020500',
          into: [
            { code: '519901020510', name: '刑侦一中队', kind: 'brigade' },
            { code: '519901020520', name: '刑侦二中队', kind: 'brigade' },
          ],
          default: '519901020510',
        },
        { op: 'rename', unit: '519901010100', name: '综合办公室' },
        { op: 'move', unit: '519901020700', parent: '519901000000' },
      ],
      reassign: [{ user: 'p990123', to: '519901020520' }],
    }
    expect(buildPlan(planFormFromJson(JSON.stringify(plan)))).toEqual(plan)
  })

  it('refuses what is not a JSON object', () => {
    expect(() => planFormFromJson('{nope')).toThrow(PlanFileError)
    expect(() => planFormFromJson('[1]')).toThrowError('not_an_object')
    expect(() => planFormFromJson('null')).toThrowError('not_an_object')
  })

  it('shows what a wrong file says as text, for the dry run to name', () => {
    const f = planFormFromJson('{"title": 7, "operations": [{"op": "merge", "units": [519901031000]}]}')
    expect(f.title).toBe('7')
    expect(f.operations[0].units).toEqual(['519901031000'])
    expect(f.reassign).toEqual([])
  })
})

describe('server problems next to the inputs', () => {
  const problems = {
    'operations[0].units[1]': '单位不存在',
    'operations[0].units': '数量不足',
    'operations[0].into.code': '代码已被使用',
    'operations[0].frobnicate': '不支持的字段',
    'operations[10].unit': '单位不存在',
    'reassign[0].user': '用户不存在',
    'reassign[3].user': '用户不存在',
    effective_date: '不能早于今天',
    plan: '必填',
  }

  it('gathers a list input\'s own problem and its items\' (numbered from 1)', () => {
    expect(errorsAt(problems, 'operations[0].units')).toBe('数量不足；#2 单位不存在')
    expect(errorsAt(problems, 'operations[1].units')).toBe('')
    // operations[10] is not an item of operations[1]
    expect(errorsAt(problems, 'operations[1].unit')).toBe('')
  })

  it('lists on the operation\'s card what no input of it shows', () => {
    const merge = emptyOperation('merge')
    expect(otherErrors(problems, 'operations[0]', operationPaths(merge, 0))).toEqual([
      'operations[0].frobnicate: 不支持的字段',
    ])
    // as a move, the merge's inputs are not there: their problems go to the card
    const move = emptyOperation('move')
    expect(otherErrors(problems, 'operations[0]', operationPaths(move, 0))).toHaveLength(4)
  })

  it('leaves to the message only what the form cannot show', () => {
    const f = form()
    f.reassign = [{ user: 'x', to: '' }]
    expect(formPaths(f, problems).sort()).toEqual(
      ['effective_date', 'operations[0].frobnicate', 'operations[0].into.code', 'operations[0].units', 'operations[0].units[1]', 'reassign[0].user'].sort(),
    )
  })
})
