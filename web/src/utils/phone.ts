// Phone numbers as the forms accept them (the server checks again).

// A mainland mobile (11 digits from 1, the one SMS reaches) or a fixed line of digits and '-'; empty is allowed.
export function phoneProblem(raw: string): string {
  const p = raw.trim().replace(/\s/g, '')
  if (!p) return ''
  if (/^1\d{10}$/.test(p)) return ''
  return /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/.test(p) ? '' : 'bad_format'
}
