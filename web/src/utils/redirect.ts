// Only same-site paths are followed after login (no open redirects).
export function safeRedirect(target: unknown, fallback = '/'): string {
  if (typeof target !== 'string') return fallback
  if (!target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) return fallback
  if (target.startsWith('/login') || target.startsWith('/password') || target.startsWith('/totp')) return fallback
  return target
}
