import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LOCALES, loadMessages } from './index'
import { routes } from '@/router'
import type { RouteRecordRaw } from 'vue-router'

type Tree = { [k: string]: string | Tree }
const messages = loadMessages() as Record<string, Tree>
const SRC = join(__dirname, '..')

function flatten(t: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [k, v] of Object.entries(t)) {
    const key = prefix ? `${prefix}.${k}` : k
    if (typeof v === 'string') out.set(key, v)
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv)
  }
  return out
}

function placeholders(s: string): string[] {
  return [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name)
    if (statSync(p).isDirectory()) return sourceFiles(p)
    return /\.(vue|ts)$/.test(name) && !name.endsWith('.test.ts') ? [p] : []
  })
}

function routeTitles(rs: readonly RouteRecordRaw[]): string[] {
  return rs.flatMap((r) => [...(r.meta?.title ? [r.meta.title] : []), ...routeTitles(r.children ?? [])])
}

const zh = flatten(messages['zh-CN'])
const en = flatten(messages.en)

describe('locale files', () => {
  it('has every module file in both languages', () => {
    for (const l of LOCALES) expect(Object.keys(messages[l]).sort()).toEqual(Object.keys(messages['zh-CN']).sort())
    expect(Object.keys(messages['zh-CN'])).toContain('errors')
  })

  it('has the same keys in zh-CN and en', () => {
    const onlyZh = [...zh.keys()].filter((k) => !en.has(k))
    const onlyEn = [...en.keys()].filter((k) => !zh.has(k))
    expect({ onlyZh, onlyEn }).toEqual({ onlyZh: [], onlyEn: [] })
  })

  it('uses the same placeholders in both languages and no empty text', () => {
    for (const [k, v] of zh) {
      expect(v.trim(), k).not.toBe('')
      expect(placeholders(en.get(k) ?? ''), k).toEqual(placeholders(v))
    }
  })

  it('avoids the characters vue-i18n reads as syntax', () => {
    for (const [k, v] of [...zh, ...en]) expect(/[@|$]/.test(v), k).toBe(false)
  })

  it('has the title the brief asks for', () => {
    expect(zh.get('common.appTitle')).toBe('示范县公安局 · 警务平台')
    expect(en.get('common.appTitle')).toBe('Jingwu Police Platform')
  })

  it('defines every literal key the code uses and every route title', () => {
    const used = new Set<string>(routeTitles(routes))
    for (const file of sourceFiles(SRC)) {
      const text = readFileSync(file, 'utf8')
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)) used.add(m[1])
    }
    const missing = [...used].filter((k) => !zh.has(k))
    expect(missing, `missing in ${relative(SRC, SRC) || 'src'}`).toEqual([])
  })

  it('translates every field problem key the API lists', () => {
    const listed = [
      'required',
      'must_be_string',
      'must_be_integer',
      'must_be_boolean',
      'must_be_array',
      'unknown_field',
      'too_long',
      'too_short',
      'bad_format',
      'bad_characters',
      'weak_password',
      'password_reused',
      'bad_check_character',
      'bad_birth_date',
      'bad_code',
      'below_minimum',
      'out_of_range',
      'too_many',
      'invalid_integer',
      'invalid_enum',
      'invalid_date',
      'invalid_month',
      'invalid_time',
      'invalid_boolean',
      'invalid_id_list',
      'repeated',
    ]
    for (const k of listed) expect(zh.has(`errors.field.${k}`), k).toBe(true)
    for (const c of ['invalid_argument', 'unauthenticated', 'totp_required', 'permission_denied', 'csrf_failed',
      'password_change_required', 'not_found', 'conflict', 'payload_too_large', 'account_locked', 'busy',
      'unavailable', 'internal']) {
      expect(zh.has(`errors.code.${c}`), c).toBe(true)
    }
  })
})
