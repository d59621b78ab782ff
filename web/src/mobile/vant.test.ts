// Every Vant tag a phone page writes must be registered by the kit (vant.ts): an unregistered <van-switch> renders
// as an inert element, and the courier counter's 验视 switch could not be turned on (issue 17).
import { describe, expect, it } from 'vitest'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

const root = join(__dirname)

function vueFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f)
    return statSync(p).isDirectory() ? vueFiles(p) : p.endsWith('.vue') ? [p] : []
  })
}

// van-cell-group → CellGroup
const pascal = (tag: string) => tag.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase())

describe('the phone kit', () => {
  it('registers every Vant component the phone pages use, with its style', () => {
    const kit = readFileSync(join(root, 'vant.ts'), 'utf8')
    const list = kit.slice(kit.indexOf('const components = ['), kit.indexOf(']', kit.indexOf('const components = [')))
    const used = new Set(vueFiles(root).flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/<van-([a-z-]+)/g)].map((m) => m[1])))
    expect(used.size).toBeGreaterThan(10)
    const missing = [...used].filter((tag) => !new RegExp(`\\b${pascal(tag)},`).test(list) || !kit.includes(`vant/es/${tag}/style`))
    expect(missing).toEqual([])
  })
})
