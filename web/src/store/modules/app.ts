// Layout state shared by the header, the menu and dialogs: phone width, collapsed menu, language.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { i18n, setLocale, type Locale } from '@/locales'

export const MOBILE_QUERY = '(max-width: 767px)'

export const useAppStore = defineStore('app', () => {
  const mq = typeof window !== 'undefined' && window.matchMedia ? window.matchMedia(MOBILE_QUERY) : null
  const isMobile = ref(mq?.matches ?? false)
  const collapsed = ref(false)
  const drawerOpen = ref(false)
  const locale = ref<Locale>(i18n.global.locale.value as Locale)

  mq?.addEventListener('change', (e) => {
    isMobile.value = e.matches
    if (!e.matches) drawerOpen.value = false
  })

  function toggleMenu(): void {
    if (isMobile.value) drawerOpen.value = !drawerOpen.value
    else collapsed.value = !collapsed.value
  }

  function changeLocale(l: Locale): void {
    locale.value = l
    setLocale(l)
  }

  // Dialog width that fits a 375-pixel phone.
  function dialogWidth(px: number): string {
    return isMobile.value ? '94%' : `${px}px`
  }

  return { isMobile, collapsed, drawerOpen, locale, toggleMenu, changeLocale, dialogWidth }
})
