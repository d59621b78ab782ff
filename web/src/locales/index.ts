// vue-i18n set-up. Messages live in locales/<locale>/<module>.json and are addressed as `<module>.<key>`.
import { createI18n } from 'vue-i18n'

import { DEFAULT_LOCALE, LOCALES, savedLocale, saveLocale, type Locale } from './preference'

export { LOCALES, DEFAULT_LOCALE, savedLocale, saveLocale, type Locale }

type Tree = { [key: string]: string | Tree }

const files = import.meta.glob<Tree>('./*/*.json', { eager: true, import: 'default' })

export function loadMessages(): Record<Locale, Tree> {
  const messages = { 'zh-CN': {}, en: {} } as Record<Locale, Tree>
  for (const [path, content] of Object.entries(files)) {
    const m = /^\.\/([^/]+)\/([^/]+)\.json$/.exec(path)
    if (!m || !(LOCALES as readonly string[]).includes(m[1])) continue
    messages[m[1] as Locale][m[2]] = content
  }
  return messages
}

export const i18n = createI18n({
  legacy: false,
  locale: savedLocale(),
  fallbackLocale: DEFAULT_LOCALE,
  messages: loadMessages(),
  missingWarn: false,
  fallbackWarn: false,
})

export function setLocale(l: Locale): void {
  i18n.global.locale.value = l
  saveLocale(l)
  document.documentElement.lang = l
}
