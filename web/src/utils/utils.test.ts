import { describe, expect, it } from 'vitest'
import { chinaToUtcIso, fileStamp, formatChinaTime } from './time'
import { csvCell, toCsv } from './csv'
import { buildTree } from './tree'
import { backoffDelay } from './backoff'
import { safeRedirect } from './redirect'
import { characterClasses, meetsFloor } from './password'
import { sanitizeSvg } from './sanitize'
import { errorMessage, fieldErrors } from './errorText'
import { notificationText } from './notificationText'
import { ApiError } from '@/api/http'
import { wsUrl } from '@/api/notifications'
import { selectableRoles } from '@/views/security/assign/roleRules'
import { permissionTree } from '@/views/security/roles/permissionTree'
import { toAuditFilters, emptyAuditForm } from '@/views/audit/log/filters'

describe('China time', () => {
  it('shows UTC instants in UTC+8', () => {
    expect(formatChinaTime('2026-11-27T06:00:00Z')).toBe('2026-11-27 14:00:00')
    expect(formatChinaTime('2026-12-31T16:30:05Z')).toBe('2027-01-01 00:30:05')
    expect(formatChinaTime(null)).toBe('')
    expect(formatChinaTime('not a time')).toBe('')
    // the lock reply's locked_until may come as Unix seconds
    expect(formatChinaTime('1795759200')).toBe('2026-11-27 14:00:00')
    expect(formatChinaTime(1795759200000)).toBe('2026-11-27 14:00:00')
  })

  it('turns picked China times into UTC', () => {
    expect(chinaToUtcIso('2026-11-27 14:00:00')).toBe('2026-11-27T06:00:00Z')
    expect(chinaToUtcIso('2027-01-01 07:59')).toBe('2026-12-31T23:59:00Z')
    expect(chinaToUtcIso('garbage')).toBe('')
  })

  it('stamps file names in China time', () => {
    expect(fileStamp(Date.parse('2026-11-27T16:05:00Z'))).toBe('20261128-0005')
  })
})

describe('CSV export', () => {
  it('quotes and guards cells', () => {
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('say "hi"')).toBe('"say ""hi"""')
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"')
    expect(csvCell('+86')).toBe("'+86")
    expect(csvCell(-5)).toBe('-5')
    expect(csvCell(null)).toBe('')
  })

  it('starts with a BOM and uses CRLF', () => {
    expect(toCsv(['姓名', '警号'], [['张三', '001234']])).toBe('\uFEFF姓名,警号\r\n张三,001234\r\n')
  })
})

describe('unit tree', () => {
  it('nests by parent_id and keeps orphans as roots', () => {
    const tree = buildTree([
      { id: 1, parent_id: null },
      { id: 2, parent_id: 1 },
      { id: 3, parent_id: 2 },
      { id: 4, parent_id: 99 },
    ])
    expect(tree.map((n) => n.id)).toEqual([1, 4])
    expect(tree[0].children[0].children[0].id).toBe(3)
  })
})

describe('small rules', () => {
  it('backs off from 1 s to at most 36 s', () => {
    expect(backoffDelay(0, () => 0)).toBe(1000)
    expect(backoffDelay(3, () => 0)).toBe(8000)
    expect(backoffDelay(20, () => 1)).toBe(36000)
  })

  it('follows only same-site redirects', () => {
    expect(safeRedirect('/system/users?page=2')).toBe('/system/users?page=2')
    expect(safeRedirect('//evil.example')).toBe('/')
    expect(safeRedirect('https://evil.example')).toBe('/')
    expect(safeRedirect('/login')).toBe('/')
    expect(safeRedirect(undefined)).toBe('/')
  })

  it('checks the password floor', () => {
    expect(characterClasses('abcDEF12')).toBe(3)
    expect(meetsFloor('abcDEF12')).toBe(true)
    expect(meetsFloor('abcdefgh1')).toBe(false)
    expect(meetsFloor('aB1!')).toBe(false)
  })

  it('builds the WebSocket address from the page', () => {
    expect(wsUrl({ protocol: 'http:', host: '127.0.0.1:8080' })).toBe('ws://127.0.0.1:8080/api/v1/ws')
    expect(wsUrl({ protocol: 'https:', host: 'jw.example' })).toBe('wss://jw.example/api/v1/ws')
    expect(wsUrl({ protocol: 'http:', host: 'h' }, 'en')).toBe('ws://h/api/v1/ws?lang=en')
  })
})

describe('SVG sanitising', () => {
  it('keeps the QR drawing and drops scripts and handlers', () => {
    const out = sanitizeSvg(
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" onload="alert(1)"><script>alert(2)</script>' +
        '<rect x="0" y="0" width="1" height="1" fill="#000"/><a href="javascript:alert(3)"><rect/></a></svg>',
    )
    expect(out).toContain('<rect')
    expect(out).toContain('viewBox')
    expect(out).not.toMatch(/script|onload|javascript/i)
  })
})

describe('error text', () => {
  const dict: Record<string, string> = {
    'errors.code.conflict': '冲突',
    'errors.code.internal': '内部错误',
    'errors.code.unknown': '未知',
    'errors.field.weak_password': '太弱',
    'errors.withRequestId': '{message}（{id}）',
  }
  const t = (k: string, n?: Record<string, unknown>) =>
    (dict[k] ?? k).replace(/\{(\w+)\}/g, (_, x: string) => String(n?.[x] ?? ''))
  const te = (k: string) => k in dict

  it('translates codes and field problems, falling back to the raw text', () => {
    expect(errorMessage(new ApiError(409, { code: 'conflict', message: 'dup' }), t, te)).toBe('冲突')
    expect(errorMessage(new ApiError(400, { code: 'odd', message: 'server words' }), t, te)).toBe('server words')
    expect(errorMessage(new ApiError(500, { code: 'internal', message: '', request_id: 'r9' }), t, te)).toBe(
      '内部错误（r9）',
    )
    expect(errorMessage(new Error('x'), t, te)).toBe('未知')
    const e = new ApiError(400, { code: 'invalid_argument', message: '', fields: { new_password: 'weak_password', x: 'odd' } })
    expect(fieldErrors(e, t, te)).toEqual({ new_password: '太弱', x: 'odd' })
  })
})

describe('role rules', () => {
  const roles = [
    { code: 'sys_admin', kind: 'admin' as const },
    { code: 'audit_admin', kind: 'admin' as const },
    { code: 'officer', kind: 'business' as const },
    { code: 'leader', kind: 'business' as const },
  ]

  it('allows one administrator role and nothing beside it', () => {
    expect([...selectableRoles(roles, [])].sort()).toEqual(['audit_admin', 'leader', 'officer', 'sys_admin'])
    expect([...selectableRoles(roles, ['sys_admin'])]).toEqual(['sys_admin'])
    expect([...selectableRoles(roles, ['officer'])].sort()).toEqual(['leader', 'officer'])
  })

  it('groups permissions by module and disables what the role may not hold', () => {
    const perms = [
      { code: 'unit.read', module: 'platform', admin_role: 'sys_admin' },
      { code: 'audit.read', module: 'platform', admin_role: 'audit_admin' },
      { code: 'case.read', module: 'cases', admin_role: null },
    ]
    const tree = permissionTree(perms, { code: 'sys_admin', kind: 'admin' }, (p) => p.code, (m) => m)
    expect(tree.map((g) => g.id)).toEqual(['module:platform', 'module:cases'])
    expect(tree[0].children!.map((c) => c.disabled)).toEqual([false, true])
    expect(tree[1].disabled).toBe(true)
    const biz = permissionTree(perms, { code: 'officer', kind: 'business' }, (p) => p.code, (m) => m)
    expect(biz[0].disabled).toBe(true)
    expect(biz[1].children![0].disabled).toBe(false)
  })
})

describe('audit filters', () => {
  it('sends only what was filled, times in UTC', () => {
    const f = emptyAuditForm()
    expect(toAuditFilters(f)).toEqual({})
    f.from = '2026-11-27 00:00:00'
    f.to = '2026-11-27 23:59:59'
    f.user = ' li '
    f.result = 'denied'
    expect(toAuditFilters(f)).toEqual({
      from: '2026-11-26T16:00:00Z',
      to: '2026-11-27T15:59:59Z',
      user: 'li',
      result: 'denied',
    })
  })
})

describe('notification words', () => {
  const dict: Record<string, string> = {
    'notify.account_locked': '账号已被锁定',
    'notify.body.account_locked': '{name}（{username}）锁定至 {locked_until}',
  }
  const t = (k: string, n?: Record<string, unknown>) =>
    (dict[k] ?? k).replace(/\{(\w+)\}/g, (_, x: string) => String(n?.[x] ?? ''))
  const te = (k: string) => k in dict

  it('words keyed platform notifications from their JSON facts in China time', () => {
    expect(
      notificationText(
        { title: 'notify.account_locked', body: '{"username":"li","name":"李四","locked_until":"2026-11-27T06:15:00Z"}' },
        t,
        te,
      ),
    ).toEqual({ title: '账号已被锁定', body: '李四（li）锁定至 2026-11-27 14:15:00' })
  })

  it('shows a coded notification in the words the server made, even when its title looks like a key', () => {
    expect(notificationText({ code: 'auth.account_locked', title: 'notify.account_locked', body: '{"name":"x"}' }, t, te))
      .toEqual({ title: 'notify.account_locked', body: '{"name":"x"}' })
    expect(notificationText({ code: 'alerts.raised', title: '【红色预警】套牌车', body: '川A12345' }, t, te).title)
      .toBe('【红色预警】套牌车')
  })

  it('shows other notifications as they come', () => {
    expect(notificationText({ title: '布控预警', body: '川Z12345' }, t, te)).toEqual({ title: '布控预警', body: '川Z12345' })
    expect(notificationText({ title: 'notify.account_locked', body: 'plain' }, t, te).body).toBe('plain')
  })
})
