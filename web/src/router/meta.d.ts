import 'vue-router'

declare module 'vue-router' {
  interface RouteMeta {
    // i18n key of the page or menu title
    title?: string
    // name of an icon in layout/icons.ts
    icon?: string
    // the user needs any one of these permissions (SessionInfo.permissions)
    permission?: string | string[]
    // reachable without a session
    public?: boolean
    hideInMenu?: boolean
  }
}
