// The server speaks UTC; people read China time (UTC+8, no daylight saving), whatever the browser's zone.

const OFFSET_MS = 8 * 3600 * 1000

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n)
}

// An instant as the server may send it: ISO 8601, or Unix seconds (or milliseconds) as digits.
export function parseInstant(v: string | number | null | undefined): number {
  if (v === null || v === undefined || v === '') return Number.NaN
  const s = String(v).trim()
  if (/^\d{1,11}$/.test(s)) return Number(s) * 1000
  if (/^\d{12,14}$/.test(s)) return Number(s)
  return Date.parse(s)
}

// '2026-11-27T06:00:00Z' → '2026-11-27 14:00:00'. Empty or unparsable input gives ''.
export function formatChinaTime(iso: string | number | null | undefined): string {
  const ms = parseInstant(iso)
  if (Number.isNaN(ms)) return ''
  const d = new Date(ms + OFFSET_MS)
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
  )
}

// A China wall-clock time 'YYYY-MM-DD HH:mm:ss' (as the date pickers give it) → ISO 8601 UTC.
export function chinaToUtcIso(local: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local.trim())
  if (!m) return ''
  const ms = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +(m[6] ?? 0)) - OFFSET_MS
  return new Date(ms).toISOString().replace('.000Z', 'Z')
}

// 'YYYYMMDD-HHmm' in China time, for file names.
export function fileStamp(now = Date.now()): string {
  const s = formatChinaTime(new Date(now).toISOString())
  return s.slice(0, 10).replace(/-/g, '') + '-' + s.slice(11, 16).replace(':', '')
}

// The China calendar day 'YYYY-MM-DD' of an instant, `offsetDays` later (a date picker's default, a plan's date).
export function chinaDay(now = Date.now(), offsetDays = 0): string {
  return new Date(now + OFFSET_MS + offsetDays * 86400_000).toISOString().slice(0, 10)
}
