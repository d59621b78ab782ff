// Every Vant tag a phone page writes must be registered by the kit (vant.ts, vant-pages.ts): an unregistered
// <van-switch> renders as an inert element, and the courier counter's 验视 switch could not be turned on (issue 17).
// The login page's tags must be in the first-load part (vant.ts), which must not carry the icon font (ADR 0064).
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
const tagsOf = (files: string[]) =>
  new Set(files.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/<van-([a-z-]+)/g)].map((m) => m[1])))
const listOf = (kit: string) => kit.slice(kit.indexOf('const components = ['), kit.indexOf(']', kit.indexOf('const components = [')))
const missingIn = (kits: string[], tags: Set<string>) =>
  [...tags].filter(
    (tag) =>
      !kits.some((kit) => new RegExp(`\\b${pascal(tag)},`).test(listOf(kit))) ||
      !kits.some((kit) => kit.includes(`vant/es/${tag}/style`) || kit.includes(`vant/es/${tag}/index.css`) || tag === 'form'),
  )

describe('the phone kit', () => {
  const first = readFileSync(join(root, 'vant.ts'), 'utf8')
  const pages = readFileSync(join(root, 'vant-pages.ts'), 'utf8')

  it('registers every Vant component the phone pages use, with its style', () => {
    const used = tagsOf(vueFiles(root))
    expect(used.size).toBeGreaterThan(10)
    expect(missingIn([first, pages], used)).toEqual([])
  })

  it('has the login page’s components in the first load, without the icon font', () => {
    const login = tagsOf([join(root, 'views', 'LoginPage.vue')])
    expect(login.has('field')).toBe(true)
    expect(missingIn([first], login)).toEqual([])
    expect(first).not.toMatch(/vant\/es\/[a-z-]+\/style/) // a style entry brings the icon's CSS and font
    expect(first).not.toContain('vant/es/icon/')
  })
})
