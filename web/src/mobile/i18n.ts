// The phone app's vue-i18n: the same locale files and the same language choice as the desktop
// (locales/preference.ts), but only the files the phone shows — its own `mobile.json` and the shared error words
// `errors.json` — so the phone does not download every desktop page's words. Keys are `mobile.…`, `errors.…`.
import { createI18n } from 'vue-i18n'
import { Locale as VantLocale } from 'vant'
import vantEn from 'vant/es/locale/lang/en-US'
import vantZh from 'vant/es/locale/lang/zh-CN'
import { DEFAULT_LOCALE, LOCALES, savedLocale, saveLocale, type Locale } from '@/locales/preference'

type Tree = { [key: string]: string | Tree }

// The login page's words (its own and the error words) are in the first load; the other pages' files are fetched
// with the rest of the kit (ADR 0064: first load on 3G), by loadPageMessages() before any page after the login.
const files = {
  ...import.meta.glob<Tree>('../locales/*/mobile.json', { eager: true, import: 'default' }),
  ...import.meta.glob<Tree>('../locales/*/errors.json', { eager: true, import: 'default' }),
}
const pageFiles = {
  // Property's phone page and the shared scanner and signature pad (ADR 0054).
  ...import.meta.glob<Tree>('../locales/*/property.json', { import: 'default' }),
  ...import.meta.glob<Tree>('../locales/*/scan.json', { import: 'default' }),
  ...import.meta.glob<Tree>('../locales/*/signature.json', { import: 'default' }),
  ...import.meta.glob<Tree>('../locales/*/field.json', { import: 'default' }),
  // The patrol unit's status and its dispatched call (dispatch, issue 18).
  ...import.meta.glob<Tree>('../locales/*/dispatch.json', { import: 'default' }),
  // The outlet clerk's counter (courier, issue 17).
  ...import.meta.glob<Tree>('../locales/*/courier.json', { import: 'default' }),
}

function place(messages: Record<Locale, Tree>, path: string, content: Tree): void {
  const m = /\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path)
  if (!m || !(LOCALES as readonly string[]).includes(m[1])) return
  messages[m[1] as Locale][m[2]] = content
}

export function loadMobileMessages(): Record<Locale, Tree> {
  const messages = { 'zh-CN': {}, en: {} } as Record<Locale, Tree>
  for (const [path, content] of Object.entries(files)) place(messages, path, content)
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

// The other pages' words, once (both languages: the language can be switched on the 我的 page).
let pageWords: Promise<void> | null = null
export function loadPageMessages(): Promise<void> {
  pageWords ??= (async () => {
    const messages = { 'zh-CN': {}, en: {} } as Record<Locale, Tree>
    await Promise.all(Object.entries(pageFiles).map(async ([path, load]) => place(messages, path, await load())))
    for (const l of LOCALES) i18n.global.mergeLocaleMessage(l, messages[l])
  })()
  pageWords.catch(() => (pageWords = null))
  return pageWords
}
