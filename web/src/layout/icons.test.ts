// Every menu entry's icon (route meta.icon) must be one the layout can draw: an unknown name renders no icon
// (the 裁量基准 entry had none, issue 13).
import { describe, expect, it } from 'vitest'
import type { RouteRecordRaw } from 'vue-router'
import { layoutRoutes } from '@/router'
import { menuIcons } from './icons'

function icons(routes: RouteRecordRaw[]): string[] {
  return routes.flatMap((r) => [...(r.meta?.icon ? [String(r.meta.icon)] : []), ...icons(r.children ?? [])])
}

describe('menu icons', () => {
  it('every icon a route names is registered', () => {
    const named = icons(layoutRoutes)
    expect(named.length).toBeGreaterThan(10)
    expect(named.filter((n) => !(n in menuIcons))).toEqual([])
  })
})
