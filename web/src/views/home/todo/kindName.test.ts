import { describe, expect, it } from 'vitest'
import { todoKindName } from './kindName'

describe('to-do kind words', () => {
  const words: Record<string, string> = {
    'todo.kinds.cases.review': '待法制审核',
    'daywork.todo.checkpoint.watch_approve': '待审批布控',
  }
  const t = (k: string) => words[k]
  const te = (k: string) => k in words

  it('takes the to-do centre\'s words, then the daily-work leftovers\', else the code', () => {
    expect(todoKindName('cases.review', t, te)).toBe('待法制审核')
    expect(todoKindName('checkpoint.watch_approve', t, te)).toBe('待审批布控')
    expect(todoKindName('other.kind', t, te)).toBe('other.kind')
  })
})
