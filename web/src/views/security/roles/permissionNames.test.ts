// Every permission of every module (src/**/permissions.csv) has a name in both locales (admin.json), so the role
// and user editors never show a bare code; a new permission without its name fails here.
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import zh from '@/locales/zh-CN/admin.json'
import en from '@/locales/en/admin.json'

const SRC = join(__dirname, '..', '..', '..', '..', '..', 'src')

function csvFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name)
    if (statSync(p).isDirectory()) return csvFiles(p)
    return name === 'permissions.csv' ? [p] : []
  })
}

const rows = csvFiles(SRC).flatMap((f) =>
  readFileSync(f, 'utf8')
    .split('\n')
    .slice(1)
    .filter((l) => l.trim())
    .map((l) => ({ file: f, code: l.split(',')[0], module: l.split(',')[1] })),
)

describe('permission names', () => {
  it('finds the permission tables', () => {
    expect(rows.length).toBeGreaterThan(50)
  })
  for (const [lang, messages] of [
    ['zh-CN', zh],
    ['en', en],
  ] as const) {
    it(`names every permission and group in ${lang}`, () => {
      const perm = messages.perm as Record<string, string>
      const modules = messages.module as Record<string, string>
      const missing = rows.filter((r) => !perm[r.code.replace(/\./g, '_')]).map((r) => `${r.code} (${r.file})`)
      const missingModules = [...new Set(rows.map((r) => r.module))].filter((m) => !modules[m])
      expect(missing).toEqual([])
      expect(missingModules).toEqual([])
    })
  }
})
