import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import ElementPlus, { ElTreeSelect } from 'element-plus'
import UnitTreeSelect from './UnitTreeSelect.vue'

const tree = [{ value: 1, label: '县局', children: [{ value: 2, label: '城关派出所' }] }]

describe('UnitTreeSelect', () => {
  it('puts the test id on the box and the tree settings on the select', () => {
    const w = mount(UnitTreeSelect, {
      props: { modelValue: null, data: tree, placeholder: '全部单位' },
      attrs: { 'data-testid': 'unit-filter' },
      global: { plugins: [ElementPlus] },
    })
    expect(w.attributes('data-testid')).toBe('unit-filter')
    expect(w.classes()).toContain('jw-select-box')
    const s = w.findComponent(ElTreeSelect)
    expect(s.props('checkStrictly')).toBe(true)
    expect(s.props('defaultExpandAll')).toBe(true)
    expect(s.props('renderAfterExpand')).toBe(false)
    expect(s.props('clearable')).toBe(true)
    expect(s.props('placeholder')).toBe('全部单位')
    expect(s.props('data')).toEqual(tree)
  })

  it('passes a pick up as the model and as change', async () => {
    const w = mount(UnitTreeSelect, {
      props: { modelValue: null as number | null, data: tree, clearable: false, filterable: true },
      global: { plugins: [ElementPlus] },
    })
    const s = w.findComponent(ElTreeSelect)
    expect(s.props('clearable')).toBe(false)
    expect(s.props('filterable')).toBe(true)
    s.vm.$emit('update:modelValue', 2)
    s.vm.$emit('change', 2)
    expect(w.emitted('update:modelValue')).toEqual([[2]])
    expect(w.emitted('change')).toEqual([[2]])
  })
})
