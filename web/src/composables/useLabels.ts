// Labels for server codes that several pages show: role codes, unit kinds, user statuses.
import { useI18n } from 'vue-i18n'

export function useLabels() {
  const { t, te } = useI18n()

  // Role names: our own catalogue first (common.roles.<code>), then the server's name_key, then the code.
  function roleName(code: string, nameKey?: string): string {
    if (te(`common.roles.${code}`)) return t(`common.roles.${code}`)
    if (te(`todo.roles.${code}`)) return t(`todo.roles.${code}`) // the demo's unit heads (issue 13)
    if (te(`orgs.roles.${code}`)) return t(`orgs.roles.${code}`) // organisations outside the police (ADR 0051)
    if (nameKey && te(nameKey)) return t(nameKey)
    return code
  }

  function unitKind(kind: string): string {
    return te(`common.unitKind.${kind}`) ? t(`common.unitKind.${kind}`) : kind
  }

  function userStatus(status: string): string {
    return te(`common.userStatus.${status}`) ? t(`common.userStatus.${status}`) : status
  }

  return { roleName, unitKind, userStatus }
}

export const STATUS_TAG: Record<string, 'success' | 'warning' | 'info' | 'danger'> = {
  active: 'success',
  locked: 'warning',
  disabled: 'info',
}
