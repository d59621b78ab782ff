// The UI languages and the user's choice of one, kept in localStorage: shared by the desktop (locales/index.ts)
// and the phone app (mobile/i18n.ts), so a language picked on one is the language of the other. No messages here:
// each app loads only the locale files it shows.
export const LOCALES = ['zh-CN', 'en'] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'zh-CN'
const STORAGE_KEY = 'jw_locale'

export function savedLocale(): Locale {
  try {
    const s = localStorage.getItem(STORAGE_KEY)
    if (s && (LOCALES as readonly string[]).includes(s)) return s as Locale
  } catch {
    // storage blocked: use the default
  }
  return DEFAULT_LOCALE
}

export function saveLocale(l: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, l)
  } catch {
    // storage blocked: the choice lasts for this page only
  }
}
