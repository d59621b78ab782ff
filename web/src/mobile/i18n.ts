// The phone app's vue-i18n: the same locale files and the same language choice as the desktop
// (locales/preference.ts), but only the files the phone shows — its own `mobile.json` and the shared error words
// `errors.json` — so the phone does not download every desktop page's words. Keys are `mobile.…`, `errors.…`.
import { createI18n } from 'vue-i18n'
import { Locale as VantLocale } from 'vant'
import vantEn from 'vant/es/locale/lang/en-US'
import vantZh from 'vant/es/locale/lang/zh-CN'
import { DEFAULT_LOCALE, LOCALES, savedLocale, saveLocale, type Locale } from '@/locales/preference'

type Tree = { [key: string]: string | Tree }

const files = {
  ...import.meta.glob<Tree>('../locales/*/mobile.json', { eager: true, import: 'default' }),
  ...import.meta.glob<Tree>('../locales/*/errors.json', { eager: true, import: 'default' }),
  // Property's phone page and the shared scanner and signature pad (ADR 0054).
  ...import.meta.glob<Tree>('../locales/*/property.json', { eager: true, import: 'default' }),
  ...import.meta.glob<Tree>('../locales/*/scan.json', { eager: true, import: 'default' }),
  ...import.meta.glob<Tree>('../locales/*/signature.json', { eager: true, import: 'default' }),
  ...import.meta.glob<Tree>('../locales/*/field.json', { eager: true, import: 'default' }),
  // The patrol unit's status and its dispatched call (dispatch, issue 18).
  ...import.meta.glob<Tree>('../locales/*/dispatch.json', { eager: true, import: 'default' }),
  // The outlet clerk's counter (courier, issue 17).
  ...import.meta.glob<Tree>('../locales/*/courier.json', { eager: true, import: 'default' }),
}

export function loadMobileMessages(): Record<Locale, Tree> {
  const messages = { 'zh-CN': {}, en: {} } as Record<Locale, Tree>
  for (const [path, content] of Object.entries(files)) {
    const m = /\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path)
    if (!m || !(LOCALES as readonly string[]).includes(m[1])) continue
    messages[m[1] as Locale][m[2]] = content
  }
  return messages
}

export const i18n = createI18n({
  legacy: false,
  locale: savedLocale(),
  fallbackLocale: DEFAULT_LOCALE,
  messages: loadMobileMessages(),
  missingWarn: false,
  fallbackWarn: false,
})

// The kit's own words (picker buttons, "loading…") follow the app's language.
function useKitLocale(l: Locale): void {
  if (l === 'en') VantLocale.use('en-US', vantEn)
  else VantLocale.use('zh-CN', vantZh)
}

export function setMobileLocale(l: Locale): void {
  i18n.global.locale.value = l
  saveLocale(l)
  document.documentElement.lang = l
  useKitLocale(l)
}

useKitLocale(savedLocale())
