// Nests a flat list ordered for a tree (units) by parent_id. Orphans (parent not in the list, e.g. outside the
// caller's data scope) become roots, so nothing the server returned is hidden.

export interface TreeNode<T> {
  item: T
  id: number
  children: TreeNode<T>[]
}

export function buildTree<T extends { id: number; parent_id: number | null }>(items: T[]): TreeNode<T>[] {
  const nodes = new Map<number, TreeNode<T>>()
  for (const item of items) nodes.set(item.id, { item, id: item.id, children: [] })
  const roots: TreeNode<T>[] = []
  for (const item of items) {
    const node = nodes.get(item.id)!
    const parent = item.parent_id === null ? undefined : nodes.get(item.parent_id)
    if (parent && parent !== node) parent.children.push(node)
    else roots.push(node)
  }
  return roots
}
