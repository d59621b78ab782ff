// Unit tree shaped for el-tree and el-tree-select.
import type { Unit } from '@/api/units'
import { buildTree, type TreeNode } from '@/utils/tree'

export interface UnitOption {
  value: number
  label: string
  unit: Unit
  children: UnitOption[]
}

function toOption(n: TreeNode<Unit>): UnitOption {
  return { value: n.id, label: n.item.name, unit: n.item, children: n.children.map(toOption) }
}

export function unitOptions(units: Unit[]): UnitOption[] {
  return buildTree(units).map(toOption)
}
